package dev.tablecloud.web.api.sync;

import dev.tablecloud.sync.SyncReport;
import dev.tablecloud.sync.SyncService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("environments/{name}/sync")
@RequestScoped
public class SyncResource {

    @Inject
    SyncService sync;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public SyncReport sync(@PathParam("name") String environment) {
        return sync.sync(environment);
    }
}
