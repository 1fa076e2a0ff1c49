package dev.tablecloud.security;

/**
 * Whether an environment exists, for refusing a role granted in one that does not. The
 * environment feature implements it: environments depend on security, never the other way.
 */
public interface KnownEnvironments {

    boolean exists(String environmentName);
}
