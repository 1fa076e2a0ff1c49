/** {@code GET /api/v1/health}: 200 with the report when this node is up, 503 with it when not. */
package dev.tablecloud.web.api.health;
