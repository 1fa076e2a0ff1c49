package dev.tablecloud.it;

import dev.tablecloud.testsupport.MotoServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Vpc;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.tablecloud.it.SqlAnswers.column;
import static dev.tablecloud.it.SqlAnswers.ok;
import static dev.tablecloud.it.SqlAnswers.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scheduled promotions (DESIGN §7) through REST on the real server, from a staging account to a prod
 * account (two moto servers, two regions): a run replays staging's committed changes in prod as a
 * reviewed transaction, the staging author may not approve it there, the approval schedules its
 * commit into prod's next window, where it runs, and the promoted position moves only once prod
 * commits. A change that finds no row in
 * prod, and a statement prod refuses, stop the run without losing anything.
 */
class ScheduledPromotionIT extends DeployedTablecloud {

    private static final String PASSWORD = "correct horse battery";
    private static final String PROD_ACCOUNT = "210987654321";
    /** The promotion job looks every 20 s and the commit job every 10 s; a commit against moto takes a few more. */
    private static final Duration JOB_TIME = Duration.ofSeconds(60);

    private static MotoServer stagingAccount;
    private static MotoServer prodAccount;

    private Api admin;
    private String staging;
    private String prod;
    private Api bob;
    private String bobName;
    private Api carol;

    @BeforeAll
    static void startAccounts() {
        stagingAccount = MotoServer.start(Map.of());
        prodAccount = MotoServer.start(Map.of("MOTO_ACCOUNT_ID", PROD_ACCOUNT));
    }

    @AfterAll
    static void stopAccounts() {
        stagingAccount.close();
        prodAccount.close();
    }

    @BeforeEach
    void stagingAndProdWithAnAuthorAndAReviewer() {
        admin = new Api(deployment);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        staging = admin.environment("pst-" + suffix, stagingAccount.endpoint().toString(), "us-east-1", "aws_vpc");
        prod = admin.environment("ppr-" + suffix, prodAccount.endpoint().toString(), "eu-west-1", "aws_vpc");
        var mapped = admin.put("environments/" + prod + "/mappings", """
                [{"kind": "region", "from": "us-east-1", "to": "eu-west-1"},
                 {"kind": "name", "from": "-staging", "to": "-prod"}]""");
        assertThat(mapped.status()).as(mapped.toString()).isEqualTo(200);
        // Bob changes staging and reviews prod: the four-eyes rule, not his roles, stops him approving his own change.
        bobName = user("bob", Map.of(staging, "author", prod, "reviewer"));
        bob = admin.as(bobName, PASSWORD);
        carol = admin.as(user("carol", Map.of(prod, "reviewer")), PASSWORD);
    }

