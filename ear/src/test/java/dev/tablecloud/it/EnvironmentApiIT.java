package dev.tablecloud.it;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Environments through the REST API, including every way to get them wrong. */
class EnvironmentApiIT extends DeployedTablecloud {

    private static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createsListsAndFindsAnEnvironment() {
        Api api = new Api(deployment);
        String name = uniqueName("staging");

        var created = api.post("environments", """
                {"name": %s, "description": "Staging account", "awsDefaultRegion": "eu-west-1",
                 "awsEndpoint": "http://localhost:5000"}""".formatted(Api.quote(name)));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.location()).endsWith("/api/v1/environments/" + name);
        var body = created.object();
        assertThat(body.getString("name")).isEqualTo(name);
        assertThat(body.getString("description")).isEqualTo("Staging account");
        assertThat(body.getString("awsDefaultRegion")).isEqualTo("eu-west-1");
        assertThat(body.getString("awsEndpoint")).isEqualTo("http://localhost:5000");

        var list = api.get("environments");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().asJsonArray().getValuesAs(v -> v.asJsonObject().getString("name"))).contains(name);

        var found = api.get("environments/" + name);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.object()).isEqualTo(body);
    }

    @Test
    void fillsTheDefaultRegionWhenNoneIsGiven() {
        Api api = new Api(deployment);
        String name = uniqueName("dev");

        var created = api.post("environments", "{\"name\": %s}".formatted(Api.quote(name)));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.object().getString("awsDefaultRegion")).isEqualTo("us-east-1");
        assertThat(created.object().containsKey("awsEndpoint")).isFalse();
    }

    @Test
    void rejectsAnInvalidNameWithAProblemDetail() {
        Api api = new Api(deployment);

        var reply = api.post("environments", "{\"name\": \"Staging_1\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        var problem = reply.object();
        assertThat(problem.getInt("status")).isEqualTo(400);
        assertThat(problem.getString("title")).isEqualTo("Invalid input");
        assertThat(problem.getString("detail")).contains("'Staging_1'")
                .contains("lowercase letters, digits or hyphens, starting with a letter");
        var error = problem.getJsonArray("errors").getJsonObject(0);
        assertThat(error.getString("field")).isEqualTo("name");
        assertThat(api.get("environments/Staging_1").status()).isEqualTo(404);
    }

    @Test
    void rejectsADuplicateNameWithConflict() {
        Api api = new Api(deployment);
        String name = uniqueName("prod");
        assertThat(api.post("environments", "{\"name\": %s}".formatted(Api.quote(name))).status()).isEqualTo(201);

        var reply = api.post("environments", "{\"name\": %s, \"description\": \"again\"}".formatted(Api.quote(name)));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.object().getString("detail")).isEqualTo("An environment named '" + name + "' already exists.");
        assertThat(api.get("environments/" + name).object().containsKey("description")).isFalse();
    }

    @Test
    void answersAnUnknownEnvironmentWithNotFound() {
        var reply = new Api(deployment).get("environments/no-such-environment");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.object().getString("detail")).isEqualTo("There is no environment named 'no-such-environment'.");
    }

    @Test
    void rejectsABodyThatIsNotJson() {
        var reply = new Api(deployment).post("environments", "{name: ");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.object().getString("detail")).contains("not valid JSON");
        assertThat(reply.body()).doesNotContain("Exception");
    }

    @Test
    void rejectsABadRegionAndEndpointByField() {
        var reply = new Api(deployment).post("environments", """
                {"name": %s, "awsDefaultRegion": "moon-1", "awsEndpoint": "localhost:5000"}"""
                .formatted(Api.quote(uniqueName("bad"))));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.object().getJsonArray("errors").getValuesAs(v -> v.asJsonObject().getString("field")))
                .containsExactly("awsDefaultRegion", "awsEndpoint");
    }
}
