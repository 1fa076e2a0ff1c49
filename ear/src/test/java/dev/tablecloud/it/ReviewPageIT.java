package dev.tablecloud.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review pages in headless Chromium on the real server with moto: a review opened from the
 * transaction page, the four-eyes rule shown on a disabled approve button in the server's words, an
 * approval from a second browser session, the commit from the review page; and the stale banner the
 * server pushes to a reviewer's open page when a third user changes a row, until a new revision.
 */
class ReviewPageIT extends DeployedTablecloud {

    private static final String PASSWORD = "a long review passphrase";

    private final List<Browser> browsers = new ArrayList<>();

    private Browser browser() {
        Browser browser = new Browser(deployment);
        browsers.add(browser);
        return browser;
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(Browser::close);
    }

    @Test
    void aReviewOpenedFromTheTransactionIsApprovedByBobInHisOwnSessionAndCommittedByAliceFromItsPage() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "rvp-" + suffix;
        Api api = new Api(deployment);

        Browser admin = browser();
        admin.signIn(Api.ADMIN, Api.adminPassword());
        admin.type("name", name);
        admin.type("description", "Made by the review page browser test");
        admin.type("awsEndpoint", TablecloudEar.motoUrl());
        admin.click("create");
        admin.wait.until(driver -> admin.cells("environments").contains(name));
        admin.driver.findElement(By.linkText(name)).click();
        admin.wait.until(ExpectedConditions.textToBe(By.id("environment-name"), name));
        admin.click("install-aws_ec2");
        admin.waitForNotification("Installed");
        admin.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("uninstall-aws_ec2")));

        // Alice may review others' changes too: the four-eyes rule, not her roles, stops her approving her own.
        String alice = user(api, "alice-" + suffix, name, "author", "reviewer");
        String bob = user(api, "bob-" + suffix, name, "reviewer");
        policy(api, name);

        Browser alicePage = browser();
        alicePage.signIn(alice, PASSWORD);
        alicePage.open("environments/" + name + "/transaction");
        alicePage.wait.until(driver -> alicePage.text("transaction-summary").contains("No transaction is open"));
        assertThat(alicePage.element("open-review").getAttribute("disabled")).isNotNull();
        alicePage.click("begin");
        alicePage.wait.until(driver -> alicePage.text("transaction-summary").contains("opened by " + alice));

        String vpc = name + "-vpc";
        SqlAnswers.ok(api.as(alice, PASSWORD).sql(name, """
                insert into vpc (cidr_block, tags) values ('10.71.0.0/16', '{"Name": "%1$s"}');
                insert into subnet (vpc_id, cidr_block, availability_zone)
                    select id, '10.71.1.0/24', 'us-east-1a' from vpc where tags->>'Name' = '%1$s';
                """.formatted(vpc)));
        alicePage.wait.until(driver -> diffRows(alicePage, "#diff", "create").size() == 2);
        assertThat(diffRows(alicePage, "#diff", "create").get(0).getText()).startsWith("+").contains("vpc", vpc);
        assertThat(diffRows(alicePage, "#diff", "create").get(1).getText()).contains("subnet", "10.71.1.0/24");

        // The policy asks for an approval: the transaction page says so before anyone clicks Commit.
        assertThat(alicePage.element("commit").getAttribute("disabled")).isNotNull();
        assertThat(alicePage.text("action-reason")).isEqualTo("Not yet: this environment's review policy asks for"
                + " 1 approval: open a review of the transaction.");

        String title = "Add the " + vpc + " network";
        alicePage.click("open-review");
        alicePage.type("review-title-field", title);
        typeInTextArea(alicePage, "review-description-field", "The shop needs **its own** network.");
        alicePage.click("open-review-confirm");
        alicePage.wait.until(ExpectedConditions.urlMatches(".*/reviews/[0-9]+$"));
        String reviewId = alicePage.driver.getCurrentUrl().replaceAll(".*/reviews/", "");
        alicePage.wait.until(ExpectedConditions.textToBe(By.id("review-title"), title));
        assertThat(alicePage.driver.findElement(By.cssSelector("#review-description strong")).getText()).isEqualTo("its own");
        assertThat(alicePage.text("approvals")).isEqualTo("0 of 1 approvals on revision 1");
        assertThat(diffRows(alicePage, "#review-plan", "create")).hasSize(2);
        assertThat(alicePage.text("review-sql")).contains("INSERT INTO vpc", vpc, "INSERT INTO subnet");
        assertThat(alicePage.element("download-sql").getText()).isEqualTo("Download review-" + reviewId + "-revision-1.sql");
        // The four-eyes rule: approve is there, disabled, with the server's reason beside it.
        assertThat(alicePage.element("approve").isDisplayed()).isTrue();
        assertThat(alicePage.element("approve").getAttribute("disabled")).isNotNull();
        assertThat(alicePage.text("approve-reason")).startsWith(alice + " changed this transaction (insert vpc '" + vpc)
                .contains("and so may not approve it");
        assertThat(alicePage.element("commit-review").getAttribute("disabled")).isNotNull();
        assertThat(alicePage.text("commit-reason")).contains("needs 1 approval, has 0");

        // Back on the transaction page, the open review is a link, not a second button.
        alicePage.open("environments/" + name + "/transaction");
        alicePage.wait.until(driver -> alicePage.text("review-link").contains("Review " + reviewId + ": " + title));
        assertThat(shown(alicePage, "open-review")).isFalse();
        alicePage.open("reviews");
        alicePage.wait.until(driver -> alicePage.text("opened-by-me").contains("#" + reviewId + " " + title));
        assertThat(alicePage.text("waiting")).doesNotContain("#" + reviewId + " ");
        alicePage.driver.findElement(By.linkText("#" + reviewId + " " + title)).click();
        alicePage.wait.until(ExpectedConditions.textToBe(By.id("review-title"), title));

        Browser bobPage = browser();
        bobPage.signIn(bob, PASSWORD);
        bobPage.open("reviews");
        bobPage.wait.until(driver -> bobPage.text("waiting").contains("#" + reviewId + " " + title));
        assertThat(bobPage.text("waiting")).contains(name, "opened by " + alice, "0 of 1 approvals");
        assertThat(bobPage.text("reviews-badge")).isNotBlank();
        bobPage.screenshot("reviews-inbox");
        bobPage.driver.findElement(By.linkText("#" + reviewId + " " + title)).click();
        bobPage.wait.until(ExpectedConditions.textToBe(By.id("review-title"), title));
        assertThat(bobPage.driver.getCurrentUrl()).endsWith("/reviews/" + reviewId);
        assertThat(bobPage.element("approve").getAttribute("disabled")).isNull();

        WebElement lineButton = bobPage.driver.findElement(By.cssSelector("#review-plan [id^='comment-line-create-vpc-']"));
        bobPage.click(lineButton.getAttribute("id"));
        typeInTextArea(bobPage, "line-comment-text", "Is 10.71/16 free in **prod** too?");
        bobPage.click("line-comment-post");
        bobPage.wait.until(driver -> diffRows(bobPage, "#review-plan", "create").get(0).getText().contains("Is 10.71/16 free"));
        assertThat(bobPage.text("comments")).contains("on create vpc");
        bobPage.type("decision-comment", "Looks right");
        bobPage.click("approve");
        bobPage.wait.until(driver -> bobPage.text("approvals").equals("1 of 1 approvals on revision 1"));
        assertThat(bobPage.text("decisions")).contains("approved", bob, "Looks right");

        // Alice's page, open all along, hears of the approval by server push and lets her commit.
        alicePage.wait.until(driver -> alicePage.element("commit-review").getAttribute("disabled") == null);
        assertThat(alicePage.text("approvals")).isEqualTo("1 of 1 approvals on revision 1");
        assertThat(alicePage.text("approve-reason")).contains("and so may not approve it");
        alicePage.scrollToTop();
        alicePage.screenshot("review");
        alicePage.click("commit-review");
        alicePage.waitForNotification("cloud actions");
        alicePage.wait.until(driver -> alicePage.text("review-summary").contains("committed"));
        assertThat(alicePage.text("commit-outcome")).contains("created vpc-", "created subnet-");
        assertThat(alicePage.text("review-history")).contains("opened", "approved", "committed");

        alicePage.click("committed-table-vpc");
        alicePage.wait.until(driver -> alicePage.driver.getCurrentUrl().endsWith("/tables/vpc"));
        alicePage.type("filter", vpc);
        alicePage.wait.until(driver -> alicePage.text("row-count").equals("1 row"));
        alicePage.wait.until(driver -> alicePage.cells("rows").stream().anyMatch(cell -> cell.startsWith("vpc-")));
        alicePage.open("environments/" + name + "/tables/subnet");
        alicePage.type("filter", "10.71.1.0/24");
        alicePage.wait.until(driver -> alicePage.cells("rows").stream().anyMatch(cell -> cell.startsWith("subnet-")));

        bobPage.open("reviews");
        bobPage.wait.until(driver -> bobPage.text("recently-closed").contains("#" + reviewId + " " + title));
        assertThat(bobPage.text("waiting")).doesNotContain("#" + reviewId + " ");

        // The environment's audit log names both, newest first: alice's commit, bob's approval.
        alicePage.click("nav-audit");
        alicePage.wait.until(ExpectedConditions.titleIs("Audit log · " + name + " · Tablecloud"));
        assertThat(actorsEntries(alicePage, bob)).contains("APPROVED").doesNotContain("INSERT");
        assertThat(actorsEntries(alicePage, alice)).contains("COMMIT_START", "COMMIT_END").doesNotContain("APPROVED");
    }

    /** The audit grid's cells once filtered to one actor's entries. */
    private static List<String> actorsEntries(Browser page, String actor) {
        WebElement filter = page.wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-combo-box#filter-actor input")));
        filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        filter.sendKeys(actor);
        filter.sendKeys(Keys.ENTER);
        page.wait.until(driver -> !page.cells("audit").isEmpty()
                && page.cells("audit").stream().filter(cell -> cell.startsWith("alice-") || cell.startsWith("bob-"))
                        .allMatch(actor::equals));
        return page.cells("audit");
    }

    @Test
    void aRowChangedByAThirdUserShowsTheReviewerTheStaleBannerLiveAndApproveWaitsForANewRevision() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Api api = new Api(deployment);
        String name = api.environment("rvs-" + suffix, TablecloudEar.motoUrl(), "us-east-1", "aws_vpc");
        String alice = user(api, "alice-" + suffix, name, "author");
        // Bob reviews and may freeze a new revision: freezing is no change, so he may still approve.
        String bob = user(api, "bob-" + suffix, name, "author", "reviewer");
        String carol = user(api, "carol-" + suffix, name, "author");
        policy(api, name);
        Api asAlice = api.as(alice, PASSWORD);
        asAlice.begin(name);
        SqlAnswers.ok(asAlice.sql(name, "insert into vpc (cidr_block, tags) values ('10.72.0.0/16', '{\"Name\": \""
                + name + "-a\"}')"));
        var opened = asAlice.post("environments/" + name + "/transactions/current/reviews",
                "{\"title\": \"Two networks\", \"description\": \"\"}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        long reviewId = opened.object().getJsonNumber("id").longValue();

        Browser bobPage = browser();
        bobPage.signIn(bob, PASSWORD);
        bobPage.open("reviews/" + reviewId);
        bobPage.wait.until(ExpectedConditions.textToBe(By.id("review-title"), "Two networks"));
        assertThat(shown(bobPage, "stale-banner")).isFalse();
        assertThat(bobPage.element("approve").getAttribute("disabled")).isNull();

        String late = name + "-b";
        SqlAnswers.ok(api.as(carol, PASSWORD).sql(name, "insert into vpc (cidr_block, tags) values ('10.73.0.0/16',"
                + " '{\"Name\": \"" + late + "\"}')"));
        bobPage.wait.until(driver -> shown(bobPage, "stale-banner"));
        assertThat(bobPage.text("stale-banner")).contains("Revision 1 is stale", carol + ": insert vpc '" + late + "'");
        assertThat(bobPage.element("approve").getAttribute("disabled")).isNotNull();
        assertThat(bobPage.text("approve-reason")).contains("Revision 1 of review " + reviewId + " is stale",
                "insert vpc '" + late + "'");
        bobPage.scrollToTop();
        bobPage.screenshot("review-stale");

        bobPage.click("new-revision");
        bobPage.wait.until(driver -> bobPage.text("review-summary").contains("revision 2 of 2"));
        bobPage.wait.until(driver -> !shown(bobPage, "stale-banner"));
        assertThat(bobPage.text("revision-note")).contains("changed since revision 1", "insert vpc '" + late + "'");
        assertThat(diffRows(bobPage, "#review-plan", "create")).hasSize(2);
        assertThat(bobPage.element("approve").getAttribute("disabled")).isNull();
        bobPage.click("approve");
        bobPage.wait.until(driver -> bobPage.text("approvals").equals("1 of 1 approvals on revision 2"));
        api.post("environments/" + name + "/transactions/current/rollback");
    }

    @Test
    void anAdminCommitsWithoutTheApprovalsOnlyWithAWrittenReasonWhichTheReviewKeeps() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Api api = new Api(deployment);
        String name = api.environment("rvo-" + suffix, TablecloudEar.motoUrl(), "us-east-1", "aws_vpc");
        String alice = user(api, "alice-" + suffix, name, "author");
        policy(api, name);
        Api asAlice = api.as(alice, PASSWORD);
        asAlice.begin(name);
        String vpc = name + "-urgent";
        SqlAnswers.ok(asAlice.sql(name, "insert into vpc (cidr_block, tags) values ('10.74.0.0/16', '{\"Name\": \""
                + vpc + "\"}')"));
        var opened = asAlice.post("environments/" + name + "/transactions/current/reviews",
                "{\"title\": \"Urgent network\", \"description\": \"\"}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        long reviewId = opened.object().getJsonNumber("id").longValue();

        // Alice, an author, sees why the commit waits and is offered no way around it.
        Browser alicePage = browser();
        alicePage.signIn(alice, PASSWORD);
        alicePage.open("environments/" + name + "/transaction");
        alicePage.wait.until(driver -> alicePage.text("action-reason").startsWith("Not yet:"));
        assertThat(alicePage.element("commit").getAttribute("disabled")).isNotNull();
        assertThat(shown(alicePage, "commit-override")).isFalse();

        Browser adminPage = browser();
        adminPage.signIn(Api.ADMIN, Api.adminPassword());
        adminPage.open("environments/" + name + "/transaction");
        adminPage.wait.until(driver -> shown(adminPage, "commit-override"));
        assertThat(adminPage.element("commit").getAttribute("disabled")).isNotNull();
        adminPage.click("commit-override");
        adminPage.click("override-confirm");
        adminPage.wait.until(driver -> adminPage.element("override-reason").getAttribute("invalid") != null);
        assertThat(adminPage.notifications()).noneMatch(text -> text.contains("committed"));
        typeInTextArea(adminPage, "override-reason", "Incident 4711: the reviewers are unreachable");
        adminPage.screenshot("commit-override");
        adminPage.click("override-confirm");
        adminPage.waitForNotification("without the approvals, because: Incident 4711: the reviewers are unreachable");
        alicePage.wait.until(driver -> alicePage.text("transaction-summary").startsWith("No transaction is open"));

        alicePage.open("reviews/" + reviewId);
        alicePage.wait.until(driver -> alicePage.text("review-history").contains("committed"));
        assertThat(alicePage.text("review-history")).contains("overridden", Api.ADMIN,
                "Incident 4711: the reviewers are unreachable");
    }

    @Test
    void aDeepLinkToAReviewThatDoesNotExistSaysSo() {
        Browser page = browser();
        page.signIn(Api.ADMIN, Api.adminPassword());
        page.open("reviews/987654321");
        page.wait.until(driver -> page.text("refused").contains("There is no review 987654321."));
    }

    private static String user(Api api, String name, String environment, String... roles) {
        String grants = String.join(", ", java.util.Arrays.stream(roles).map(role ->
                "{\"environment\": %s, \"role\": %s}".formatted(Api.quote(environment), Api.quote(role))).toList());
        var created = api.post("users", "{\"name\": %s, \"password\": %s, \"roles\": [%s]}"
                .formatted(Api.quote(name), Api.quote(PASSWORD), grants));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return name;
    }

    private static void policy(Api api, String environment) {
        var put = api.put("environments/" + environment + "/review-policy", "{\"approvalsRequired\": 1}");
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
    }

    /** Whether the page shows the element: Vaadin sends a hidden component to the browser only once it is shown. */
    private static boolean shown(Browser browser, String id) {
        return browser.driver.findElements(By.id(id)).stream().anyMatch(WebElement::isDisplayed);
    }

    private static List<WebElement> diffRows(Browser browser, String within, String action) {
        return browser.driver.findElements(By.cssSelector(within + " .tc-diff-" + action));
    }

    private static void typeInTextArea(Browser browser, String id, String text) {
        WebElement area = browser.wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-text-area#" + id + " textarea")));
        area.clear();
        area.sendKeys(text);
    }
}
