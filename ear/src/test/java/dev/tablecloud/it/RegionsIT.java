package dev.tablecloud.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Regions through EC2 DescribeRegions, against moto and against an endpoint that is not there. */
class RegionsIT extends DeployedTablecloud {

    @Test
    void listsTheRegionsOfTheEnvironmentsAccount() {
        Api api = new Api(deployment);
        String name = "moto-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("environments", """
                {"name": %s, "awsDefaultRegion": "eu-west-1", "awsEndpoint": %s}"""
                .formatted(Api.quote(name), Api.quote(TablecloudEar.motoUrl()))).status()).isEqualTo(201);

        var reply = api.get("environments/" + name + "/regions");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        var regions = reply.json().asJsonArray().getValuesAs(v -> v.asJsonObject().getString("name"));
        assertThat(regions).contains("us-east-1", "eu-west-1", "ap-southeast-2").isSorted();
        assertThat(reply.json().asJsonArray().getJsonObject(0).getString("endpoint")).contains("ec2");
    }

    @Test
    void answersAnUnreachableEndpointWithBadGatewayNamingIt() throws IOException {
        Api api = new Api(deployment);
        String deadEndpoint = "http://127.0.0.1:" + FreePort.find();
        String name = "dead-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("environments", "{\"name\": %s, \"awsEndpoint\": %s}"
                .formatted(Api.quote(name), Api.quote(deadEndpoint))).status()).isEqualTo(201);

        var reply = api.get("environments/" + name + "/regions");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(502);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.object().getString("detail"))
                .startsWith("AWS endpoint " + deadEndpoint + " is unreachable")
                .contains("DescribeRegions");
    }

    @Test
    void answersRegionsOfAnUnknownEnvironmentWithNotFound() {
        assertThat(new Api(deployment).get("environments/nowhere/regions").status()).isEqualTo(404);
    }
}
