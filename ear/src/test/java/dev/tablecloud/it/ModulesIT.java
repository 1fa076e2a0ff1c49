package dev.tablecloud.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Installing and uninstalling modules, through REST and through the iasql_* SQL functions. */
class ModulesIT extends DeployedTablecloud {

    private Api api;
    private String environment;

    @BeforeEach
    void createEnvironment() {
        api = new Api(deployment);
        environment = "mod-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("environments", "{\"name\": %s, \"awsEndpoint\": %s}".formatted(Api.quote(environment),
                Api.quote(TablecloudEar.motoUrl()))).status()).isEqualTo(201);
    }

    private JsonObject sql(String script) {
        return api.sql(environment, script);
    }

    private JsonArray rows(JsonObject result, int statement) {
        assertThat(result.getBoolean("ok")).as(result.toString()).isTrue();
        return result.getJsonArray("statements").getJsonObject(statement).getJsonArray("rows");
    }

    private List<String> installedModules() {
        return api.get("environments/" + environment + "/modules").json().asJsonArray().stream()
                .map(v -> v.asJsonObject())
                .filter(m -> m.getBoolean("installed"))
                .map(m -> m.getString("moduleName"))
                .toList();
    }

    @Test
    void aNewEnvironmentHasTheAccountModuleWithItsDefaultRegion() {
        assertThat(installedModules()).containsExactly("aws_account");
        var regions = rows(sql("select region, is_default, is_enabled from aws_regions"), 0);
        assertThat(regions.getJsonArray(0).getString(0)).isEqualTo("us-east-1");
        assertThat(regions.getJsonArray(0).getBoolean(1)).isTrue();
    }

    @Test
    void installPullsInDependenciesAndImportsTheDefaultsOfTheAccount() {
        var reply = api.post("environments/" + environment + "/modules/aws_security_group", "");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.object().getJsonArray("installedModules").getValuesAs(v -> v.toString()))
                .containsExactly("\"aws_vpc\"", "\"aws_security_group\"");
        assertThat(installedModules()).containsExactly("aws_account", "aws_vpc", "aws_security_group");

        var result = sql("""
                select count(*) from vpc where is_default;
                select count(*) from subnet s join vpc v on v.id = s.vpc_id where v.is_default;
                select count(*) from security_group g join vpc v on v.id = g.vpc_id where g.group_name = 'default';
                select count(*) from aws_regions;
                select count(*) from availability_zone where region = 'us-east-1'""");
        assertThat(rows(result, 0).getJsonArray(0).getInt(0)).as("the default VPC").isEqualTo(1);
        assertThat(rows(result, 1).getJsonArray(0).getInt(0)).as("its default subnets").isPositive();
        assertThat(rows(result, 2).getJsonArray(0).getInt(0)).as("every VPC's default group").isPositive();
        assertThat(rows(result, 3).getJsonArray(0).getInt(0)).as("regions of the account").isGreaterThan(10);
        assertThat(rows(result, 4).getJsonArray(0).getInt(0)).as("zones of the enabled region").isPositive();
    }

    @Test
    void installingEc2BringsTheWholeChainAndTheAccountsInstances() {
        String instanceId;
        try (var ec2 = Moto.ec2(TablecloudEar.motoUrl(), "us-east-1")) {
            instanceId = ec2.runInstances(r -> r.imageId("ami-0abcdef1234567890").instanceType("t3.nano")
                    .minCount(1).maxCount(1)).instances().get(0).instanceId();
        }

        var reply = api.post("environments/" + environment + "/modules/aws_ec2", "");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(installedModules()).containsExactly("aws_account", "aws_vpc", "aws_security_group", "aws_ec2");
        var instance = rows(sql("select instance_type, subnet_id is not null from instance where instance_id = '"
                + instanceId + "'"), 0).getJsonArray(0);
        assertThat(instance.getString(0)).isEqualTo("t3.nano");
        assertThat(instance.getBoolean(1)).as("in a default subnet").isTrue();
    }

    @Test
    void uninstallRefusesWhileADependentIsInstalledAndNeverTouchesTheCloud() {
        assertThat(api.post("environments/" + environment + "/modules/aws_security_group", "").status()).isEqualTo(200);

        var refused = api.delete("environments/" + environment + "/modules/aws_vpc");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.object().getString("detail"))
                .isEqualTo("Module aws_vpc cannot be uninstalled: aws_security_group depends on it. Uninstall it first.");

        assertThat(api.delete("environments/" + environment + "/modules/aws_security_group").status()).isEqualTo(204);
        assertThat(api.delete("environments/" + environment + "/modules/aws_vpc").status()).isEqualTo(204);
        assertThat(installedModules()).containsExactly("aws_account");
        var gone = sql("select * from vpc");
        assertThat(gone.getJsonArray("statements").getJsonObject(0).getJsonObject("error").getString("message"))
                .isEqualTo("relation \"vpc\" does not exist");
        try (var ec2 = Moto.ec2(TablecloudEar.motoUrl(), "us-east-1")) {
            assertThat(ec2.describeVpcs().vpcs()).anyMatch(vpc -> vpc.isDefault());
        }
    }

    @Test
    void theSqlFunctionsInstallListAndUninstall() {
        var installed = rows(sql("select * from iasql_install('aws_vpc')"), 0);
        assertThat(installed.getJsonArray(0).getString(0)).isEqualTo("aws_vpc");
        assertThat(installed.getJsonArray(0).getInt(1)).as("tables").isEqualTo(6);
        assertThat(installed.getJsonArray(0).getInt(2)).as("records imported").isPositive();

        var list = rows(sql("select module_name, installed from iasql_modules_list() order by module_name"), 0);
        assertThat(list.stream().map(r -> r.asJsonArray().getString(0) + "=" + r.asJsonArray().getBoolean(1)))
                .containsExactly("aws_account=true", "aws_ec2=false", "aws_route53=false", "aws_s3=false",
                        "aws_security_group=false", "aws_vpc=true");

        var refused = sql("select * from iasql_uninstall('aws_account')");
        assertThat(refused.getBoolean("ok")).isFalse();
        assertThat(refused.getJsonArray("statements").getJsonObject(0).getJsonObject("error").getString("message"))
                .contains("aws_vpc depends on it");

        assertThat(rows(sql("select * from iasql_uninstall('aws_vpc')"), 0).getJsonArray(0).getString(0))
                .isEqualTo("aws_vpc");
        assertThat(installedModules()).containsExactly("aws_account");
    }

    @Test
    void aSetHoldingItsOwnDependentsIsUninstalledWholeAndOneLeftOutIsNamed() {
        assertThat(rows(sql("select * from iasql_install('aws_ec2')"), 0)).isNotEmpty();

        var refused = sql("select * from iasql_uninstall('aws_vpc', 'aws_security_group')");
        assertThat(refused.getBoolean("ok")).isFalse();
        assertThat(refused.getJsonArray("statements").getJsonObject(0).getJsonObject("error").getString("message"))
                .contains("aws_ec2 depends on it");
        var refusedOverRest = api.delete("environments/" + environment + "/modules?module=aws_vpc&module=aws_security_group");
        assertThat(refusedOverRest.status()).isEqualTo(409);
        assertThat(refusedOverRest.object().getString("detail")).contains("aws_ec2 depends on it");
        assertThat(installedModules()).as("nothing dropped").containsExactly("aws_account", "aws_vpc",
                "aws_security_group", "aws_ec2");

        var uninstalled = rows(sql("select * from iasql_uninstall('aws_vpc', 'aws_security_group', 'aws_ec2')"), 0);
        assertThat(uninstalled).hasSize(3);
        assertThat(installedModules()).containsExactly("aws_account");

        assertThat(api.post("environments/" + environment + "/modules/aws_ec2", "").status()).isEqualTo(200);
        var overRest = api.delete("environments/" + environment
                + "/modules?module=aws_security_group&module=aws_ec2&module=aws_vpc");
        assertThat(overRest.status()).as(overRest.toString()).isEqualTo(204);
        assertThat(installedModules()).containsExactly("aws_account");
    }

    @Test
    void severalModulesInOneCallAreInstalledTogether() {
        var installed = rows(sql("select module_name, created_table_count from iasql_install('aws_s3', 'aws_route53')"), 0);

        assertThat(installed.stream().map(r -> r.asJsonArray().getString(0))).containsExactly("aws_s3", "aws_route53");
        assertThat(installedModules()).containsExactly("aws_account", "aws_s3", "aws_route53");
        var syncs = rows(sql("select count(*) from iasql_audit_log where change_type = 'INSTALL'"), 0);
        assertThat(syncs.getJsonArray(0).getInt(0)).as("aws_account, then the two").isEqualTo(3);
    }

    @Test
    void engineFunctionsWorkInsideTheScriptsOwnTransaction() {
        var result = sql("begin; select module_name from iasql_install('aws_vpc'); select count(*) from vpc; commit");

        assertThat(result.getBoolean("ok")).as(result.toString()).isTrue();
        assertThat(rows(result, 1).getJsonArray(0).getString(0)).isEqualTo("aws_vpc");
        assertThat(rows(result, 2).getJsonArray(0).getInt(0)).isPositive();
    }

    @Test
    void unknownModulesAreNamedWithTheAvailableOnes() {
        var reply = api.post("environments/" + environment + "/modules/aws_nothing", "");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.object().getString("detail")).contains("aws_nothing").contains("aws_vpc");
    }

    @Test
    void usersMayChooseRegionsButNotInventThemOrZones() {
        var enabled = sql("select * from iasql_sync(); update aws_regions set is_enabled = true where region = 'eu-west-1'");
        assertThat(enabled.getJsonArray("statements").getJsonObject(1).getInt("updateCount")).isEqualTo(1);

        var refused = sql("insert into aws_regions (region) values ('moon-1'); delete from availability_zone");
        assertThat(refused.getJsonArray("statements").getJsonObject(0).getJsonObject("error").getString("message"))
                .isEqualTo("permission denied for table aws_regions");
    }
}
