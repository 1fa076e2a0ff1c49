/**
 * The interactive API page at {@code /api-docs}: Swagger UI (from its webjar) over the OpenAPI
 * document WildFly serves at {@code /openapi}. The page itself is static (src/main/api-docs).
 */
package dev.tablecloud.web.apidocs;
