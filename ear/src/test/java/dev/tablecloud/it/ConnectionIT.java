package dev.tablecloud.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An environment's AWS connection: stored credentials that never come back, and the connection test. */
class ConnectionIT extends DeployedTablecloud {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";



    private String environment(Api api, String region, String endpoint) {
        String name = "conn-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("environments", "{\"name\": %s, \"awsDefaultRegion\": %s, \"awsEndpoint\": %s}"
                .formatted(Api.quote(name), Api.quote(region), Api.quote(endpoint))).status()).isEqualTo(201);
        return name;
    }

    @Test
    void storesAnAccessKeyButNeverShowsOrLogsItsSecret() throws IOException {
        Api api = new Api(deployment);
        String name = environment(api, "us-east-1", TablecloudEar.motoUrl());

        var set = api.put("environments/" + name + "/connection", """
                {"credentialsType": "access-key", "accessKeyId": "AKIAIOSFODNN7EXAMPLE", "secretAccessKey": %s}"""
                .formatted(Api.quote(SECRET)));

        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.body()).doesNotContain(SECRET);
        var shown = api.get("environments/" + name + "/connection");
        assertThat(shown.object().getString("credentialsType")).isEqualTo("access-key");
        assertThat(shown.object().getString("accessKeyId")).isEqualTo("AKIAIOSFODNN7EXAMPLE");
        assertThat(shown.body()).doesNotContain(SECRET);

        var test = api.post("environments/" + name + "/connection/test", "");
        assertThat(test.status()).isEqualTo(200);
        assertThat(test.object().getBoolean("ok")).as(test.toString()).isTrue();
        assertThat(test.object().getString("account")).matches("\\d{12}");
        assertThat(api.post("environments/" + name + "/sync", "").status()).as("sync signs with the stored key")
                .isEqualTo(200);

        Path log = Path.of(System.getProperty("wildfly.home"), "standalone", "log", "server.log");
        assertThat(Files.readString(log)).doesNotContain(SECRET);
    }

    @Test
    void assumesARole() {
        Api api = new Api(deployment);
        String name = environment(api, "us-east-1", TablecloudEar.motoUrl());

        assertThat(api.put("environments/" + name + "/connection",
                "{\"credentialsType\": \"assume-role\", \"roleArn\": \"arn:aws:iam::123456789012:role/tablecloud\"}")
                .status()).isEqualTo(200);
        var test = api.post("environments/" + name + "/connection/test", "").object();

        assertThat(test.getBoolean("ok")).as(test.toString()).isTrue();
        assertThat(test.getString("arn")).contains("assumed-role/tablecloud");
    }

    @Test
    void explainsAnUnreachableEndpoint() throws IOException {
        Api api = new Api(deployment);
        String dead = "http://127.0.0.1:" + FreePort.find();
        String name = environment(api, "us-east-1", dead);

        var test = api.post("environments/" + name + "/connection/test", "").object();

        assertThat(test.getBoolean("ok")).isFalse();
        assertThat(test.getString("reason")).startsWith("AWS endpoint " + dead + " is unreachable");
    }

    @Test
    void explainsARegionTheAccountDoesNotHave() {
        Api api = new Api(deployment);
        String name = environment(api, "xx-nowhere-1", TablecloudEar.motoUrl());

        var test = api.post("environments/" + name + "/connection/test", "").object();

        assertThat(test.getBoolean("ok")).isFalse();
        assertThat(test.getString("reason")).startsWith("Region xx-nowhere-1 is not enabled for account");
    }

    @Test
    void rejectsIncompleteCredentialsByField() {
        Api api = new Api(deployment);
        String name = environment(api, "us-east-1", TablecloudEar.motoUrl());

        var reply = api.put("environments/" + name + "/connection",
                "{\"credentialsType\": \"access-key\", \"accessKeyId\": \"short\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.object().getJsonArray("errors").getValuesAs(v -> v.asJsonObject().getString("field")))
                .containsExactly("accessKeyId", "secretAccessKey");
        assertThat(api.put("environments/" + name + "/connection", "{\"credentialsType\": \"password\"}").status())
                .isEqualTo(400);
    }
}