    @Test
    void stagingsCommittedChangeBecomesAReviewedProdTransactionThatCommitsOnceApproved() {
        policy(prod, 1);
        long stagingTransaction = commitInStaging(bob, "insert into vpc (cidr_block, tags) values ('10.41.0.0/16',"
                + " '{\"Name\": \"app-staging\"}')");
        JsonObject promotion = promotion("{\"source\": %s, \"target\": %s, \"commit\": \"next-window\"}");
        long id = promotion.getJsonNumber("id").longValue();
        assertThat(promotion.getJsonNumber("promotedPosition").longValue()).isZero();

        JsonObject run = run(id);

        assertThat(run.getString("outcome")).as(run.toString()).isEqualTo("PROMOTED");
        assertThat(run.getJsonArray("sourceTransactions").getJsonNumber(0).longValue()).isEqualTo(stagingTransaction);
        assertThat(run.getJsonArray("sourceAuthors").getString(0)).isEqualTo(bobName);
        assertThat(run.getString("script")).contains("INSERT INTO vpc").contains("'{\"Name\":\"app-prod\"}'::jsonb")
                .contains("'eu-west-1'").doesNotContain("us-east-1\');");
        long reviewId = run.getJsonNumber("reviewId").longValue();
        JsonObject review = admin.get("environments/" + prod + "/reviews/" + reviewId).object();
        assertThat(review.getString("title")).isEqualTo("Promote " + staging + " transaction " + stagingTransaction
                + " to " + prod);
        assertThat(review.getString("description")).contains("transaction " + stagingTransaction + " by " + bobName);
        JsonObject current = admin.get("environments/" + prod + "/transactions/current").object();
        assertThat(current.getJsonNumber("id").longValue()).isEqualTo(run.getJsonNumber("targetTransactionId").longValue());
        assertThat(column(rows(admin.sql(prod, "select tags->>'Name' || ' ' || region from vpc where tags->>'Name'"
                + " like 'app-%'"), 0), 0)).containsExactly("app-prod eu-west-1");
        assertThat(column(rows(admin.sql(prod, "select distinct actor from iasql_audit_log where transaction_id = "
                + current.getJsonNumber("id").longValue() + " and change_type in ('INSERT', 'UPDATE', 'DELETE')"), 0), 0))
                .as("prod's audit log names the promotion and its creator").containsExactly("promotion " + id + " (admin)");

        var bobApproves = bob.post("environments/" + prod + "/reviews/" + reviewId + "/decisions",
                "{\"revision\": 1, \"decision\": \"approve\"}");
        assertThat(bobApproves.status()).as(bobApproves.toString()).isEqualTo(403);
        assertThat(bobApproves.object().getString("detail")).contains(bobName + " made changes this transaction promotes"
                + " (transaction " + stagingTransaction + " of " + staging + ")");
        assertThat(run(id).getString("message")).as("nothing is proposed twice while the first waits")
                .contains("Run " + run.getJsonNumber("id").longValue() + " of this promotion waits");

        // Prod commits in a window opening at the start of a minute at least 40 s away, for two minutes.
        ZonedDateTime opening = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(100).truncatedTo(ChronoUnit.MINUTES);
        var windows = admin.put("environments/" + prod + "/commit-windows", ("{\"windows\": [{\"cron\": \"0 %d %d * * ?\","
                + " \"durationMinutes\": 2, \"timeZone\": \"UTC\"}], \"freezes\": []}").formatted(opening.getMinute(),
                opening.getHour()));
        assertThat(windows.status()).as(windows.toString()).isEqualTo(200);
        var carolApproves = carol.post("environments/" + prod + "/reviews/" + reviewId + "/decisions",
                "{\"revision\": 1, \"decision\": \"approve\"}");
        assertThat(carolApproves.status()).as(carolApproves.toString()).isEqualTo(201);
        // The approval's event is followed once the decision is recorded, on the server's executor.
        await().atMost(Duration.ofSeconds(20)).until(() ->
                admin.get("environments/" + prod + "/transactions/current/schedule").status() == 200);
        var scheduled = admin.get("environments/" + prod + "/transactions/current/schedule");
        assertThat(scheduled.object().getString("mode")).isEqualTo("next-window");
        assertThat(scheduled.object().getString("requestedBy")).isEqualTo("admin");
        assertThat(Instant.parse(scheduled.object().getString("dueAt"))).isEqualTo(opening.toInstant());

        await().atMost(Duration.between(Instant.now(), opening.toInstant()).plus(JOB_TIME))
                .until(() -> admin.get("environments/" + prod + "/transactions/current").status() == 404);
        assertThat(Instant.now()).as("committed in the window, not before").isAfterOrEqualTo(opening.toInstant());
        assertThat(prodVpcs("app-prod")).singleElement().extracting(Vpc::cidrBlock).isEqualTo("10.41.0.0/16");
        await().atMost(JOB_TIME).until(() -> admin.get("promotions/" + id).object()
                .getJsonNumber("promotedPosition").longValue() > 0);
        JsonObject settled = admin.get("promotions/" + id + "/runs").json().asJsonArray().stream()
                .map(value -> value.asJsonObject()).filter(kept -> kept.getString("outcome").equals("PROMOTED"))
                .findFirst().orElseThrow();
        assertThat(settled.getString("settled")).isEqualTo("COMMITTED");
        assertThat(run(id).getString("outcome")).as("what prod committed is not proposed again").isEqualTo("NOTHING");
        assertThat(admin.get("jobs/runs?environment=" + prod + "&kind=promotion").body())
                .contains("Promotion " + id + " (" + staging + " → " + prod + ")");
    }

