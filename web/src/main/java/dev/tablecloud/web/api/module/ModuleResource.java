package dev.tablecloud.web.api.module;

import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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

    /**
     * Several modules at once, {@code DELETE …/modules?module=aws_vpc&module=aws_security_group}: as
     * {@code iasql_uninstall} with several names, a set holding its own dependents goes whole.
     */
    @DELETE
    @APIResponse(responseCode = "204", description = "Uninstalled.")
    public Response uninstallAll(@PathParam("name") String environment, @QueryParam("module") List<String> modules) {
        if (modules == null || modules.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldError("module",
                    "Name the modules to uninstall: ?module=aws_ec2&module=aws_security_group.")));
        }
        this.modules.uninstall(environment, modules);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{module}")
    @APIResponse(responseCode = "204", description = "Uninstalled.")
    public Response uninstall(@PathParam("name") String environment, @PathParam("module") String module) {
        modules.uninstall(environment, module);
        return Response.noContent().build();
    }
}
