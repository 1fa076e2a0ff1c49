package dev.tablecloud.web.signin;

import jakarta.security.enterprise.credential.Credential;

/** A personal API token sent as {@code Authorization: Bearer <token>}. */
record BearerTokenCredential(String token) implements Credential {
}
