package dev.tablecloud.signin;

import java.time.Instant;

/** A refused sign-in: when, the user name given, the client's address, and why. */
public record RefusalData(Instant at, String user, String address, String reason) {
}
