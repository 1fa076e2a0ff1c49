package dev.tablecloud.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.tablecloud.it.SqlAnswers.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * IaSQL transactions as DESIGN §4 has them: one open at a time per environment (decided by the
 * database), shared by everyone, every change in the audit log with its transaction and its real
 * actor, no change outside one, and a rollback that puts the tables back as the cloud has them.
 */
class TransactionsIT extends DeployedTablecloud {

    private static final String PASSWORD = "correct horse battery";
    private Api admin;
    private String environment;

    @BeforeEach
    void createEnvironmentWithVpcs() {
        admin = new Api(deployment);
        environment = "tx-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("environments", "{\"name\": %s, \"awsEndpoint\": %s}".formatted(Api.quote(environment),
                Api.quote(TablecloudEar.motoUrl()))).status()).isEqualTo(201);
        var installed = admin.post("environments/" + environment + "/modules/aws_vpc", "");
        assertThat(installed.status()).as(installed.toString()).isEqualTo(200);
    }

    private Api author(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        var created = admin.post("users", """
                {"name": %s, "password": %s, "roles": [{"environment": %s, "role": "author"}]}"""
                .formatted(Api.quote(name), Api.quote(PASSWORD), Api.quote(environment)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return admin.as(name, PASSWORD);
    }

    private static JsonObject statement(JsonObject result, int index) {
        return result.getJsonArray("statements").getJsonObject(index);
    }

    @Test
    void changesOutsideATransactionAreRefusedAtTheStatement() {
        var result = admin.sql(environment, "insert into vpc (cidr_block) values ('10.70.0.0/16')");

        assertThat(result.getBoolean("ok")).isFalse();
        var error = statement(result, 0).getJsonObject("error");
        assertThat(error.getString("message")).startsWith("No transaction is open in this environment: call"
                + " iasql_begin() before changing vpc");
        assertThat(rows(admin.sql(environment, "select count(*) from vpc where cidr_block = '10.70.0.0/16'"), 0)
                .getJsonArray(0).getInt(0)).isZero();
    }

    @Test
    void aSecondBeginFailsFastNamingTheOpenerAndEveryoneJoinsTheOpenOne() {
        Api alice = author("alice");
        Api bob = author("bob");
        var opened = alice.post("environments/" + environment + "/transactions", "");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        long id = opened.object().getJsonNumber("id").longValue();
        String aliceName = opened.object().getString("openedBy");

        var second = bob.post("environments/" + environment + "/transactions", "");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.object().getString("detail")).contains("transaction " + id + ", opened by " + aliceName + " at ");

        assertThat(alice.sql(environment, "insert into vpc (cidr_block, tags) values ('10.71.0.0/16', '{\"Name\": \"a\"}')")
                .getBoolean("ok")).isTrue();
        assertThat(bob.sql(environment, "update vpc set tags = '{\"Name\": \"b\"}' where cidr_block = '10.71.0.0/16';"
                + " insert into vpc (cidr_block) values ('10.74.0.0/16')").getBoolean("ok")).isTrue();
        var preview = bob.post("environments/" + environment + "/transactions/current/preview", "");
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.json().asJsonArray()).extracting(step -> step.asJsonObject().getString("action") + " "
                + step.asJsonObject().getString("description")).containsExactlyInAnyOrder("create b", "create 10.74.0.0/16");
        var audit = rows(admin.sql(environment, "select actor, change_type, transaction_id from iasql_audit_log"
                + " where origin = 'user' and table_name = 'vpc' order by id"), 0);
        assertThat(audit).extracting(row -> row.asJsonArray().getString(0) + " " + row.asJsonArray().getString(1)
                        + " " + row.asJsonArray().getJsonNumber(2).longValue())
                .containsExactly(aliceName + " INSERT " + id, bob.get("users/me").object().getString("name")
                        + " UPDATE " + id, bob.get("users/me").object().getString("name") + " INSERT " + id);
        assertThat(admin.get("environments/" + environment + "/transactions/current").object()
                .getJsonNumber("id").longValue()).isEqualTo(id);
    }

    @Test
    void nobodyPosesAsAnotherUserBySettingTheActor() {
        Api mallory = author("mallory");
        assertThat(mallory.post("environments/" + environment + "/transactions", "").status()).isEqualTo(201);

        var result = mallory.sql(environment, """
                set tablecloud.actor = 'admin:0123456789abcdef';
                insert into vpc (cidr_block) values ('10.72.0.0/16');
                select actor from iasql_audit_log where table_name = 'vpc' and origin = 'user' order by id desc limit 1""");

        assertThat(rows(result, 2).getJsonArray(0).getString(0)).isNotEqualTo("admin").isEqualTo("tc_" + environment + "_user");
    }

    @Test
    void ofManyConcurrentBeginsExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> begins = java.util.stream.IntStream.range(0, 8)
                    .mapToObj(i -> (Callable<Integer>) () -> admin.post("environments/" + environment + "/transactions",
                            "").status())
                    .toList();
            List<Integer> statuses = pool.invokeAll(begins).stream().map(TransactionsIT::get).toList();

            assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
            assertThat(statuses).filteredOn(status -> status == 409).hasSize(7);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rollbackPutsTheTablesBackAsTheCloudHasThemAndEndsTheTransaction() {
        var before = rows(admin.sql(environment, "select count(*) from vpc; select count(*) from subnet"), 0);
        var opened = admin.sql(environment, "select transaction_id from iasql_begin()");
        long id = rows(opened, 0).getJsonArray(0).getJsonNumber(0).longValue();
        assertThat(admin.sql(environment, """
                insert into vpc (cidr_block) values ('10.73.0.0/16');
                delete from subnet where id = (select min(id) from subnet)""").getBoolean("ok")).isTrue();

        var rolledBack = admin.sql(environment, "select * from iasql_rollback()");

        assertThat(rows(rolledBack, 0).getJsonArray(0).getString(1)).isEqualTo("ROLLED_BACK");
        var after = admin.sql(environment, "select count(*) from vpc; select count(*) from vpc where cidr_block = '10.73.0.0/16'");
        assertThat(rows(after, 0)).isEqualTo(before);
        assertThat(rows(after, 1).getJsonArray(0).getInt(0)).isZero();
        assertThat(admin.get("environments/" + environment + "/transactions/" + id).object().getString("state"))
                .isEqualTo("ROLLED_BACK");
        assertThat(admin.get("environments/" + environment + "/transactions/current").status()).isEqualTo(404);
        assertThat(admin.sql(environment, "insert into vpc (cidr_block) values ('10.73.0.0/16')").getBoolean("ok"))
                .as("no change once it has ended").isFalse();
    }

    @Test
    void theEngineCallsThatNeedCommittedRowsRefuseToRunInsideABeginBlock() {
        admin.sql(environment, "select iasql_begin()");

        var result = admin.sql(environment, "begin; select * from iasql_rollback(); commit");

        assertThat(statement(result, 1).getJsonObject("error").getString("message"))
                .startsWith("iasql_rollback() must run outside a BEGIN … COMMIT block");
        assertThat(admin.get("environments/" + environment + "/transactions/current").object().getString("state"))
                .isEqualTo("OPEN");
    }

    @Test
    void syncAndInstallWaitForTheOpenTransactionInsteadOfDiscardingIt() {
        assertThat(admin.post("environments/" + environment + "/transactions", "").status()).isEqualTo(201);

        var sync = admin.post("environments/" + environment + "/sync", "");
        assertThat(sync.status()).isEqualTo(409);
        assertThat(sync.object().getString("detail")).contains("while transaction").contains("Commit or roll back first");
        assertThat(admin.post("environments/" + environment + "/modules/aws_s3", "").status()).isEqualTo(409);
    }

    private static Integer get(Future<Integer> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
