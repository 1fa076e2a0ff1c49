/**
 * REST for an environment's AWS connection: {@code GET/PUT .../connection} (credentials; the secret
 * access key is accepted, never returned) and {@code POST .../connection/test}.
 */
package dev.tablecloud.web.api.connection;
