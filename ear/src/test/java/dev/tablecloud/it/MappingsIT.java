package dev.tablecloud.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An environment's value mappings over REST: kept, listed, refused when wrong, changed by its admins only. */
class MappingsIT extends DeployedTablecloud {

    private static final String PASSWORD = "correct horse battery";
    private Api admin;
    private String prod;

    @BeforeEach
    void createEnvironment() {
        admin = new Api(deployment);
        prod = "map-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("environments", "{\"name\": %s}".formatted(Api.quote(prod))).status()).isEqualTo(201);
    }

    private String mappings() {
        return "environments/" + prod + "/mappings";
    }

    @Test
    void mappingsAreKeptInOrderAndDeletedById() {
        var type = admin.post(mappings(), """
                {"kind": "value", "table": "instance", "column": "instance_type", "from": "t3.micro", "to": "m5.large"}""");
        var region = admin.post(mappings(), "{\"kind\": \"region\", \"from\": \"us-east-1\", \"to\": \"eu-west-1\"}");

        assertThat(type.status()).as(type.toString()).isEqualTo(201);
        assertThat(type.location()).endsWith(mappings() + "/" + type.object().getJsonNumber("id"));
        JsonArray listed = admin.get(mappings()).json().asJsonArray();
        assertThat(listed.stream().map(m -> m.asJsonObject().getString("to")).toList())
                .containsExactly("m5.large", "eu-west-1");
        assertThat(admin.delete(mappings() + "/" + region.object().getJsonNumber("id")).status()).isEqualTo(204);
        assertThat(admin.delete(mappings() + "/" + region.object().getJsonNumber("id")).status()).isEqualTo(404);
        assertThat(admin.get(mappings()).json().asJsonArray()).hasSize(1);
    }

    @Test
    void aSecondMappingOfTheSameValueIsAConflictAndAWrongOneSaysWhatIsWrong() {
        String mapping = "{\"kind\": \"name\", \"from\": \"-staging\", \"to\": \"-prod\"}";
        assertThat(admin.post(mappings(), mapping).status()).isEqualTo(201);

        var again = admin.post(mappings(), mapping);
        var wrong = admin.post(mappings(), "{\"kind\": \"value\", \"table\": \"subnet\", \"column\": \"vpc_id\","
                + " \"from\": \"1\", \"to\": \"2\"}");

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.object().getString("detail")).contains("already maps name '-staging'");
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(400);
        assertThat(wrong.body()).contains("\"column\"").contains("foreign keys");
        assertThat(admin.post("environments/nowhere-" + UUID.randomUUID().toString().substring(0, 8) + "/mappings",
                mapping).status()).isEqualTo(404);
    }

    @Test
    void replacingAllAtOnceChangesNothingWhenOneIsWrong() {
        admin.post(mappings(), "{\"kind\": \"region\", \"from\": \"us-east-1\", \"to\": \"eu-west-1\"}");

        var wrong = admin.put(mappings(), """
                [{"kind": "availability_zone", "from": "us-east-1a", "to": "eu-west-1b"},
                 {"kind": "value", "from": "x", "to": "y"}]""");
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(400);
        assertThat(wrong.body()).contains("mappings[1].column");
        assertThat(admin.get(mappings()).json().asJsonArray()).hasSize(1);

        var replaced = admin.put(mappings(), """
                [{"kind": "availability_zone", "from": "us-east-1a", "to": "eu-west-1b"},
                 {"kind": "name", "table": "bucket", "from": "-staging", "to": "-prod"}]""");
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(admin.get(mappings()).json().asJsonArray().stream().map(m -> m.asJsonObject().getString("kind")))
                .containsExactly("availability_zone", "name");
    }

    @Test
    void viewersReadMappingsOnlyItsAdminsChangeThem() {
        String name = "viewer-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("users", """
                {"name": %s, "password": %s, "roles": [{"environment": %s, "role": "viewer"}]}"""
                .formatted(Api.quote(name), Api.quote(PASSWORD), Api.quote(prod))).status()).isEqualTo(201);
        Api viewer = admin.as(name, PASSWORD);
        admin.post(mappings(), "{\"kind\": \"region\", \"from\": \"us-east-1\", \"to\": \"eu-west-1\"}");

        var changed = viewer.post(mappings(), "{\"kind\": \"region\", \"from\": \"us-west-2\", \"to\": \"eu-west-2\"}");

        assertThat(viewer.get(mappings()).json().asJsonArray()).hasSize(1);
        assertThat(changed.status()).isEqualTo(403);
        JsonObject problem = changed.object();
        assertThat(problem.getString("detail")).contains("admin").contains(prod);
        assertThat(viewer.put(mappings(), "[]").status()).isEqualTo(403);
    }
}
