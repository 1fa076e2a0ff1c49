package dev.tablecloud.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.tablecloud.it.SqlAnswers.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portable SQL of a transaction (DESIGN §5): keyed by names, not cloud ids, quoted so that a
 * hostile name stays data, and runnable as written in another environment.
 */
class ExportIT extends DeployedTablecloud {

    private static final String HOSTILE = "x'); DROP TABLE vpc; --";

    private String environmentWithVpcs(Api api, String prefix) {
        String environment = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("environments", "{\"name\": %s, \"awsEndpoint\": %s}".formatted(Api.quote(environment),
                Api.quote(TablecloudEar.motoUrl()))).status()).isEqualTo(201);
        assertThat(api.post("environments/" + environment + "/modules/aws_vpc", "").status()).isEqualTo(200);
        return environment;
    }

    @Test
    void aTransactionsChangesReplayInAnotherEnvironmentByNamesNotCloudIds() {
        Api api = new Api(deployment);
        String staging = environmentWithVpcs(api, "exp-staging");
        String prod = environmentWithVpcs(api, "exp-prod");
        long id = rows(api.sql(staging, "select transaction_id from iasql_begin()"), 0).getJsonArray(0)
                .getJsonNumber(0).longValue();
        String name = HOSTILE.replace("'", "''");
        assertThat(api.sql(staging, """
                insert into vpc (cidr_block, tags) values ('10.90.0.0/16', '{"Name": "%1$s"}');
                insert into subnet (vpc_id, cidr_block, availability_zone)
                    select id, '10.90.1.0/24', 'us-east-1a' from vpc where tags->>'Name' = '%1$s';
                update vpc set enable_dns_hostnames = true where tags->>'Name' = '%1$s'""".formatted(name))
                .getBoolean("ok")).isTrue();

        var script = api.get("environments/" + staging + "/transactions/" + id + "/sql", "text/plain");
        assertThat(script.status()).as(script.toString()).isEqualTo(200);
        var fromFunction = rows(api.sql(staging, "select sql from iasql_get_sql_for_transaction()"), 0);

        assertThat(fromFunction).as("insert vpc, insert subnet, update vpc").hasSize(3);
        String exported = fromFunction.toString();
        assertThat(exported).contains("INSERT INTO vpc").contains("INSERT INTO subnet")
                .contains("enable_dns_hostnames").doesNotContain("vpc-").doesNotContain("subnet-");
        assertThat(api.sql(prod, "select iasql_begin()").getBoolean("ok")).isTrue();
        var replayed = api.sql(prod, script.body());
        assertThat(replayed.getBoolean("ok")).as(replayed.toString()).isTrue();
        String check = """
                select v.cidr_block, v.enable_dns_hostnames, s.cidr_block, s.availability_zone from vpc v
                    join subnet s on s.vpc_id = v.id where v.tags->>'Name' = '%s'""".formatted(name);
        assertThat(rows(api.sql(prod, check), 0)).isEqualTo(rows(api.sql(staging, check), 0)).hasSize(1);
        assertThat(rows(api.sql(prod, "select count(*) from pg_tables where tablename = 'vpc'"), 0)
                .getJsonArray(0).getInt(0)).as("the hostile name stayed data").isEqualTo(1);
    }

    @Test
    void theChangesSinceAMomentSpanTransactionsButNotWhatARollbackDiscarded() {
        Api api = new Api(deployment);
        String environment = environmentWithVpcs(api, "exp-since");
        String before = rows(api.sql(environment, "select to_char(clock_timestamp() at time zone 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"), 0).getJsonArray(0).getString(0);
        api.sql(environment, "select iasql_begin()");
        api.sql(environment, "insert into vpc (cidr_block, tags) values ('10.91.0.0/16', '{\"Name\": \"first\"}')");
        api.sql(environment, "select iasql_rollback()");
        api.sql(environment, "select iasql_begin()");
        api.sql(environment, "insert into vpc (cidr_block, tags) values ('10.92.0.0/16', '{\"Name\": \"second\"}')");

        var script = api.get("environments/" + environment + "/sql?since=" + before);
        var fromFunction = rows(api.sql(environment, "select sql from iasql_get_sql_since('" + before + "')"), 0);

        assertThat(script.status()).as(script.toString()).isEqualTo(200);
        assertThat(script.body()).contains("'10.92.0.0/16'").doesNotContain("'10.91.0.0/16'");
        assertThat(fromFunction).hasSize(1);
        assertThat(api.get("environments/" + environment + "/sql?since=yesterday").status()).isEqualTo(400);
    }

    @Test
    void anUnknownTransactionIsA404() {
        Api api = new Api(deployment);
        String environment = environmentWithVpcs(api, "exp-none");

        var reply = api.get("environments/" + environment + "/transactions/424242/sql");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).contains("has no transaction 424242");
    }

    @Test
    void anUnknownTargetAndAMissingTitleSayWhatIsWrong() {
        Api api = new Api(deployment);
        String environment = environmentWithVpcs(api, "exp-wrong");
        long id = api.begin(environment);

        var unknownTarget = api.get("environments/" + environment + "/transactions/" + id + "/sql?target=nowhere",
                "application/json");
        JsonObject noTitle = api.sql(environment, "select iasql_create_review(null, 'why')");

        assertThat(unknownTarget.status()).isEqualTo(404);
        assertThat(unknownTarget.body()).contains("nowhere");
        assertThat(noTitle.getBoolean("ok")).isFalse();
        assertThat(noTitle.toString()).contains("A review has a title");
        api.sql(environment, "select iasql_rollback()");
    }

    @Test
    void aReviewOfTheOpenTransactionHoldsItsPreviewAndAllOfItsSql() {
        Api api = new Api(deployment);
        String staging = environmentWithVpcs(api, "exp-review");
        var none = api.post("environments/" + staging + "/transactions/current/review", "{\"title\": \"t\"}");
        assertThat(none.status()).as("no open transaction: " + none).isIn(404, 409);
        api.sql(staging, "select iasql_begin()");
        assertThat(api.sql(staging, """
                insert into vpc (cidr_block, tags) values ('10.91.0.0/16', '{"Name": "reviewed"}');
                insert into subnet (vpc_id, cidr_block, availability_zone)
                    select id, '10.91.1.0/24', 'us-east-1a' from vpc where tags->>'Name' = 'reviewed'""")
                .getBoolean("ok")).isTrue();

        String markdown = rows(api.sql(staging, "select iasql_create_review('Add the reviewed VPC',"
                + " 'Needed by **checkout**.')"), 0).getJsonArray(0).getString(0);
        var untitled = api.post("environments/" + staging + "/transactions/current/review", "{\"title\": \" \"}");
        var second = api.post("environments/" + staging + "/transactions/current/review", "{\"title\": \"Again\"}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.object().getString("detail")).contains("already has review");
        // The same through REST, for a transaction of its own: one review per transaction.
        api.sql(staging, "select iasql_rollback()");
        api.sql(staging, "select iasql_begin()");
        SqlAnswers.ok(api.sql(staging, """
                insert into vpc (cidr_block, tags) values ('10.91.0.0/16', '{"Name": "reviewed"}');
                insert into subnet (vpc_id, cidr_block, availability_zone)
                    select id, '10.91.1.0/24', 'us-east-1a' from vpc where tags->>'Name' = 'reviewed'"""));
        var overRest = api.post("environments/" + staging + "/transactions/current/review",
                "{\"title\": \"Add the reviewed VPC\", \"description\": \"Needed by **checkout**.\"}");

        assertThat(markdown).startsWith("# Add the reviewed VPC\n\nNeeded by **checkout**.\n")
                .contains("| create | vpc |").contains("| create | subnet |")
                .contains("INSERT INTO vpc").contains("INSERT INTO subnet").contains("```sql\n");
        assertThat(overRest.status()).as(overRest.toString()).isEqualTo(200);
        assertThat(overRest.contentType()).startsWith("text/markdown");
        assertThat(overRest.body()).contains("INSERT INTO subnet");
        assertThat(untitled.status()).isEqualTo(400);
        api.sql(staging, "select iasql_rollback()");
    }

    @Test
    void aRowWithoutAPortableKeyIsNamedWithTheReasonInsteadOfExported() {
        Api api = new Api(deployment);
        String staging = environmentWithVpcs(api, "exp-nokey");
        long id = api.begin(staging);
        SqlAnswers.ok(api.sql(staging, """
                insert into vpc (cidr_block, tags) values ('10.92.0.0/16', '{"Name": "keyed"}');
                insert into route_table (vpc_id) select id from vpc where tags->>'Name' = 'keyed'"""));

        var json = api.get("environments/" + staging + "/transactions/" + id + "/sql", "application/json").object();
        String script = api.get("environments/" + staging + "/transactions/" + id + "/sql", "text/plain").body();

        assertThat(json.getJsonArray("statements")).hasSize(1);
        assertThat(json.getJsonArray("problems").getString(0)).contains("route_table").contains("no portable key")
                .contains("tags->>'Name'");
        assertThat(script).contains("-- not exported: ").contains("INSERT INTO vpc").doesNotContain("INSERT INTO route_table");
        api.sql(staging, "select iasql_rollback()");
    }
}
