package dev.tablecloud.it;

import dev.tablecloud.testsupport.MotoServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static dev.tablecloud.it.SqlAnswers.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of inserts, updates (renames too) and deletes in staging's tables, exported for
 * prod with prod's mappings and replayed in prod's database, leave both with the same resources
 * once the mappings are applied: keys, values, and which parent each row points at. Many seeds a
 * run; a failure names its seed, and {@code -Dtablecloud.replay.seed=<seed>} runs that one again.
 */
class RandomReplayIT extends DeployedTablecloud {

    private static final int SEEDS = Integer.getInteger("tablecloud.replay.seeds", 20);
    private static final int CHANGES_PER_SEED = 40;
    private static final String[] TYPES = {"t3.micro", "t3.nano", "t3.small"};

    private static final String[] MODULES = {"aws_ec2", "aws_s3", "aws_route53"};

    private static MotoServer account;
    private static String accountUrl;

    @BeforeAll
    static void startAccount() throws Exception {
        int port = FreePort.find();
        account = MotoServer.start(port, Map.of());
        accountUrl = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stopAccount() {
        account.close();
    }

    @Test
    void randomChangesInStagingReplayedInProdLeaveEqualTablesModuloMappings() {
        Api api = new Api(deployment);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String staging = api.environment("rr-staging-" + suffix, accountUrl, "us-east-1", MODULES);
        String prod = api.environment("rr-prod-" + suffix, accountUrl, "eu-west-1", MODULES);
        var mapped = api.put("environments/" + prod + "/mappings", """
                [{"kind": "region", "from": "us-east-1", "to": "eu-west-1"},
                 {"kind": "value", "table": "instance", "column": "instance_type", "from": "t3.micro", "to": "t3.small"},
                 {"kind": "cidr", "from": "172.16.0.0/16", "to": "192.168.0.0/16"},
                 {"kind": "name", "from": "-stg", "to": "-prd"}]""");
        assertThat(mapped.status()).as(mapped.toString()).isEqualTo(200);
        Long fixed = Long.getLong("tablecloud.replay.seed");
        long first = fixed != null ? fixed : new Random().nextInt(1_000_000);
        int seeds = fixed != null ? 1 : SEEDS;
        int statements = 0;
        for (long seed = first; seed < first + seeds; seed++) {
            try {
                statements += replayOnce(api, staging, prod, seed);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + " (again: -Dtablecloud.replay.seed=" + seed + "): "
                        + e.getMessage(), e);
            }
        }
        assertThat(statements).as("the seeds exported something to replay").isGreaterThan(seeds * 10);
    }

    /** One seed: random changes in staging, exported, replayed in prod, compared; both rolled back. */
    private int replayOnce(Api api, String staging, String prod, long seed) {
        Changes changes = new Changes(new Random(seed));
        long id = api.begin(staging);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < CHANGES_PER_SEED; i++) {
            String statement = changes.next();
            if (api.sql(staging, statement).getBoolean("ok")) {
                made.add(statement);
            }
        }
        var exported = api.get("environments/" + staging + "/transactions/" + id + "/sql?target=" + prod,
                "application/json");
        assertThat(exported.status()).as("seed %d: %s", seed, exported).isEqualTo(200);
        JsonObject sql = exported.object();
        assertThat(sql.getJsonArray("problems")).as("seed %d", seed).isEmpty();
        String script = api.get("environments/" + staging + "/transactions/" + id + "/sql?target=" + prod,
                "text/plain").body();
        // Changes that cancel out (an insert and its delete) leave nothing to replay: prod stays as it is.
        boolean replays = !sql.getJsonArray("statements").isEmpty();
        if (replays) {
            api.begin(prod);
            JsonObject replayed = api.sql(prod, script);
            assertThat(replayed.getBoolean("ok")).as("seed %d: the script\n%s\nfailed in prod: %s\nafter staging"
                    + " ran:\n%s", seed, script, replayed, String.join("\n", made)).isTrue();
        }

