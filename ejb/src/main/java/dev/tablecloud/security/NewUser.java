package dev.tablecloud.security;

import java.util.List;

/** What an admin gives to create a user. */
public record NewUser(String name, String password, List<GrantData> roles) {
}
