/**
 * The API's OpenAPI document, which WildFly's MicroProfile OpenAPI generates from the JAX-RS
 * resources and serves at {@code /openapi}. What the code cannot tell is said here once, not on
 * each resource: the title, the two ways to sign in (either will do), and the problem-detail
 * errors that {@link dev.tablecloud.web.api.openapi.SharedResponses} puts on every operation. The
 * {@code Problem} response below is there so that the scanner writes the ProblemDetail schema.
 */
@OpenAPIDefinition(
        info = @Info(title = "Tablecloud API", version = "v1",
                description = "Infrastructure as SQL: environments, their IaSQL transactions, reviews, schedules and"
                        + " users. Every failure is an RFC 9457 problem detail (application/problem+json)."),
        securitySets = {
                @SecurityRequirementsSet(@SecurityRequirement(name = "basic")),
                @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
        },
        components = @Components(
                securitySchemes = {
                        @SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP,
                                scheme = "basic", description = "A Tablecloud user's name and password."),
                        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP,
                                scheme = "bearer", bearerFormat = "tct_…",
                                description = "A personal API token (POST /api/v1/tokens).")
                },
                responses = @APIResponse(name = "Problem",
                        description = "What went wrong, as an RFC 9457 problem detail.",
                        content = @Content(mediaType = "application/problem+json",
                                schema = @Schema(implementation = ProblemDetail.class)))))
package dev.tablecloud.web.api.openapi;

import dev.tablecloud.web.api.problem.ProblemDetail;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