        String expected = resources(api, staging).replace("-stg", "-prd").replace("us-east-1", "eu-west-1")
                .replace("t3.micro", "t3.small").replace("172.16.", "192.168.");
        assertThat(resources(api, prod)).as("seed %d: prod after the script\n%s\nstaging ran:\n%s", seed, script,
                String.join("\n", made)).isEqualTo(expected);
        ok(api.sql(staging, "select iasql_rollback()"));
        if (replays) {
            ok(api.sql(prod, "select iasql_rollback()"));
        }
        return sql.getJsonArray("statements").size();
    }

    /** The next random change: an insert, an update (renames included) or a delete of a generated row. */
    private static final class Changes {

        private final Random random;
        private int counter;
        private final List<Supplier<String>> kinds = new ArrayList<>();

        Changes(Random random) {
            this.random = random;
            // Inserts weigh more than updates and deletes, so that there is something to change.
            for (int weight = 0; weight < 2; weight++) {
                kinds.add(() -> "insert into vpc (cidr_block, tags, enable_dns_hostnames) values ('%s', '{\"Name\": \"%s\"}', %s)"
                        .formatted(vpcCidr(), name("v"), random.nextBoolean()));
                kinds.add(() -> ("insert into subnet (vpc_id, cidr_block, availability_zone) select id, '%s', '%s'"
                        + " from vpc where id = %s").formatted(subnetCidr(), zone(), pick("vpc", "not is_default")));
                kinds.add(() -> ("insert into security_group (group_name, description, vpc_id) select '%s', 'd%d', id"
                        + " from vpc where id = %s").formatted(name("g"), counter, pick("vpc", "not is_default")));
                kinds.add(() -> ("insert into security_group_rule (security_group_id, is_egress, ip_protocol, from_port,"
                        + " to_port, cidr_ipv4) select id, %s, 'tcp', %d, %d, '10.0.0.0/8' from security_group where id = %s")
                        .formatted(random.nextBoolean(), port(), counter + 1000, pick("security_group", "group_name like 'r-%'")));
                kinds.add(() -> "insert into key_pair (name, public_key) values ('%s', '%s')".formatted(name("k"),
                        SeedStack.PUBLIC_KEY));
                kinds.add(() -> ("insert into instance (ami, instance_type, key_pair_name, subnet_id, tags) values"
                        + " ('" + SeedStack.AMI + "', '%s', (select name from key_pair where id = %s), %s, '{\"Name\": \"%s\"}')")
                        .formatted(type(), pick("key_pair", "name like 'r-%'"), pick("subnet", GENERATED_SUBNET), name("i")));
                kinds.add(() -> ("insert into instance_security_groups (instance_id, security_group_id)"
                        + " select i, g from (select %s as i, %s as g) pair where i is not null and g is not null"
                        + " and not exists (select from instance_security_groups l where l.instance_id = i"
                        + " and l.security_group_id = g)").formatted(pick("instance", GENERATED_INSTANCE),
                        pick("security_group", "group_name like 'r-%'")));
                kinds.add(() -> "insert into bucket (name) values ('%s')".formatted(name("b")));
                kinds.add(() -> "insert into hosted_zone (domain_name) values ('%s.example.com')".formatted(name("z")));
                kinds.add(() -> ("insert into resource_record_set (parent_hosted_zone_id, name, record_type, record, ttl)"
                        + " select id, 'w%d.' || domain_name, 'A', '10.0.0.%d', 300 from hosted_zone where id = %s")
                        .formatted(++counter, counter % 250, pick("hosted_zone", "domain_name like 'r-%'")));
            }
            kinds.add(() -> "update vpc set tags = '{\"Name\": \"%s\"}' where id = %s".formatted(name("v"), pick("vpc", "not is_default")));
            kinds.add(() -> "update vpc set tags = '{}' where id = %s".formatted(pick("vpc", "not is_default")));
            kinds.add(() -> "update vpc set enable_dns_hostnames = not enable_dns_hostnames where id = %s"
                    .formatted(pick("vpc", "not is_default")));
            kinds.add(() -> ("update subnet set availability_zone = case availability_zone when 'us-east-1a' then 'us-east-1b'"
                    + " else 'us-east-1a' end where id = %s").formatted(pick("subnet", GENERATED_SUBNET)));
            kinds.add(() -> "update security_group set description = 'd%d' where id = %s".formatted(++counter,
                    pick("security_group", "group_name like 'r-%'")));
            kinds.add(() -> "update security_group set group_name = '%s' where id = %s".formatted(name("g"),
                    pick("security_group", "group_name like 'r-%'")));
            kinds.add(() -> "update security_group_rule set from_port = %d, to_port = %d where id = %s".formatted(port(),
                    counter + 1000, pick("security_group_rule", GENERATED_RULE)));
            kinds.add(() -> "update instance set instance_type = '%s' where id = %s".formatted(type(),
                    pick("instance", GENERATED_INSTANCE)));
            kinds.add(() -> "update instance set tags = '{\"Name\": \"%s\"}' where id = %s".formatted(name("i"),
                    pick("instance", GENERATED_INSTANCE)));
            kinds.add(() -> "update bucket set tags = '{\"team\": \"t%d\"}' where name = %s".formatted(++counter,
                    pickName()));
            kinds.add(() -> "update resource_record_set set ttl = %d, record = '10.1.0.%d' where id = %s".formatted(
                    ++counter, counter % 250, pick("resource_record_set", GENERATED_RECORD)));
            kinds.add(() -> "delete from vpc where id = " + pick("vpc", "not is_default"));
            kinds.add(() -> "delete from subnet where id = " + pick("subnet", GENERATED_SUBNET));
            kinds.add(() -> "delete from security_group where id = " + pick("security_group", "group_name like 'r-%'"));
            kinds.add(() -> "delete from security_group_rule where id = " + pick("security_group_rule", GENERATED_RULE));
            kinds.add(() -> "delete from key_pair where id = " + pick("key_pair", "name like 'r-%'"));
            kinds.add(() -> "delete from instance where id = " + pick("instance", GENERATED_INSTANCE));
            kinds.add(() -> "delete from instance_security_groups where id = " + pick("instance_security_groups",
                    "instance_id in (select id from instance where " + GENERATED_INSTANCE + ")"));
            kinds.add(() -> "delete from bucket where name = " + pickName());
            kinds.add(() -> "delete from hosted_zone where id = " + pick("hosted_zone", "domain_name like 'r-%'"));
            kinds.add(() -> "delete from resource_record_set where id = " + pick("resource_record_set", GENERATED_RECORD));
        }

        String next() {
            return kinds.get(random.nextInt(kinds.size())).get();
        }

        /** A fresh name; some end in -stg, which prod's name mapping rewrites. */
        private String name(String kind) {
            return "r-" + kind + (++counter) + (random.nextBoolean() ? "-stg" : "");
        }

        private String vpcCidr() {
            ++counter;
            return (10 + counter / 256) + "." + (counter % 256) + ".0.0/16";
        }

        private String subnetCidr() {
            ++counter;
            return "172." + (16 + counter / 256 % 16) + "." + (counter % 256) + ".0/24";
        }

        private int port() {
            return ++counter + 1000;
        }

        private String zone() {
            return random.nextBoolean() ? "us-east-1a" : "us-east-1b";
        }

        private String type() {
            return TYPES[random.nextInt(TYPES.length)];
        }

        /** A row chosen by the seed among those {@code where} selects: the same choice every run. */
        private String pick(String table, String where) {
            return "(select id from %1$s where %2$s order by id offset (%3$d %% greatest((select count(*) from %1$s"
                    .formatted(table, where, random.nextInt(10_000)) + " where " + where + "), 1)) limit 1)";
        }

        private String pickName() {
            return "(select name from bucket where name like 'r-%%' order by name offset (%d %% greatest((select count(*)"
                    .formatted(random.nextInt(10_000)) + " from bucket where name like 'r-%'), 1)) limit 1)";
        }
    }

    private static final String GENERATED_SUBNET = "vpc_id in (select id from vpc where not is_default)";
    private static final String GENERATED_INSTANCE = "tags->>'Name' like 'r-%'";
    private static final String GENERATED_RULE = "security_group_id in (select id from security_group where group_name like 'r-%')";
    private static final String GENERATED_RECORD = "parent_hosted_zone_id in (select id from hosted_zone where domain_name like 'r-%')";

    /** The generated rows by their keys and values, parents by their keys: one sorted line a row. */
    private static String resources(Api api, String environment) {
        String vpcKey = "coalesce(v.tags->>'Name', v.cidr_block::text)";
        JsonObject result = api.sql(environment, """
                select 'vpc ' || %1$s || ' ' || v.cidr_block || ' ' || v.enable_dns_hostnames || ' ' || v.region
                    from vpc v where not v.is_default;
                select 'subnet ' || %1$s || ' ' || s.cidr_block || ' ' || s.availability_zone || ' ' || s.region
                    from subnet s join vpc v on v.id = s.vpc_id where not v.is_default;
                select 'group ' || g.group_name || ' ' || g.description || ' ' || coalesce(%1$s, '-') || ' ' || g.region
                    from security_group g left join vpc v on v.id = g.vpc_id where g.group_name like 'r-%%';
                select 'rule ' || g.group_name || ' ' || r.is_egress || ' ' || r.from_port || '-' || r.to_port || ' '
                    || r.cidr_ipv4 from security_group_rule r join security_group g on g.id = r.security_group_id
                    where g.group_name like 'r-%%';
                select 'key ' || name || ' ' || region from key_pair where name like 'r-%%';
                select 'instance ' || (i.tags->>'Name') || ' ' || i.instance_type || ' ' || coalesce(i.key_pair_name, '-')
                    || ' ' || coalesce(s.cidr_block::text, '-') || ' ' || i.region
                    from instance i left join subnet s on s.id = i.subnet_id where i.tags->>'Name' like 'r-%%';
                select 'link ' || (i.tags->>'Name') || ' ' || g.group_name from instance_security_groups l
                    join instance i on i.id = l.instance_id join security_group g on g.id = l.security_group_id
                    where i.tags->>'Name' like 'r-%%';
                select 'bucket ' || name || ' ' || coalesce(tags::text, '-') from bucket where name like 'r-%%';
                select 'zone ' || domain_name from hosted_zone where domain_name like 'r-%%';
                select 'record ' || z.domain_name || ' ' || r.name || ' ' || r.record_type || ' ' || r.record || ' ' || r.ttl
                    from resource_record_set r join hosted_zone z on z.id = r.parent_hosted_zone_id
                    where z.domain_name like 'r-%%'""".formatted(vpcKey));
        ok(result);
        return result.getJsonArray("statements").stream()
                .flatMap(statement -> statement.asJsonObject().getJsonArray("rows").stream())
                .map(row -> row.asJsonArray().getString(0)).sorted().collect(Collectors.joining("\n"));
    }

}
