package dev.tablecloud.token;

/** A new token and its secret, shown this once: only its hash is stored. */
public record CreatedToken(TokenData token, String secret) {
}