    @Test
    void anUpdateThatFindsNoRowInProdStopsTheRunAndKeepsTheTransactionForAPerson() {
        policy(prod, 0);
        commitInStaging(bob, "insert into vpc (cidr_block, tags) values ('10.42.0.0/16', '{\"Name\": \"db-staging\"}')");
        long id = promotion("{\"source\": %s, \"target\": %s, \"commit\": \"next-window\"}").getJsonNumber("id").longValue();
        assertThat(run(id).getString("outcome")).isEqualTo("PROMOTED");
        await().atMost(JOB_TIME).until(() -> admin.get("promotions/" + id).object()
                .getJsonNumber("promotedPosition").longValue() > 0);
        // Someone renames the VPC in prod by hand; staging then changes it under its old name.
        admin.begin(prod);
        ok(admin.sql(prod, "update vpc set tags = '{\"Name\": \"db-renamed\"}' where tags->>'Name' = 'db-prod'"));
        ok(admin.sql(prod, "select * from iasql_commit()"));
        commitInStaging(bob, "update vpc set tags = '{\"Name\": \"db-staging\", \"team\": \"data\"}'"
                + " where tags->>'Name' = 'db-staging'");
        long position = admin.get("promotions/" + id).object().getJsonNumber("promotedPosition").longValue();

        JsonObject conflict = run(id);

        assertThat(conflict.getString("outcome")).as(conflict.toString()).isEqualTo("CONFLICT");
        assertThat(conflict.getInt("statementNumber")).isEqualTo(1);
        assertThat(conflict.getString("message")).contains("Statement 1 of 1 matched no row in " + prod)
                .contains("WHERE tags->>'Name' = 'db-prod'").contains("stays open");
        long kept = conflict.getJsonNumber("targetTransactionId").longValue();
        assertThat(admin.get("environments/" + prod + "/transactions/current").object().getJsonNumber("id").longValue())
                .as("the transaction waits for a person").isEqualTo(kept);
        assertThat(run(id).getString("outcome")).isEqualTo("SKIPPED");

        ok(admin.sql(prod, "select * from iasql_rollback()"));
        JsonObject again = run(id);
        assertThat(again.getString("outcome")).as("a rolled back promotion is proposed again, never lost")
                .isEqualTo("CONFLICT");
        assertThat(again.getJsonNumber("fromPosition").longValue()).isEqualTo(position);
        assertThat(admin.get("promotions/" + id).object().getJsonNumber("promotedPosition").longValue())
                .isEqualTo(position);
        ok(admin.sql(prod, "select * from iasql_rollback()"));
    }

