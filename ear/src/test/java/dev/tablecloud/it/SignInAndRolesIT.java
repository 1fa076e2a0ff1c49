package dev.tablecloud.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what: the API needs a signed-in user (health excepted), roles are per environment,
 * every denial is a clear 403, and only an admin deletes an environment — its database only when
 * asked.
 */
class SignInAndRolesIT extends DeployedTablecloud {

    private static final String PASSWORD = "correct horse battery";
    private Api admin;
    private String environment;

    @BeforeEach
    void createEnvironment() {
        admin = new Api(deployment);
        environment = "sec-" + UUID.randomUUID().toString().substring(0, 8);
        var created = admin.post("environments", "{\"name\": %s}".formatted(Api.quote(environment)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private Api newUser(String role, String inEnvironment) {
        String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        var created = admin.post("users", """
                {"name": %s, "password": %s, "roles": [{"environment": %s, "role": %s}]}"""
                .formatted(Api.quote(name), Api.quote(PASSWORD), Api.quote(inEnvironment), Api.quote(role)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(PASSWORD).doesNotContain("pbkdf2");
        return admin.as(name, PASSWORD);
    }

    @Test
    void theApiAsksStrangersToSignInButHealthStaysOpen() {
        var reply = admin.anonymous().get("environments");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.object().getString("detail")).contains("Sign in");
        assertThat(admin.anonymous().get("health").status()).isIn(200, 503);
    }

    @Test
    void aWrongPasswordIsRefused() {
        var reply = admin.as(Api.ADMIN, "not-the-password").get("environments");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.object().getString("detail")).isEqualTo("The user name or password is wrong.");
    }

    @Test
    void aViewerSeesOnlyTheirEnvironmentsAndIsToldWhyTheyMayNotChangeThem() {
        Api viewer = newUser("viewer", environment);

        assertThat(viewer.get("environments").json().asJsonArray())
                .extracting(value -> value.asJsonObject().getString("name")).containsExactly(environment);
        var sql = viewer.post("environments/" + environment + "/sql", "{\"sql\": \"select 1\"}");
        assertThat(sql.status()).isEqualTo(403);
        assertThat(sql.object().getString("detail")).startsWith("viewer-")
                .endsWith(" may not run SQL: that needs the author role in environment '" + environment
                        + "'. An admin can grant it.");
        var create = viewer.post("environments", "{\"name\": \"not-allowed\"}");
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.object().getString("detail"))
                .contains("may not create environments: that needs the admin role in every environment");
        assertThat(viewer.delete("environments/" + environment).status()).isEqualTo(403);
        assertThat(viewer.get("users").status()).isEqualTo(403);
    }

    @Test
    void anAuthorRunsSqlInTheirEnvironmentOnly() {
        Api author = newUser("author", environment);
        String other = "sec-other-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("environments", "{\"name\": %s}".formatted(Api.quote(other))).status()).isEqualTo(201);

        assertThat(author.sql(environment, "select 1").getBoolean("ok")).isTrue();
        assertThat(author.post("environments/" + other + "/sql", "{\"sql\": \"select 1\"}").status()).isEqualTo(403);
        var hidden = author.get("environments/" + other);
        var missing = author.get("environments/no-such-" + other);
        assertThat(hidden.status()).as("an environment one may not see looks missing").isEqualTo(404);
        assertThat(hidden.object().getString("detail"))
                .isEqualTo(missing.object().getString("detail").replace("no-such-" + other, other));
    }

    @Test
    void usersAreCheckedAndListedWithoutSecrets() {
        var weak = admin.post("users", "{\"name\": \"Bad Name\", \"password\": \"short\", \"roles\": [{\"role\": \"boss\"}]}");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.object().getJsonArray("errors")).extracting(error -> error.asJsonObject().getString("field"))
                .containsExactlyInAnyOrder("name", "password", "role");

        Api viewer = newUser("viewer", environment);
        var me = viewer.get("users/me").object();
        assertThat(me.getJsonArray("roles").getJsonObject(0).getString("role")).isEqualTo("viewer");
        var duplicate = admin.post("users", "{\"name\": %s, \"password\": %s}"
                .formatted(Api.quote(me.getString("name")), Api.quote(PASSWORD)));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(admin.get("users").body()).contains(me.getString("name")).doesNotContain("password");
    }

    @Test
    void deletingAnEnvironmentKeepsItsDatabaseUnlessAskedAndNeverTouchesTheCloud() {
        String kept = environment;
        String dropped = "sec-drop-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("environments", "{\"name\": %s}".formatted(Api.quote(dropped))).status()).isEqualTo(201);
        String witness = "sec-witness-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("environments", "{\"name\": %s}".formatted(Api.quote(witness))).status()).isEqualTo(201);

        var keep = admin.delete("environments/" + kept);
        assertThat(keep.status()).as(keep.toString()).isEqualTo(200);
        assertThat(keep.object().getBoolean("databaseDropped")).isFalse();
        var drop = admin.delete("environments/" + dropped + "?dropDatabase=true");
        assertThat(drop.status()).as(drop.toString()).isEqualTo(200);
        assertThat(drop.object().getBoolean("databaseDropped")).isTrue();

        assertThat(admin.get("environments/" + kept).status()).isEqualTo(404);
        assertThat(admin.get("environments/" + dropped).status()).isEqualTo(404);
        var databases = admin.sql(witness, "select datname from pg_database where datname in ('%s', '%s')"
                .formatted(kept, dropped)).getJsonArray("statements").getJsonObject(0).getJsonArray("rows");
        assertThat(databases).extracting(row -> row.asJsonArray().getString(0)).containsExactly(kept);
        var again = admin.post("environments", "{\"name\": %s}".formatted(Api.quote(kept)));
        assertThat(again.status()).as("the kept database blocks the name").isEqualTo(409);
    }
}
