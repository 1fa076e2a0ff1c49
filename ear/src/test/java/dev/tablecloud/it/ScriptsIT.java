package dev.tablecloud.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.UUID;

import static dev.tablecloud.it.SqlAnswers.column;
import static dev.tablecloud.it.SqlAnswers.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL written for IaSQL, through the REST SQL endpoint: a script is one transaction (engine calls
 * split it), iasql_get_sql_since() as IaSQL takes it, default_aws_region() and moving the default
 * region, iasql_help(), and aws_ec2's key pair functions against moto.
 */
class ScriptsIT extends DeployedTablecloud {

    private Api api;
    private String environment;

    @BeforeEach
    void environmentWithVpcs() {
        api = new Api(deployment);
        environment = "scripts-" + UUID.randomUUID().toString().substring(0, 8);
        api.environment(environment, TablecloudEar.motoUrl(), "us-east-1", "aws_vpc");
    }

    private static JsonObject statement(JsonObject result, int index) {
        return result.getJsonArray("statements").getJsonObject(index);
    }

    /**
     * Counts rows; the VPC counts look only at rows not yet in the cloud (no vpc_id), since moto is one
     * account for the whole run and other tests' committed VPCs are imported here with their blocks.
     */
    private int count(String query) {
        return rows(api.sql(environment, query), 0).getJsonArray(0).getInt(0);
    }

    @Test
    void aFailingStatementUndoesTheStatementsBeforeItAndTheAnswerSaysWhich() {
        api.begin(environment);

        JsonObject result = api.sql(environment, """
                insert into vpc (cidr_block) values ('10.61.0.0/16');
                insert into vpc (cidr_block) values ('10.62.0.0/16');
                insert into vpc (nosuch) values ('10.63.0.0/16')""");

        assertThat(result.getBoolean("ok")).isFalse();
        assertThat(count("select count(*) from vpc where vpc_id is null and cidr_block in ('10.61.0.0/16', '10.62.0.0/16')")).isZero();
        assertThat(statement(result, 0).getBoolean("rolledBack")).isTrue();
        assertThat(statement(result, 1).getBoolean("rolledBack")).isTrue();
        assertThat(statement(result, 2).getJsonObject("error").getString("message")).contains("nosuch");
        assertThat(result.getString("notice")).isEqualTo("Statement 3 failed, so statements 1\u20132 were rolled back with it.");
        api.sql(environment, "select iasql_rollback()");
    }

    @Test
    void anEngineCallCommitsTheStatementsBeforeItAndWhatFollowsIsANewTransaction() {
        JsonObject result = api.sql(environment, """
                select transaction_id from iasql_begin();
                insert into vpc (cidr_block, tags) values ('10.64.0.0/16', '{"Name": "split"}');
                select sql from iasql_get_sql_for_transaction();
                insert into vpc (cidr_block) values ('10.65.0.0/16');
                insert into vpc (nosuch) values (1)""");

        assertThat(column(statement(result, 2).getJsonArray("rows"), 0)).anyMatch(sql -> sql.contains("10.64.0.0/16"));
        assertThat(count("select count(*) from vpc where vpc_id is null and cidr_block = '10.64.0.0/16'")).isOne();
        assertThat(count("select count(*) from vpc where vpc_id is null and cidr_block = '10.65.0.0/16'")).isZero();
        assertThat(statement(result, 3).getBoolean("rolledBack")).isTrue();
        assertThat(result.getString("notice")).isEqualTo("Statement 5 failed, so statement 4 was rolled back with it;"
                + " statements 1\u20133 were committed before it and stay.");
        api.sql(environment, "select iasql_rollback()");
    }

    @Test
    void aScriptsOwnBeginBlockStillRunsAsWritten() {
        api.begin(environment);

        JsonObject result = api.sql(environment, """
                begin;
                insert into vpc (cidr_block) values ('10.66.0.0/16');
                commit;
                insert into vpc (cidr_block) values ('10.67.0.0/16');
                select 1/0""");

        assertThat(result.getBoolean("ok")).isFalse();
        assertThat(count("select count(*) from vpc where vpc_id is null and cidr_block = '10.66.0.0/16'")).isOne();
        assertThat(count("select count(*) from vpc where vpc_id is null and cidr_block = '10.67.0.0/16'")).isZero();
        api.sql(environment, "select iasql_rollback()");
    }

    @Test
    void getSqlSinceTakesNoMomentAnExpressionOrText() {
        api.begin(environment);
        SqlAnswers.ok(api.sql(environment, "insert into vpc (cidr_block) values ('10.68.0.0/16')"));

        for (String call : new String[] {"iasql_get_sql_since()", "iasql_get_sql_since(null)",
                "iasql_get_sql_since(now() - interval '30 minutes')",
                "iasql_get_sql_since((now() - interval '30 minutes')::text)"}) {
            JsonObject result = api.sql(environment, "select sql from " + call);
            assertThat(column(rows(result, 0), 0)).as(call).anyMatch(sql -> sql.contains("10.68.0.0/16"));
        }
        JsonObject later = api.sql(environment, "select sql from iasql_get_sql_since(now() + interval '1 minute')");
        assertThat(column(rows(later, 0), 0)).noneMatch(sql -> sql.contains("10.68.0.0/16"));
        JsonObject target = api.sql(environment, "select sql from iasql_get_sql_since(now() - interval '1 day', 'nowhere')");
        assertThat(target.getBoolean("ok")).isFalse();
        assertThat(target.toString()).contains("nowhere");
        api.sql(environment, "select iasql_rollback()");
    }

