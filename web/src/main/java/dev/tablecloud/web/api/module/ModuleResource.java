package dev.tablecloud.web.api.module;

import dev.tablecloud.install.InstallReport;
import dev.tablecloud.install.ModuleService;
import dev.tablecloud.install.ModuleStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

@Path("environments/{name}/modules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ModuleResource {

    @Inject
    ModuleService modules;

    @GET
    public List<ModuleStatus> list(@PathParam("name") String environment) {
        return modules.list(environment);
    }

    @POST
    @Path("{module}")
    public InstallReport install(@PathParam("name") String environment, @PathParam("module") String module) {
        return modules.install(environment, module);
    }

    @DELETE
    @Path("{module}")
    public Response uninstall(@PathParam("name") String environment, @PathParam("module") String module) {
        modules.uninstall(environment, module);
        return Response.noContent().build();
    }
}
