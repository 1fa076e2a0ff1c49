package dev.tablecloud.web.api.connection;

import dev.tablecloud.cloud.ConnectionService;
import dev.tablecloud.cloud.ConnectionSettings;
import dev.tablecloud.cloud.ConnectionTestResult;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("environments/{name}/connection")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConnectionResource {

    @Inject
    ConnectionService connections;

    @GET
    public ConnectionSettings get(@PathParam("name") String environment) {
        return connections.get(environment);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ConnectionSettings set(@PathParam("name") String environment, ConnectionSettings settings) {
        return connections.set(environment, settings);
    }

    /** 200 either way: a failed test is an answer, with its reason. */
    @POST
    @Path("test")
    public ConnectionTestResult test(@PathParam("name") String environment) {
        return connections.test(environment);
    }
}
