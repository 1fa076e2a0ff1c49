package dev.tablecloud.web.api.webhook;

import dev.tablecloud.webhook.DeliveryData;
import dev.tablecloud.webhook.WebhookData;
import dev.tablecloud.webhook.WebhookService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Where an environment's review and drift events are posted, and what became of each post. Its admins only. */
@Path("environments/{name}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource {

    @EJB
    WebhookService webhooks;

    @GET
    public List<WebhookData> list(@PathParam("name") String environment) {
        return webhooks.list(environment);
    }

    /** All webhooks at once; a webhook that keeps its URL may leave its secret out to keep it. */
    @PUT
    public List<WebhookData> replace(@PathParam("name") String environment, List<WebhookData> all) {
        return webhooks.replace(environment, all == null ? List.of() : all);
    }

    /** The latest deliveries, newest first, each with its attempts. */
    @GET
    @Path("deliveries")
    public List<DeliveryData> deliveries(@PathParam("name") String environment,
                                         @QueryParam("limit") @DefaultValue("50") String limit) {
        return webhooks.deliveries(environment, count(limit));
    }

    /** Text that is no count becomes one the engine refuses with its 400, not JAX-RS's bare 404. */
    private static int count(String limit) {
        try {
            return Integer.parseInt(limit.trim());
        } catch (NumberFormatException notACount) {
            return -1;
        }
    }
}
