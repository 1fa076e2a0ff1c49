package dev.tablecloud.it;

import dev.tablecloud.testsupport.MotoServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;

import java.util.Map;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commit's progress in the browser, drawn from the state the server keeps: a commit followed to
 * its end, seen the same after a reload and from a second browser session while it runs; and a
 * commit the cloud (moto, as AWS would) refuses, with the cloud's message, the undo and the rows kept.
 */
class CommitProgressIT extends DeployedTablecloud {

    private static final Pattern STEPS = Pattern.compile("Steps (\\d+) of (\\d+) done");
    private final List<Browser> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(Browser::close);
    }

    private Browser browser() {
        Browser browser = new Browser(deployment);
        browsers.add(browser);
        browser.signIn(Api.ADMIN, Api.adminPassword());
        return browser;
    }

    /**
     * An account of the test's own behind a proxy that answers each request two seconds late, so that
     * the commit of 40 resources lasts long enough to reload the page in the middle of it.
     */
    @Test
    void theProgressReachesDoneAndAReloadOrASecondSessionShowsTheSameWhileItRuns(@TempDir Path temp)
            throws Exception {
        int motoPort = FreePort.find();
        int proxyPort = FreePort.find();
        MotoServer moto = MotoServer.start(motoPort, Map.of());
        Process proxy = LatencyProxy.start(proxyPort, "http://127.0.0.1:" + motoPort, temp, 2000);
        try {
            String name = "cp-" + UUID.randomUUID().toString().substring(0, 8);
            Api api = new Api(deployment);
            api.environment(name, "http://127.0.0.1:" + proxyPort, "us-east-1", "aws_vpc");
            long id = api.begin(name);
            SqlAnswers.ok(api.sql(name, """
                    insert into vpc (cidr_block, tags)
                        select ('10.' || (160 + i) || '.0.0/16')::cidr, jsonb_build_object('Name', '%1$s-' || i)
                        from generate_series(0, 19) i;
                    insert into subnet (vpc_id, cidr_block, availability_zone)
                        select v.id, ('10.' || (160 + i) || '.1.0/24')::cidr, 'us-east-1a'
                        from generate_series(0, 19) i join vpc v on v.tags->>'Name' = '%1$s-' || i;
                    """.formatted(name)));
            String page = "environments/" + name + "/transaction";
            Browser first = browser();
            first.open(page);
            Browser second = browser();
            first.wait.until(driver -> first.driver.findElements(By.cssSelector("#diff .tc-diff-create")).size() == 40);
            assertThat(api.get("environments/" + name + "/transactions/" + id + "/progress").status())
                    .as("no progress before the first commit").isEqualTo(404);

            first.click("commit");
            first.wait.until(driver -> stepsDone(first) > 0 && stepsDone(first) < 40
                    && first.text("commit-progress-running").startsWith("Running: create "));
            assertThat(first.text("commit-progress-title")).isEqualTo("Committing transaction " + id);
            first.screenshot("commit-progress");
            JsonObject midway = api.get("environments/" + name + "/transactions/" + id + "/progress").object();
            assertThat(midway.getString("state")).isIn("APPLYING", "SYNCING");
            assertThat(midway.getInt("total")).isEqualTo(40);

            // Another session, signed in elsewhere, opens the page while the commit runs and is shown
            // the same progress from the server's state, then kept up to date by push.
            second.open(page);
            second.wait.until(driver -> stepsDone(second) > 0);
            assertThat(second.text("commit-progress-title")).isEqualTo("Committing transaction " + id);
            assertThat(second.text("commit-progress-count")).endsWith(" of 40 done");
            // A reload in the middle of the commit finds it where the server is.
            first.driver.navigate().refresh();
            first.wait.until(driver -> stepsDone(first) > 0);
            assertThat(first.text("commit-progress-title")).isEqualTo("Committing transaction " + id);
            assertThat(first.element("commit").getAttribute("disabled")).as("no second commit meanwhile").isNotNull();

            for (Browser browser : List.of(first, second)) {
                awaitCommitted(browser, id, browser == first ? "first" : "second");
                assertThat(browser.text("commit-progress-count")).isEqualTo("Steps 40 of 40 done");
                assertThat(Double.parseDouble(browser.element("commit-progress-bar").getDomProperty("value")))
                        .isEqualTo(40.0);
                List<String> steps = browser.driver.findElements(By.cssSelector("#commit-progress-steps li")).stream()
                        .map(WebElement::getText).toList();
                assertThat(steps).hasSize(40).allMatch(step -> step.startsWith("done"));
                assertThat(steps).anyMatch(step -> step.contains("create vpc " + name + "-7 — created vpc-"))
                        .anyMatch(step -> step.contains("create subnet 10.167.1.0/24 — created subnet-"));
            }
            JsonObject done = api.get("environments/" + name + "/transactions/" + id + "/progress").object();
            assertThat(done.getString("state")).isEqualTo("COMMITTED");
            assertThat(done.getInt("done")).isEqualTo(40);
            assertThat(done.getJsonArray("steps")).hasSize(40).allSatisfy(step ->
                    assertThat(step.asJsonObject().getString("status")).isEqualTo("DONE"));
            assertThat(done.getJsonArray("running")).isEmpty();
        } finally {
            proxy.destroy();
            moto.close();
        }
    }

    /** A subnet outside its VPC's CIDR: moto refuses CreateSubnet with InvalidSubnet.Range, as AWS does. */
    @Test
    void aCommitRefusedByTheCloudShowsTheCloudsMessageAndTheUndoWithTheRowsKept() {
        String name = "cpr-" + UUID.randomUUID().toString().substring(0, 8);
        String vpc = name + "-vpc";
        Api api = new Api(deployment);
        api.environment(name, TablecloudEar.motoUrl(), "us-east-1", "aws_vpc");
        long id = api.begin(name);
        SqlAnswers.ok(api.sql(name, """
                insert into vpc (cidr_block, tags) values ('10.95.0.0/16', '{"Name": "%1$s"}');
                insert into subnet (vpc_id, cidr_block, availability_zone)
                    select id, '10.96.1.0/24', 'us-east-1a' from vpc where tags->>'Name' = '%1$s';
                """.formatted(vpc)));
        Browser browser = browser();
        browser.open("environments/" + name + "/transaction");
        browser.wait.until(driver -> browser.driver.findElements(By.cssSelector("#diff .tc-diff-create")).size() == 2);

        browser.click("commit");
        browser.wait.until(driver -> browser.text("commit-progress-title").equals(
                "Commit of transaction " + id + " failed"));
        assertThat(browser.text("commit-progress-error")).contains("CreateSubnet was refused",
                "The CIDR '10.96.1.0/24' is invalid");
        assertThat(browser.text("commit-progress-undo")).contains("Undo", "undone", "deleted vpc-", " again");
        assertThat(browser.text("commit-progress-note")).contains("The transaction is open again",
                "its rows are as you left them");
        List<String> steps = browser.driver.findElements(By.cssSelector("#commit-progress-steps li")).stream()
                .map(WebElement::getText).toList();
        assertThat(steps).hasSize(2);
        assertThat(steps).anyMatch(step -> step.startsWith("undone") && step.contains("create vpc " + vpc))
                .anyMatch(step -> step.startsWith("failed") && step.contains("create subnet 10.96.1.0/24")
                        && step.contains("The CIDR '10.96.1.0/24' is invalid"));
        browser.waitForNotification("Commit failed");
        browser.wait.until(driver -> browser.text("transaction-summary").contains("Transaction " + id + " · open"));
        browser.wait.until(driver -> browser.element("commit").getAttribute("disabled") == null);
        browser.scrollToTop();
        browser.screenshot("commit-refused");

        var rows = SqlAnswers.rows(api.sql(name, """
                select count(*) from vpc v join subnet s on s.vpc_id = v.id
                    where v.tags->>'Name' = '%s' and s.cidr_block = '10.96.1.0/24' and v.vpc_id is null"""
                .formatted(vpc)), 0);
        assertThat(rows.getJsonArray(0).getInt(0)).as("both rows kept as typed").isEqualTo(1);
        try (Ec2Client ec2 = Moto.ec2(TablecloudEar.motoUrl(), "us-east-1")) {
            assertThat(ec2.describeVpcs(r -> r.filters(Filter.builder().name("tag:Name").values(vpc).build())).vpcs())
                    .as("the VPC the commit made is undone").isEmpty();
        }
        JsonObject progress = api.get("environments/" + name + "/transactions/" + id + "/progress").object();
        assertThat(progress.getString("state")).isEqualTo("FAILED");
        assertThat(progress.getString("error")).contains("The CIDR '10.96.1.0/24' is invalid");
        assertThat(progress.getJsonArray("undo")).singleElement().satisfies(undo -> {
            assertThat(undo.asJsonObject().getBoolean("succeeded")).isTrue();
            assertThat(undo.asJsonObject().getString("message")).startsWith("deleted vpc-");
        });
        api.post("environments/" + name + "/transactions/current/rollback");
    }

    /** Waits for the page to show the commit ended; if it does not, what it shows instead is kept. */
    private static void awaitCommitted(Browser browser, long id, String session) {
        try {
            new WebDriverWait(browser.driver, Duration.ofMinutes(3)).until(driver ->
                    browser.text("commit-progress-title").equals("Transaction " + id + " committed"));
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("commit-progress-" + session + "-timeout");
            throw new AssertionError("The " + session + " session never showed the commit ended; it shows: "
                    + browser.driver.findElement(By.tagName("body")).getText() + " notifications: "
                    + browser.notifications(), e);
        }
    }

    /** The steps done the page shows now, or -1 while it shows no count of steps. */
    private static int stepsDone(Browser browser) {
        List<WebElement> count = browser.driver.findElements(By.id("commit-progress-count"));
        if (count.isEmpty()) {
            return -1;
        }
        Matcher matcher = STEPS.matcher(count.get(0).getText());
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
    }
}
