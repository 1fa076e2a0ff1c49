package dev.tablecloud.web.api.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Says on every operation what the exception mappers and the sign-in filter do for all of them:
 * each failure is a problem detail (bad input 400, no or wrong credentials 401, a role missing 403,
 * nothing there 404, a conflict 409, and the rest under {@code default}), and every operation but
 * health needs a signed-in caller; and each operation is grouped by what it acts on. Written once here so that a new resource is documented the same
 * way without repeating it. Registered by {@code mp.openapi.filter} in microprofile-config.properties.
 */
public class SharedResponses implements OASFilter {

    /** The one operation open without signing in (see {@code SignInRequired}). */
    static final String OPEN_PATH = "/api/v1/health";

    static final Map<String, String> PROBLEMS = problems();

    private static Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "The request is not valid: the problem's errors name each broken rule.");
        problems.put("401", "No credentials, or wrong ones, or a revoked or expired token.");
        problems.put("403", "The caller lacks the role this needs.");
        problems.put("404", "There is no such thing (or nothing at this address).");
        problems.put("409", "It conflicts with the current state: it exists already, or another change is under way.");
        problems.put(APIResponses.DEFAULT, "Any other failure, e.g. 429 after too many failed sign-ins, 502 when the"
                + " cloud refused, 503 when the server is not set up.");
        return problems;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            boolean open = path.equals(OPEN_PATH);
            String tag = tagOf(path);
            operations(item).forEach(operation -> {
                if (operation.getTags() == null || operation.getTags().isEmpty()) {
                    operation.setTags(new ArrayList<>(List.of(tag)));
                }
                if (open) {
                    // One empty requirement: no credentials needed (an empty list would be left out of the document).
                    operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement())));
                }
                if (operation.getResponses() == null) {
                    operation.setResponses(OASFactory.createAPIResponses());
                }
                PROBLEMS.forEach((status, description) -> {
                    if (open && (status.equals("401") || status.equals("403"))) {
                        return;
                    }
                    if (!operation.getResponses().hasAPIResponse(status)) {
                        operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse()
                                .description(description)
                                .content(OASFactory.createContent().addMediaType("application/problem+json",
                                        OASFactory.createMediaType().schema(OASFactory.createSchema()
                                                .ref("ProblemDetail")))));
                    }
                });
            });
        });
    }

    /**
     * The group an operation is listed under on the API page: what it acts on, e.g. "transactions"
     * for {@code /api/v1/environments/{name}/transactions/current/commit}, "environments" for
     * {@code /api/v1/environments/{name}}.
     */
    static String tagOf(String path) {
        String[] segments = path.replaceFirst("^/api/v1/?", "").split("/");
        if (segments.length > 2 && segments[0].equals("environments")) {
            return segments[2];
        }
        return segments[0].isEmpty() ? "api" : segments[0];
    }

    private static List<Operation> operations(PathItem item) {
        return item.getOperations() == null ? List.of() : List.copyOf(item.getOperations().values());
    }
}
