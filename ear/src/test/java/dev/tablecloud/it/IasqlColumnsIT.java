package dev.tablecloud.it;

import dev.tablecloud.testsupport.MotoServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static dev.tablecloud.it.SqlAnswers.column;
import static dev.tablecloud.it.SqlAnswers.ok;
import static dev.tablecloud.it.SqlAnswers.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL written for IaSQL, with the columns IaSQL has that Tablecloud's first tables lacked, runs
 * unchanged and commits: route_table_association.vpc_id, a rule from a source group alone,
 * instance.hibernation_enabled and the state hibernate, route.destination_cidr_block and
 * bucket.policy_document.
 */
class IasqlColumnsIT extends DeployedTablecloud {

    private static final String AMI = "ami-1e749f67";
    private static MotoServer moto;
    private static String motoUrl;
    private Api api;
    private String environment;
    private String suffix;

    @BeforeAll
    static void startAccount() throws Exception {
        int port = FreePort.find();
        moto = MotoServer.start(port, Map.of("MOTO_ENABLE_AMI_VALIDATION", "true"));
        motoUrl = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stopAccount() {
        moto.close();
    }

    @BeforeEach
    void createEnvironment() {
        api = new Api(deployment);
        suffix = UUID.randomUUID().toString().substring(0, 8);
        environment = "iasql-" + suffix;
        assertThat(api.post("environments", "{\"name\": %s, \"awsEndpoint\": %s}".formatted(Api.quote(environment),
                Api.quote(motoUrl))).status()).isEqualTo(201);
        ok(api.sql(environment, "select * from iasql_install('aws_ec2', 'aws_s3')"));
    }

    private JsonObject sql(String script) {
        return api.sql(environment, script.replace("SUFFIX", suffix));
    }

    private String one(String query) {
        return column(rows(sql(query), 0), 0).get(0);
    }

    private void commit() {
        assertThat(column(rows(sql("select status from iasql_commit()"), 0), 0)).containsOnly("DONE");
    }

    @Test
    void aStackWrittenAsForIasqlCommitsWithItsColumns() {
        ok(sql("select iasql_begin()"));
        ok(sql("""
                insert into vpc (cidr_block, tags) values ('10.60.0.0/16', '{"name": "vpc-SUFFIX"}');
                insert into subnet (vpc_id, cidr_block, availability_zone)
                  select id, '10.60.1.0/24', 'us-east-1a' from vpc where tags ->> 'name' = 'vpc-SUFFIX';
                insert into internet_gateway (vpc_id, tags)
                  select id, '{"name": "gw-SUFFIX"}' from vpc where tags ->> 'name' = 'vpc-SUFFIX';
                insert into route_table (vpc_id, tags)
                  select id, '{"name": "rt-SUFFIX"}' from vpc where tags ->> 'name' = 'vpc-SUFFIX';
                insert into route_table_association (route_table_id, vpc_id, subnet_id)
                  select rt.id, v.id, s.id from route_table rt join vpc v on v.id = rt.vpc_id
                  join subnet s on s.vpc_id = v.id where rt.tags ->> 'name' = 'rt-SUFFIX';
                insert into security_group (description, group_name, vpc_id)
                  select 'web tier', 'web-SUFFIX', id from vpc where tags ->> 'name' = 'vpc-SUFFIX';
                insert into security_group (description, group_name, vpc_id)
                  select 'db tier', 'db-SUFFIX', id from vpc where tags ->> 'name' = 'vpc-SUFFIX';
                insert into security_group_rule (is_egress, security_group_id, source_security_group)
                  select false, db.id, web.id from security_group db, security_group web
                  where db.group_name = 'db-SUFFIX' and web.group_name = 'web-SUFFIX';
                insert into instance (ami, instance_type, subnet_id, hibernation_enabled, tags)
                  select 'AMI', 't3.micro', id, true, '{"name": "vm-SUFFIX"}' from subnet where cidr_block = '10.60.1.0/24';
                insert into bucket (name, policy_document) values ('bucket-SUFFIX', '{"Version": "2012-10-17",
                  "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                  "Resource": "arn:aws:s3:::bucket-SUFFIX/*"}]}');
                """.replace("AMI", AMI)));
        commit();

        assertThat(column(rows(sql("""
                select a.route_table_association_id is not null, av.vpc_id = tv.vpc_id, a.is_main
                from route_table_association a join vpc av on av.id = a.vpc_id
                join route_table t on t.id = a.route_table_id join vpc tv on tv.id = t.vpc_id
                where tv.tags ->> 'name' = 'vpc-SUFFIX' order by a.is_main
                """), 0), 1)).as("each association's vpc_id is its route table's VPC, the main one's too")
                .containsExactly("true", "true");
        assertThat(column(rows(sql("""
                select r.ip_protocol || ' ' || r.from_port || '..' || r.to_port from security_group_rule r
                join security_group g on g.id = r.security_group_id
                join security_group s on s.id = r.source_security_group
                where g.group_name = 'db-SUFFIX' and s.group_name = 'web-SUFFIX' order by 1
                """), 0), 0)).as("all TCP, UDP and ICMP from the web tier, each a row")
                .containsExactly("icmp -1..-1", "tcp 0..65535", "udp 0..65535");
        assertThat(one("select hibernation_enabled::text || ' ' || state from instance"
                + " where tags ->> 'name' = 'vm-SUFFIX'")).isEqualTo("true running");
        assertThat(one("select (policy = policy_document)::text || ' ' || (policy_document ->> 'Version') from bucket"
                + " where name = 'bucket-SUFFIX'")).isEqualTo("true 2012-10-17");

        ok(sql("select iasql_begin()"));
        ok(sql("""
                insert into route (route_table_id, destination_cidr_block, gateway_id)
                  select rt.id, '0.0.0.0/0', g.internet_gateway_id from route_table rt, internet_gateway g
                  where rt.tags ->> 'name' = 'rt-SUFFIX' and g.tags ->> 'name' = 'gw-SUFFIX';
                update instance set state = 'hibernate' where tags ->> 'name' = 'vm-SUFFIX';
                """));
        commit();

        assertThat(one("""
                select r.destination || ' ' || r.destination_cidr_block || ' ' || (r.gateway_id = g.internet_gateway_id)
                from route r join route_table rt on rt.id = r.route_table_id, internet_gateway g
                where rt.tags ->> 'name' = 'rt-SUFFIX' and g.tags ->> 'name' = 'gw-SUFFIX' and r.origin = 'CreateRoute'
                """)).isEqualTo("0.0.0.0/0 0.0.0.0/0 true");
        assertThat(one("select state from instance where tags ->> 'name' = 'vm-SUFFIX'"))
                .as("hibernated: EC2 reports it stopped").isEqualTo("stopped");
    }

    @Test
    void anAssociationNamingAnotherVpcThanItsRouteTablesIsRefusedAtOnce() {
        ok(sql("select iasql_begin()"));
        ok(sql("""
                insert into vpc (cidr_block, tags) values ('10.61.0.0/16', '{"name": "vpc-SUFFIX"}');
                insert into route_table (vpc_id, tags)
                  select id, '{"name": "rt-SUFFIX"}' from vpc where tags ->> 'name' = 'vpc-SUFFIX';
                """));

        JsonObject refused = sql("""
                insert into route_table_association (route_table_id, vpc_id)
                  select rt.id, v.id from route_table rt, vpc v where rt.tags ->> 'name' = 'rt-SUFFIX' and v.is_default;
                """);

        assertThat(refused.getBoolean("ok")).isFalse();
        assertThat(refused.toString()).contains("names vpc").contains("its route table");
        ok(sql("select iasql_rollback()"));
    }
}
