package dev.tablecloud.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Commit windows, freezes and scheduled commits (DESIGN §7) through REST on the real server: the
 * scheduled-commit job runs a schedule by itself, only inside a window, through the same review gate
 * as a person's commit; a freeze stops every commit but an admin's with a reason.
 */
class ScheduledCommitIT extends DeployedTablecloud {

    private static final String PASSWORD = "a scheduled passphrase";
    /** The job looks every 10 s; a commit against moto takes a few more. */
    private static final Duration JOB_TIME = Duration.ofSeconds(90);

    private Api admin;
    private String environment;
    private String suffix;
    private Api alice;
    private String aliceName;

    @BeforeEach
    void environmentWithAnAuthor() {
        admin = new Api(deployment);
        suffix = UUID.randomUUID().toString().substring(0, 8);
        environment = admin.environment("sch-" + suffix, TablecloudEar.motoUrl(), "us-east-1", "aws_vpc");
        aliceName = user("alice", "author");
        alice = admin.as(aliceName, PASSWORD);
    }

    @Test
    void aCommitScheduledForAMomentLaterRunsByItselfAndItsRunIsInTheJobHistory() {
        String vpc = insertVpc(alice, "10.81.0.0/16");
        var scheduled = alice.post(path("transactions/current/schedule"),
                "{\"at\": \"" + Instant.now().plusSeconds(2) + "\"}");
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        assertThat(scheduled.object().getString("state")).isEqualTo("scheduled");
        assertThat(scheduled.object().getString("requestedBy")).startsWith("alice-");

        var again = alice.post(path("transactions/current/schedule"), "{\"at\": \"next-window\"}");
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.body()).contains("is already scheduled", "cancel that schedule first");