    @Test
    void updatingIsDefaultMovesTheDefaultRegionAndRegionColumnsFollowIt() {
        JsonObject moved = api.sql(environment, "update aws_regions set is_default = true where region = 'us-east-2'");
        SqlAnswers.ok(moved);

        assertThat(column(rows(api.sql(environment,
                "select region from aws_regions where is_default"), 0), 0)).containsExactly("us-east-2");
        assertThat(rows(api.sql(environment, "select default_aws_region(), iasql_default_region(),"
                + " (select is_enabled from aws_regions where region = 'us-east-2')"), 0).getJsonArray(0).toString())
                .isEqualTo("[\"us-east-2\",\"us-east-2\",true]");
        api.begin(environment);
        SqlAnswers.ok(api.sql(environment, "insert into vpc (cidr_block) values ('10.69.0.0/16')"));
        assertThat(column(rows(api.sql(environment, "select region from vpc where vpc_id is null and cidr_block = '10.69.0.0/16'"), 0), 0))
                .containsExactly("us-east-2");
        api.sql(environment, "select iasql_rollback()");

        JsonObject unset = api.sql(environment, "update aws_regions set is_default = false where region = 'us-east-2'");
        assertThat(unset.getBoolean("ok")).isFalse();
        assertThat(statement(unset, 0).getJsonObject("error").getString("message"))
                .isEqualTo("aws_regions needs a default region");
        SqlAnswers.ok(api.sql(environment, "select default_aws_region('us-east-1')"));
        assertThat(column(rows(api.sql(environment,
                "select region from aws_regions where is_default"), 0), 0)).containsExactly("us-east-1");
    }

    @Test
    void iasqlHelpListsTheFunctionsOfWhatIsInstalledWithADescriptionEach() {
        JsonObject help = api.sql(environment, "select module, name, signature, description, sample_usage from iasql_help()");

        assertThat(column(rows(help, 0), 1)).contains("iasql_begin", "iasql_commit", "iasql_get_sql_since",
                "default_aws_region", "iasql_help").doesNotContain("key_pair_request");
        assertThat(column(rows(help, 0), 3)).allMatch(description -> description != null && !description.isBlank());
        SqlAnswers.ok(api.sql(environment, "select * from iasql_install('aws_ec2')"));
        assertThat(column(rows(api.sql(environment, "select name from iasql_help() where module = 'aws_ec2'"), 0), 0))
                .containsExactlyInAnyOrder("key_pair_request", "key_pair_import");
    }

    @Test
    void keyPairRequestMakesTheKeyAtOnceReturnsThePrivateKeyOnceAndKeepsItNowhere() {
        SqlAnswers.ok(api.sql(environment, "select * from iasql_install('aws_ec2')"));
        String name = "kp-" + UUID.randomUUID().toString().substring(0, 8);

        JsonObject requested = api.sql(environment, "select * from key_pair_request('" + name + "', 'us-east-1')");

        var row = rows(requested, 0).getJsonArray(0);
        assertThat(statement(requested, 0).getJsonArray("columns").stream()
                .map(c -> c.asJsonObject().getString("name")).toList())
                .containsExactly("name", "status", "message", "privatekey");
        assertThat(row.getString(0)).isEqualTo(name);
        assertThat(row.getString(1)).isEqualTo("OK");
        String privateKey = row.getString(3);
        assertThat(privateKey).contains("PRIVATE KEY-----");
        assertThat(count("select count(*) from key_pair where name = '" + name + "' and key_pair_id is not null"
                + " and fingerprint is not null")).isOne();
        String secretPart = privateKey.lines().skip(1).findFirst().orElseThrow();
        assertThat(count("select count(*) from iasql_audit_log where coalesce(new::text, '') || coalesce(old::text, '')"
                + " like '%" + secretPart.substring(0, 20) + "%'")).isZero();
        assertThat(count("select count(*) from key_pair where row_to_json(key_pair)::text like '%PRIVATE KEY%'")).isZero();
        assertThat(api.get("environments/" + environment + "/transactions/current").status())
                .as("no transaction was needed").isEqualTo(404);

        JsonObject again = api.sql(environment, "select * from key_pair_request('" + name + "', 'us-east-1')");
        assertThat(again.getBoolean("ok")).isFalse();
        assertThat(statement(again, 0).getJsonObject("error").getString("message")).contains("exists");
    }

    @Test
    void keyPairImportImportsAPublicKeyAtOnce() throws Exception {
        SqlAnswers.ok(api.sql(environment, "select * from iasql_install('aws_ec2')"));
        String name = "kpi-" + UUID.randomUUID().toString().substring(0, 8);

        JsonObject imported = api.sql(environment, "select * from key_pair_import('" + name + "', '"
                + openSshRsaPublicKey() + "', 'us-east-1')");

        assertThat(rows(imported, 0).getJsonArray(0).getString(1)).isEqualTo("OK");
        assertThat(count("select count(*) from key_pair where name = '" + name + "' and public_key like 'ssh-rsa %'"
                + " and key_pair_id is not null")).isOne();
        JsonObject noKey = api.sql(environment, "select * from key_pair_import('" + name + "-2', null)");
        assertThat(noKey.getBoolean("ok")).isFalse();
        assertThat(noKey.toString()).contains("key_pair_import needs a name, a public key and a region");
    }

    /** A fresh RSA public key as ~/.ssh/id_rsa.pub holds it (RFC 4253 §6.6). */
    private static String openSshRsaPublicKey() throws NoSuchAlgorithmException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPublicKey key = (RSAPublicKey) generator.generateKeyPair().getPublic();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (byte[] part : new byte[][] {"ssh-rsa".getBytes(), key.getPublicExponent().toByteArray(),
                key.getModulus().toByteArray()}) {
            out.writeInt(part.length);
            out.write(part);
        }
        return "ssh-rsa " + Base64.getEncoder().encodeToString(bytes.toByteArray()) + " test@tablecloud";
    }
}
