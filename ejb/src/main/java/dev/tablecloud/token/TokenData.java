package dev.tablecloud.token;

import java.time.Instant;

/** A token as its owner and admins see it: never the token itself, only its first characters. */
public record TokenData(long id, String user, String name, String prefix, Instant createdAt, Instant expiresAt,
                        Instant lastUsedAt, Instant revokedAt, String state) {
}