        await().atMost(JOB_TIME).until(() -> admin.get(path("transactions/current")).status() == 404);
        assertThat(vpcId(vpc)).startsWith("vpc-");
        JsonObject run = runs("kind=scheduled-commit").get(0).asJsonObject();
        assertThat(run.getString("outcome")).isEqualTo("SUCCEEDED");
        assertThat(run.getString("message")).contains("by alice-", "committed:");
        assertThat(run.getString("environment")).isEqualTo(environment);
        assertThat(admin.get(path("transactions/current/schedule")).status()).as("nothing waits any more").isEqualTo(404);
    }

    @Test
    void aScheduleForTheNextWindowWaitsForItsOpeningAndRunsInsideIt() {
        // A window opening at the start of a minute at least 40 s away, for two minutes, in UTC.
        ZonedDateTime opening = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(100).truncatedTo(ChronoUnit.MINUTES);
        String cron = "0 %d %d * * ?".formatted(opening.getMinute(), opening.getHour());
        var put = admin.put(path("commit-windows"), "{\"windows\": [{\"cron\": \"%s\", \"durationMinutes\": 2,"
                .formatted(cron) + " \"timeZone\": \"UTC\"}], \"freezes\": []}");
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.object().getBoolean("nowAllowed")).isFalse();
        assertThat(put.object().getString("now")).contains("outside its commit windows", "\"" + cron + "\" for 2 min (UTC)");
        assertThat(Instant.parse(put.object().getString("nextAllowed"))).isEqualTo(opening.toInstant());

        String vpc = insertVpc(alice, "10.82.0.0/16");
        var outside = alice.post(path("transactions/current/schedule"), "{\"at\": \"" + Instant.now().plusSeconds(5) + "\"}");
        assertThat(outside.status()).as("a time outside every window is refused").isEqualTo(400);
        assertThat(outside.body()).contains("no commit may run", "The next commit window opens at");

        var scheduled = alice.post(path("transactions/current/schedule"), "{\"at\": \"next-window\"}");
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        assertThat(Instant.parse(scheduled.object().getString("dueAt"))).isEqualTo(opening.toInstant());

        await().atMost(Duration.between(Instant.now(), opening.toInstant()).plus(JOB_TIME))
                .until(() -> admin.get(path("transactions/current")).status() == 404);
        JsonObject run = runs("kind=scheduled-commit").get(0).asJsonObject();
        assertThat(run.getString("outcome")).isEqualTo("SUCCEEDED");
        assertThat(Instant.parse(run.getString("startedAt"))).as("never before the window opens")
                .isAfterOrEqualTo(opening.toInstant());
        assertThat(vpcId(vpc)).startsWith("vpc-");
    }

    @Test
    void aFreezeRefusesEveryCommitInWordsButAnAdminsWithAReason() {
        var bad = admin.put(path("commit-windows"), "{\"windows\": [{\"cron\": \"every tuesday\", \"durationMinutes\": 0,"
                + " \"timeZone\": \"Mars/Olympus\"}], \"freezes\": [{\"from\": \"2026-12-24T00:00:00Z\","
                + " \"to\": \"2026-12-23T00:00:00Z\", \"reason\": \"\"}]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("windows[0].cron", "is not a Quartz cron expression", "windows[0].durationMinutes",
                "windows[0].timeZone", "freezes[0].to", "freezes[0].reason");
        assertThat(admin.get(path("commit-windows")).object().getJsonArray("windows")).as("nothing kept").isEmpty();

        Instant now = Instant.now();
        var frozen = admin.put(path("commit-windows"), "{\"windows\": [], \"freezes\": [{\"from\": \"%s\", \"to\": \"%s\","
                .formatted(now.minusSeconds(60), now.plus(Duration.ofHours(2))) + " \"reason\": \"Black Friday sale\"}]}");
        assertThat(frozen.status()).as(frozen.toString()).isEqualTo(200);
        assertThat(frozen.object().getJsonArray("freezes").getJsonObject(0).getString("setBy")).isEqualTo(Api.ADMIN);

        String vpc = insertVpc(alice, "10.83.0.0/16");
        var refused = alice.post(path("transactions/current/commit"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.body()).contains("is frozen until", "Black Friday sale, set by " + Api.ADMIN,
                "unless an admin overrides with a reason");
        assertThat(admin.get(path("transactions/current")).object().getString("state")).isEqualTo("OPEN");

        var scheduled = alice.post(path("transactions/current/schedule"), "{\"at\": \"" + Instant.now().plusSeconds(5) + "\"}");
        assertThat(scheduled.status()).as("a schedule inside the freeze is refused").isEqualTo(400);
        assertThat(scheduled.body()).contains("is frozen until");

        var notAdmin = alice.post(path("transactions/current/commit"), "{\"override\": \"I am sure\"}");
        assertThat(notAdmin.status()).as(notAdmin.toString()).isEqualTo(403);
        assertThat(admin.get(path("transactions/current")).object().getString("state")).isEqualTo("OPEN");

        var overridden = admin.post(path("transactions/current/commit"), "{\"override\": \"Hotfix for the sale's checkout\"}");
        assertThat(overridden.status()).as(overridden.toString()).isEqualTo(200);
        assertThat(vpcId(vpc)).startsWith("vpc-");
    }

    @Test
    void aScheduledCommitWhosePlanChangedSinceApprovalIsRefusedAndTheTransactionStaysOpen() {
        String bobName = user("bob", "reviewer");
        Api carol = admin.as(user("carol", "author"), PASSWORD);
        var policy = admin.put(path("review-policy"), "{\"approvalsRequired\": 1}");
        assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
        insertVpc(alice, "10.84.0.0/16");
        var review = alice.post(path("transactions/current/reviews"), "{\"title\": \"Night network\", \"description\": \"\"}");
        assertThat(review.status()).as(review.toString()).isEqualTo(201);
        long reviewId = review.object().getJsonNumber("id").longValue();
        var approved = admin.as(bobName, PASSWORD).post(path("reviews/" + reviewId + "/decisions"),
                "{\"revision\": 1, \"decision\": \"approve\", \"comment\": \"ok\"}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(201);

        var scheduled = alice.post(path("transactions/current/schedule"), "{\"at\": \"" + Instant.now().plusSeconds(20) + "\"}");
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        SqlAnswers.ok(carol.sql(environment, "insert into vpc (cidr_block, tags) values ('10.85.0.0/16', '{\"Name\": \""
                + environment + "-late\"}')"));

        await().atMost(JOB_TIME).until(() -> admin.get(path("transactions/current/schedule")).status() == 404);
        JsonObject run = runs("kind=scheduled-commit").get(0).asJsonObject();
        assertThat(run.getString("outcome")).isEqualTo("FAILED");
        assertThat(run.getString("message")).contains("refused", "plan changed since approval");
        assertThat(admin.get(path("transactions/current")).object().getString("state")).isEqualTo("OPEN");
        assertThat(admin.get(path("reviews/" + reviewId + "/history")).body()).contains("commit-failed",
                "plan changed since approval");
        assertThat(runs("outcome=failed")).as("the outcome filter").allSatisfy(failed ->
                assertThat(failed.asJsonObject().getString("outcome")).isEqualTo("FAILED"));
        admin.post(path("transactions/current/rollback"));
    }

    @Test
    void inTheBrowserAnAdminSetsAWindowAndAFreezeAndAnAuthorSchedulesTheCommitAndCancelsIt() {
        try (Browser adminPage = new Browser(deployment); Browser alicePage = new Browser(deployment)) {
            adminPage.signIn(Api.ADMIN, Api.adminPassword());
            adminPage.open("environments/" + environment + "/schedule");
            adminPage.wait.until(driver -> adminPage.text("schedule-standing").contains("commits may run at any time"));
            adminPage.type("window-cron", "every tuesday");
            adminPage.click("window-add");
            adminPage.wait.until(driver -> adminPage.element("window-cron").getAttribute("invalid") != null);
            // One opening, far ahead: the page's words do not depend on the day the test runs.
            adminPage.type("window-cron", "0 0 3 1 1 ? 2099");
            adminPage.click("window-add");
            try {
                adminPage.wait.until(driver -> adminPage.cells("windows").contains("0 0 3 1 1 ? 2099"));
            } catch (org.openqa.selenium.TimeoutException e) {
                adminPage.screenshot("failed-window-add");
                throw e;
            }
            adminPage.type("freeze-reason", "Black Friday sale");
            adminPage.click("freeze-add");
            adminPage.wait.until(driver -> adminPage.cells("freezes").contains("Black Friday sale"));
            // Above the form the click scrolled to: WebDriver reads no text scrolled out of the layout's view.
            adminPage.scrollToTop();
            try {
                adminPage.wait.until(driver -> adminPage.text("schedule-standing").contains("is frozen until"));
            } catch (org.openqa.selenium.TimeoutException e) {
                adminPage.screenshot("failed-freeze-standing");
                throw new AssertionError("standing: " + adminPage.text("schedule-standing") + "; windows: "
                        + admin.get(path("commit-windows")).body(), e);
            }
            adminPage.scrollToTop();
            adminPage.screenshot("schedule");
            adminPage.click("freeze-lift-0");
            adminPage.wait.until(driver -> !adminPage.cells("freezes").contains("Black Friday sale"));
            adminPage.scrollToTop();
            assertThat(adminPage.text("schedule-standing")).contains("The next commit window opens at 2099-01-01 03:00 UTC");

            insertVpc(alice, "10.86.0.0/16");
            alicePage.signIn(aliceName, PASSWORD);
            alicePage.open("environments/" + environment + "/transaction");
            alicePage.click("schedule-commit");
            alicePage.wait.until(driver -> alicePage.text("schedule-standing-now").contains("The next window opens at 2099-01-01 03:00:00 UTC"));
            alicePage.click("schedule-confirm");
            alicePage.wait.until(driver -> alicePage.text("commit-scheduled").contains("(next window) by " + aliceName));
            alicePage.screenshot("transaction-scheduled");
            assertThat(admin.get(path("transactions/current/schedule")).object().getString("mode")).isEqualTo("next-window");
            alicePage.click("cancel-schedule");
            alicePage.wait.until(driver -> alicePage.element("schedule-commit").isDisplayed());
            assertThat(admin.get(path("transactions/current/schedule")).status()).isEqualTo(404);

            adminPage.open("jobs");
            adminPage.wait.until(driver -> !adminPage.cells("job-runs").isEmpty());
            adminPage.screenshot("job-history");
            admin.post(path("transactions/current/rollback"));
        }
    }

    private String insertVpc(Api who, String cidr) {
        if (admin.get(path("transactions/current")).status() == 404) {
            who.begin(environment);
        }
        String name = environment + "-" + cidr.split("\\.")[1];
        SqlAnswers.ok(who.sql(environment, "insert into vpc (cidr_block, tags) values ('" + cidr + "', '{\"Name\": \""
                + name + "\"}')"));
        return name;
    }

    private String vpcId(String name) {
        JsonObject answer = admin.sql(environment, "select vpc_id from vpc where tags->>'Name' = '" + name + "'");
        return SqlAnswers.column(SqlAnswers.rows(answer, 0), 0).get(0);
    }

    private List<JsonValue> runs(String filter) {
        var reply = admin.get("jobs/runs?environment=" + environment + "&" + filter);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().asJsonArray();
    }

    private String path(String rest) {
        return "environments/" + environment + "/" + rest;
    }

    private String user(String prefix, String... roles) {
        String name = prefix + "-" + suffix;
        String grants = String.join(", ", java.util.Arrays.stream(roles).map(role ->
                "{\"environment\": %s, \"role\": %s}".formatted(Api.quote(environment), Api.quote(role))).toList());
        var created = admin.post("users", "{\"name\": %s, \"password\": %s, \"roles\": [%s]}"
                .formatted(Api.quote(name), Api.quote(PASSWORD), grants));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return name;
    }
}
