package dev.tablecloud.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's front door as a script and an attacker meet it: personal API tokens (a script lists
 * environments with one; revoked, expired and orphaned tokens are refused with a 401 that says
 * why; a viewer's token cannot write), failed sign-ins answered with a wait and then a lockout
 * even for the right password until an admin unlocks, a changed password refused at once, and the
 * security headers.
 */
class FrontDoorIT extends DeployedTablecloud {

    private static final String PASSWORD = "correct horse battery";
    private Api admin;
    private String environment;

    @BeforeEach
    void createEnvironment() {
        admin = new Api(deployment);
        environment = "door-" + UUID.randomUUID().toString().substring(0, 8);
        var created = admin.post("environments", "{\"name\": %s}".formatted(Api.quote(environment)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private String newUser(String role) {
        String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        var created = admin.post("users", """
                {"name": %s, "password": %s, "roles": [{"environment": %s, "role": %s}]}"""
                .formatted(Api.quote(name), Api.quote(PASSWORD), Api.quote(environment), Api.quote(role)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return name;
    }

    private static JsonObject createToken(Api owner, String json) {
        var created = owner.post("tokens", json);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.object();
    }

    @Test
    void aScriptWithAViewersTokenListsEnvironmentsCannotWriteAndIsRefusedOnceRevoked() {
        String viewerName = newUser("viewer");
        Api viewer = admin.as(viewerName, PASSWORD);
        JsonObject created = createToken(viewer, "{\"name\": \"inventory script\"}");
        String secret = created.getString("secret");
        long id = created.getJsonObject("token").getJsonNumber("id").longValue();
        assertThat(secret).startsWith("tct_").hasSizeGreaterThan(40);

        Api script = admin.anonymous().withToken(secret);
        var environments = script.get("environments");
        assertThat(environments.status()).as(environments.toString()).isEqualTo(200);
        assertThat(environments.json().asJsonArray()).extracting(value -> value.asJsonObject().getString("name"))
                .containsExactly(environment);
        assertThat(script.get("users/me").object().getString("name")).isEqualTo(viewerName);

        var write = script.post("environments/" + environment + "/sql", "{\"sql\": \"select 1\"}");
        assertThat(write.status()).as("a token holds its owner's roles, never more").isEqualTo(403);
        assertThat(script.post("environments", "{\"name\": \"by-token\"}").status()).isEqualTo(403);

        var listed = viewer.get("tokens");
        assertThat(listed.body()).contains("inventory script").contains(secret.substring(0, 10))
                .doesNotContain(secret).doesNotContain("secret");
        assertThat(listed.json().asJsonArray().getJsonObject(0).getString("lastUsedAt", null))
                .as("the list shows the last use").isNotNull();

        var revoked = viewer.delete("tokens/" + id);
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.object().getString("state")).isEqualTo("revoked");
        var refused = script.get("environments");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.object().getString("detail")).startsWith("The API token was revoked at");

        var made = admin.anonymous().withToken("tct_" + "x".repeat(43)).get("environments");
        assertThat(made.status()).isEqualTo(401);
        assertThat(made.object().getString("detail")).contains("unknown");
    }

    @Test
    void anExpiredTokenIsRefusedWithA401ThatSaysSo() throws InterruptedException {
        Api author = admin.as(newUser("author"), PASSWORD);
        Instant expiry = Instant.now().plusSeconds(3);
        String secret = createToken(author, "{\"name\": \"short-lived\", \"expiresAt\": %s}"
                .formatted(Api.quote(expiry.toString()))).getString("secret");
        Api script = admin.anonymous().withToken(secret);
        assertThat(script.sql(environment, "select 1").getBoolean("ok")).isTrue();

        Thread.sleep(Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis()) + 500);

        var refused = script.get("environments");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.object().getString("detail")).startsWith("The API token expired at");
        var past = author.post("tokens", "{\"name\": \"too late\", \"expiresAt\": \"2020-01-01T00:00:00Z\"}");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.object().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("expiresAt");
    }

    @Test
    void aRemovedUsersTokensStopAtOnceAndAdminsSeeAndRevokeAnyonesTokens() {
        String leaverName = newUser("author");
        Api leaver = admin.as(leaverName, PASSWORD);
        String first = createToken(leaver, "{\"name\": \"first\"}").getString("secret");
        long second = createToken(leaver, "{\"name\": \"second\"}").getJsonObject("token").getJsonNumber("id").longValue();
        String othersName = newUser("viewer");
        Api other = admin.as(othersName, PASSWORD);

        assertThat(admin.get("tokens?user=" + leaverName).json().asJsonArray()).hasSize(2);
        assertThat(other.get("tokens?user=" + leaverName).status()).isEqualTo(403);
        assertThat(other.delete("tokens/" + second).status()).as("another user's token looks missing").isEqualTo(404);
        assertThat(admin.delete("tokens/" + second).object().getString("state")).isEqualTo("revoked");

        assertThat(admin.anonymous().withToken(first).get("users/me").status()).isEqualTo(200);
        assertThat(admin.delete("users/" + leaverName).status()).isEqualTo(204);
        var refused = admin.anonymous().withToken(first).get("users/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.object().getString("detail")).contains("unknown");
    }

    @Test
    void thirtyWrongPasswordsLockTheUserOutEvenForTheRightOneUntilAnAdminUnlocks() {
        String name = newUser("viewer");
        Api guesser = admin.as(name, "not the password");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            statuses.add(guesser.get("environments").status());
        }
        assertThat(statuses.subList(0, 3)).containsOnly(401);
        assertThat(statuses.subList(10, 30)).as("locked out after ten").containsOnly(429);

        var right = admin.as(name, PASSWORD).get("environments");
        assertThat(right.status()).as(right.toString()).isEqualTo(429);
        assertThat(right.contentType()).startsWith("application/problem+json");
        assertThat(right.object().getString("detail")).contains("locked until").contains("an admin can unlock");
        assertThat(Long.parseLong(right.header("Retry-After"))).isBetween(800L, 901L);

        var refusals = admin.get("sign-in-refusals?user=" + name);
        assertThat(refusals.status()).isEqualTo(200);
        assertThat(refusals.json().asJsonArray()).hasSize(31)
                .extracting(value -> value.asJsonObject().getString("reason"))
                .contains("wrong password").anyMatch(reason -> reason.contains("password not checked"));
        assertThat(admin.as(name, PASSWORD).get("sign-in-refusals").status()).isEqualTo(429);

        assertThat(admin.post("users/" + name + "/unlock").status()).isEqualTo(204);
        assertThat(admin.as(name, PASSWORD).get("environments").status()).isEqualTo(200);
        assertThat(admin.post("users/no-such-user-" + name + "/unlock").status()).isEqualTo(404);
    }

    @Test
    void aFewWrongPasswordsMakeTheNextTryWaitAndTheWaitEndsByItself() throws InterruptedException {
        String name = newUser("viewer");
        Api guesser = admin.as(name, "not the password");
        for (int i = 0; i < 4; i++) {
            var wrong = guesser.get("environments");
            assertThat(wrong.status()).as("try " + (i + 1)).isEqualTo(401);
            assertThat(wrong.object().getString("detail")).isEqualTo("The user name or password is wrong.");
        }

        var tooSoon = admin.as(name, PASSWORD).get("environments");
        assertThat(tooSoon.status()).as(tooSoon.toString()).isEqualTo(429);
        long wait = Long.parseLong(tooSoon.header("Retry-After"));
        assertThat(wait).isBetween(1L, 2L);
        assertThat(tooSoon.object().getString("detail")).contains("wait");

        Thread.sleep(wait * 1000 + 200);
        assertThat(admin.as(name, PASSWORD).get("environments").status()).isEqualTo(200);
        assertThat(guesser.get("environments").status()).as("a success starts the count afresh").isEqualTo(401);
    }

    @Test
    void aChangedPasswordStopsTheOldOneAtOnce() {
        String name = newUser("viewer");
        Api before = admin.as(name, PASSWORD);
        assertThat(before.get("environments").status()).isEqualTo(200);
        assertThat(before.get("environments").status()).as("remembered now").isEqualTo(200);

        assertThat(admin.put("users/" + name + "/password", "{\"password\": \"a brand new password\"}").status())
                .isEqualTo(204);

        assertThat(before.get("environments").status()).isEqualTo(401);
        assertThat(admin.as(name, "a brand new password").get("environments").status()).isEqualTo(200);
    }

    @Test
    void apiAnswersCarryTheSecurityHeaders() {
        var reply = admin.get("environments");

        assertThat(reply.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(admin.anonymous().get("environments").header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
