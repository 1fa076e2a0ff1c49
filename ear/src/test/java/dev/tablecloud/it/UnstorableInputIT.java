package dev.tablecloud.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input the API fuzzing once turned into 500s, answered now as a caller can act on: 400 with a
 * problem detail naming the field.
 */
class UnstorableInputIT extends DeployedTablecloud {

    private Api admin;
    private String environment;

    @BeforeEach
    void createEnvironment() {
        admin = new Api(deployment);
        environment = "input-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("environments", "{\"name\": %s}".formatted(Api.quote(environment))).status())
                .isEqualTo(201);
    }

    @Test
    void aJsonNullBodyIsRefusedByName() {
        assertRefused(admin.post("users", "null"), "body");
    }

    @Test
    void aNullInAListIsRefusedByItsPlace() {
        assertRefused(admin.put("environments/" + environment + "/commit-windows",
                "{\"windows\": [], \"freezes\": [null]}"), "freezes[0]");
    }

    @Test
    void aNulCharacterIsRefusedWhereverItIs() {
        assertRefused(admin.get("environments/" + environment + "/transactions/1/sql?target=a%00b"), "target");
        assertRefused(admin.delete("users/admin/roles?role=admin&environment=a%00b"), "environment");
        assertRefused(admin.get("environments/a%00b"), "name");
        assertRefused(admin.post("tokens", "{\"name\": \"a\\u0000b\"}"), "name");
    }

    @Test
    void mappingsWithoutAKindReplacedTogetherAreEachNamed() {
        var reply = admin.put("environments/" + environment + "/mappings", "[{\"from\": \"a\"}, {\"from\": \"a\"}]");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(fields(reply)).contains("mappings[0].kind", "mappings[1].kind");
    }

    private static void assertRefused(Api.Reply reply, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(fields(reply)).contains(field);
    }

    private static List<String> fields(Api.Reply reply) {
        return reply.object().getJsonArray("errors").getValuesAs(value -> value.asJsonObject().getString("field"));
    }
}
