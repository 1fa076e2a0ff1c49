package dev.tablecloud.token;

import java.time.Instant;

/**
 * What a user asks for: a name saying what the token is for ("deploy script"), and optionally when
 * it stops working (an ISO-8601 instant, e.g. {@code 2027-01-31T00:00:00Z}); null: until revoked.
 */
public record NewToken(String name, Instant expiresAt) {
}
