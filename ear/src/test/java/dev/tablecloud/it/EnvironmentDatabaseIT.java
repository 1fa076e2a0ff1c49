package dev.tablecloud.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every environment gets its own PostgreSQL database with the platform objects, and users' SQL
 * runs there as a restricted role: it reads everything and changes no schema, no audit log.
 */
class EnvironmentDatabaseIT extends DeployedTablecloud {

    private Api api;
    private String environment;

    @BeforeEach
    void createEnvironment() {
        api = new Api(deployment);
        environment = "db-" + UUID.randomUUID().toString().substring(0, 8);
        var created = api.post("environments", "{\"name\": %s}".formatted(Api.quote(environment)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private JsonObject sql(String script) {
        return api.sql(environment, script);
    }

    @Test
    void runsUsersSqlInTheEnvironmentsOwnDatabaseAsTheRestrictedRole() {
        var result = sql("select current_database() as db, current_user as who");

        assertThat(result.getBoolean("ok")).isTrue();
        var statement = result.getJsonArray("statements").getJsonObject(0);
        assertThat(statement.getJsonArray("columns").getJsonObject(0).getString("name")).isEqualTo("db");
        var row = statement.getJsonArray("rows").getJsonArray(0);
        assertThat(row.getString(0)).isEqualTo(environment);
        assertThat(row.getString(1)).isEqualTo("tc_" + environment + "_user");
    }

    @Test
    void startsWithTheAccountModuleAndAnAuditLogOfTheEnginesWorkOnly() {
        var result = sql("""
                select count(*) from iasql_audit_log where origin <> 'engine';
                select change_type, new->>'module' from iasql_audit_log where change_type = 'INSTALL';
                select name from iasql_module;
                select table_name from iasql_tables order by table_name""");

        assertThat(result.getBoolean("ok")).as(result.toString()).isTrue();
        var statements = result.getJsonArray("statements");
        assertThat(statements.getJsonObject(0).getJsonArray("rows").getJsonArray(0).getJsonNumber(0).longValue())
                .isZero();
        assertThat(statements.getJsonObject(1).getJsonArray("rows").getJsonArray(0).getString(1))
                .isEqualTo("aws_account");
        assertThat(statements.getJsonObject(2).getJsonArray("rows").getJsonArray(0).getString(0))
                .isEqualTo("aws_account");
        assertThat(statements.getJsonObject(3).getJsonArray("rows").stream().map(r -> r.asJsonArray().getString(0)))
                .containsExactly("availability_zone", "aws_regions");
    }

    @Test
    void refusesSchemaChangesWithPostgresqlsMessageAndPosition() {
        String script = "select 1;\ncreate table hack (i int)";

        var result = sql(script);

        assertThat(result.getBoolean("ok")).isFalse();
        var failed = result.getJsonArray("statements").getJsonObject(1);
        var error = failed.getJsonObject("error");
        assertThat(error.getString("message")).isEqualTo("permission denied for schema public");
        assertThat(error.getString("sqlState")).isEqualTo("42501");
        assertThat(error.getInt("position")).isEqualTo(script.indexOf("hack") + 1);
    }

    @Test
    void refusesWritesToTheAuditLog() {
        var result = sql("insert into iasql_audit_log (actor, origin, change_type) values ('mallory', 'user', 'INSERT')");

        assertThat(result.getBoolean("ok")).isFalse();
        assertThat(result.getJsonArray("statements").getJsonObject(0).getJsonObject("error").getString("message"))
                .isEqualTo("permission denied for table iasql_audit_log");
        assertThat(sql("delete from iasql_audit_log").getJsonArray("statements").getJsonObject(0)
                .getJsonObject("error").getString("message")).isEqualTo("permission denied for table iasql_audit_log");
    }

    @Test
    void cannotReachTheControlDatabaseWhereCredentialsAreStoredNorOtherEnvironments() {
        String controlUrl = System.getenv("TABLECLOUD_DB_URL");
        String controlDatabase = controlUrl.substring(controlUrl.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        String other = "db-other-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("environments", "{\"name\": %s}".formatted(Api.quote(other))).status()).isEqualTo(201);

        var result = sql("select has_database_privilege('" + controlDatabase + "', 'CONNECT'),"
                + " has_database_privilege('" + other + "', 'CONNECT'),"
                + " has_database_privilege('" + environment + "', 'CONNECT')");

        var row = result.getJsonArray("statements").getJsonObject(0).getJsonArray("rows").getJsonArray(0);
        assertThat(row.getBoolean(0)).as("may connect to the control database").isFalse();
        assertThat(row.getBoolean(1)).as("may connect to another environment's database").isFalse();
        assertThat(row.getBoolean(2)).as("may connect to its own").isTrue();
    }

    @Test
    void refusesToBecomeTheEngineRole() {
        String user = sql("select current_user").getJsonArray("statements").getJsonObject(0)
                .getJsonArray("rows").getJsonArray(0).getString(0);
        String engine = user.replace("_user", "_engine");

        var result = sql("set role \"" + engine + "\"");

        assertThat(result.getJsonArray("statements").getJsonObject(0).getJsonObject("error").getString("message"))
                .contains("permission denied to set role");
    }

    @Test
    void reportsASyntaxErrorAtItsPositionAndStopsTheScript() {
        String script = "select 1; selec 2; select 3";

        var result = sql(script);

        assertThat(result.getBoolean("ok")).isFalse();
        var statements = result.getJsonArray("statements");
        assertThat(statements).as("the third statement does not run").hasSize(2);
        var error = statements.getJsonObject(1).getJsonObject("error");
        assertThat(error.getString("message")).contains("syntax error at or near \"selec\"");
        assertThat(error.getInt("position")).isEqualTo(script.indexOf("selec 2") + 1);
    }

    @Test
    void capsLongResultsAndSaysSo() {
        var statement = sql("select generate_series(1, 1500) as n").getJsonArray("statements").getJsonObject(0);

        assertThat(statement.getJsonArray("rows")).hasSize(1000);
        assertThat(statement.getBoolean("truncated")).isTrue();
    }

    @Test
    void rejectsAnEmptyScriptAndAnUnknownEnvironment() {
        var empty = api.post("environments/" + environment + "/sql", "{\"sql\": \" -- nothing\"}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.object().getString("detail")).isEqualTo("Give at least one SQL statement.");

        var unknown = api.post("environments/no-such-env/sql", "{\"sql\": \"select 1\"}");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void putsTheDatabaseOnAnotherServerWhenAsked() {
        String server = System.getenv("TABLECLOUD_TEST_SECOND_DB_URL");
        String elsewhere = "db-far-" + UUID.randomUUID().toString().substring(0, 8);

        var created = api.post("environments", "{\"name\": %s, \"databaseServer\": %s}"
                .formatted(Api.quote(elsewhere), Api.quote(server)));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(api.get("environments/" + elsewhere).object().getString("databaseServer")).isEqualTo(server);
        String port = server.replaceAll(".*:(\\d+)/.*", "$1");
        var result = api.sql(elsewhere, "select current_setting('port'), current_database(); select count(*) from aws_regions");
        assertThat(result.getBoolean("ok")).as(result.toString()).isTrue();
        var row = result.getJsonArray("statements").getJsonObject(0).getJsonArray("rows").getJsonArray(0);
        assertThat(row.getString(0)).isEqualTo(port);
        assertThat(row.getString(1)).isEqualTo(elsewhere);
    }

    @Test
    void refusesAnEnvironmentWhoseDatabaseNameIsTaken() {
        var reply = api.post("environments", "{\"name\": \"postgres\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
        assertThat(reply.object().getString("detail")).contains("PostgreSQL already has a database named 'postgres'");
        assertThat(api.get("environments/postgres").status()).isEqualTo(404);
    }
}
