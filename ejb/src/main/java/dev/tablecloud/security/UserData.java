package dev.tablecloud.security;

import java.util.List;

/** A user as the API shows it: never the password or its hash. */
public record UserData(String name, List<GrantData> roles) {
}