    @Test
    void aStatementProdRefusesRollsTheRunBackAndTheNextRunProposesItAgain() {
        policy(prod, 0);
        commitInStaging(bob, "insert into vpc (cidr_block, tags) values ('10.43.0.0/16', '{\"Name\": \"web-staging\"}')");
        long id = promotion("{\"source\": %s, \"target\": %s, \"commit\": \"next-window\"}").getJsonNumber("id").longValue();
        assertThat(run(id).getString("outcome")).isEqualTo("PROMOTED");
        await().atMost(JOB_TIME).until(() -> admin.get("promotions/" + id).object()
                .getJsonNumber("promotedPosition").longValue() > 0);
        admin.begin(prod);
        ok(admin.sql(prod, "delete from vpc where tags->>'Name' = 'web-prod'"));
        ok(admin.sql(prod, "select * from iasql_commit()"));
        commitInStaging(bob, "insert into subnet (availability_zone, vpc_id, cidr_block) values ('us-east-1a',"
                + " (select id from vpc where tags->>'Name' = 'web-staging'), '10.43.1.0/24')");

        JsonObject failed = run(id);

        assertThat(failed.getString("outcome")).as(failed.toString()).isEqualTo("FAILED");
        assertThat(failed.getInt("statementNumber")).isEqualTo(1);
        assertThat(failed.getString("message")).contains("Statement 1 of 1 failed in " + prod)
                .contains("null value in column \"vpc_id\"").contains("was rolled back");
        assertThat(admin.get("environments/" + prod + "/transactions/current").status())
                .as("prod's transaction was rolled back").isEqualTo(404);
        assertThat(column(rows(admin.sql(prod, "select count(*)::text from subnet where cidr_block = '10.43.1.0/24'"),
                0), 0)).containsExactly("0");
        assertThat(run(id).getString("outcome")).as("proposed again").isEqualTo("FAILED");
    }

    @Test
    void onlyAnAdminOfTheTargetSetsUpAPromotionAndNoneLeadsBackToItsSource() {
        var byBob = bob.post("promotions", "{\"source\": %s, \"target\": %s}".formatted(Api.quote(staging), Api.quote(prod)));
        assertThat(byBob.status()).as(byBob.toString()).isEqualTo(403);
        promotion("{\"source\": %s, \"target\": %s, \"cron\": \"0 0 6 ? * MON-FRI\", \"timeZone\": \"Europe/Berlin\"}");
        var back = admin.post("promotions", "{\"source\": %s, \"target\": %s}".formatted(Api.quote(prod), Api.quote(staging)));
        assertThat(back.status()).as(back.toString()).isEqualTo(400);
        assertThat(back.body()).contains("Promotions already lead from " + staging + " to " + prod);
        var badCron = admin.post("promotions", "{\"source\": %s, \"target\": %s, \"cron\": \"every day\", \"commit\": \"soon\"}"
                .formatted(Api.quote(staging), Api.quote("nowhere-" + UUID.randomUUID().toString().substring(0, 6))));
        assertThat(badCron.status()).as(badCron.toString()).isEqualTo(400);
        assertThat(badCron.body()).contains("is no commit mode");
    }

    private JsonObject promotion(String json) {
        var created = admin.post("promotions", json.formatted(Api.quote(staging), Api.quote(prod)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.object();
    }

    private JsonObject run(long id) {
        var run = admin.post("promotions/" + id + "/run");
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        return run.object();
    }

    private long commitInStaging(Api who, String sql) {
        long transaction = who.begin(staging);
        ok(who.sql(staging, sql));
        assertThat(column(rows(who.sql(staging, "select status from iasql_commit()"), 0), 0)).containsOnly("DONE");
        return transaction;
    }

    private void policy(String environment, int approvals) {
        var put = admin.put("environments/" + environment + "/review-policy", "{\"approvalsRequired\": " + approvals + "}");
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
    }

    private String user(String prefix, Map<String, String> roleByEnvironment) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        String grants = String.join(", ", roleByEnvironment.entrySet().stream().map(grant ->
                "{\"environment\": %s, \"role\": %s}".formatted(Api.quote(grant.getKey()), Api.quote(grant.getValue())))
                .toList());
        var created = admin.post("users", "{\"name\": %s, \"password\": %s, \"roles\": [%s]}"
                .formatted(Api.quote(name), Api.quote(PASSWORD), grants));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return name;
    }

    private static List<Vpc> prodVpcs(String name) {
        try (Ec2Client ec2 = Moto.ec2(prodAccount.endpoint().toString(), "eu-west-1")) {
            return ec2.describeVpcs(request -> request.filters(Filter.builder().name("tag:Name").values(name).build()))
                    .vpcs();
        }
    }
}
