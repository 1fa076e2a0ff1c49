package dev.tablecloud.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workspace in headless Chromium on the real server with moto: an environment made in the
 * browser, a module installed from its overview, a transaction begun, rows inserted (through the
 * REST SQL endpoint, as another door would), the live diff, the commit, the tables grid.
 */
class WorkspaceIT extends DeployedTablecloud {

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(deployment);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void fromANewEnvironmentToACommittedVpcInTheBrowser() {
        String name = "ws-" + UUID.randomUUID().toString().substring(0, 8);
        Api api = new Api(deployment);
        browser.signIn(Api.ADMIN, Api.adminPassword());
        assertThat(browser.text("signed-in-user")).isEqualTo(Api.ADMIN);
        assertThat(browser.element("side-nav").getText()).contains("Environments", "Reviews", "Users");

        browser.type("name", name);
        browser.type("description", "Made by the workspace browser test");
        browser.type("awsEndpoint", TablecloudEar.motoUrl());
        browser.click("create");
        browser.wait.until(driver -> browser.cells("environments").contains(name));
        browser.screenshot("environments");

        WebElement link = browser.driver.findElement(By.linkText(name));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center'})", link);
        link.click();
        browser.wait.until(ExpectedConditions.textToBe(By.id("environment-name"), name));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/environments/" + name);
        assertThat(browser.text("regions")).contains("Default", "us-east-1");
        assertThat(browser.text("open-transaction")).contains("No transaction is open");
        browser.click("test-connection");
        browser.wait.until(driver -> browser.text("connection-answer").contains("Reaches account"));

        browser.click("install-aws_ec2");
        browser.waitForNotification("Installed");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("uninstall-aws_ec2")));
        assertThat(browser.notifications()).anyMatch(text -> text.contains("aws_vpc") && text.contains("aws_ec2"));
        assertThat(browser.text("tables")).contains("vpc", "subnet", "instance");
        browser.scrollToTop();
        browser.screenshot("environment-overview");

        // An uninstall the engine would refuse is disabled, with the engine's reason beside it.
        assertThat(browser.element("uninstall-aws_vpc").getAttribute("disabled")).isNotNull();
        assertThat(browser.text("why-not-uninstall-aws_vpc"))
                .isEqualTo("Module aws_vpc cannot be uninstalled: aws_security_group, aws_ec2 depend on it. Uninstall them first.");
        assertThat(browser.element("uninstall-aws_ec2").getAttribute("disabled")).isNull();

        browser.open("environments/" + name + "/transaction");
        browser.wait.until(driver -> browser.text("transaction-summary").contains("No transaction is open"));
        assertThat(browser.element("commit").getAttribute("disabled")).isNotNull();
        assertThat(browser.text("action-reason")).contains("No transaction is open in environment '" + name + "'");
        browser.click("begin");
        browser.wait.until(driver -> browser.text("transaction-summary").contains("opened by admin"));
        assertThat(browser.element("commit").getAttribute("disabled")).isNull();
        assertThat(browser.text("diff")).contains("No cloud changes");

        // Another door changes the rows; the open page hears of it by server push, without a click.
        // moto is one account for every test of the run: the VPC's name is this test's own.
        String vpc = name + "-vpc";
        SqlAnswers.ok(api.sql(name, """
                insert into vpc (cidr_block, tags) values ('10.93.0.0/16', '{"Name": "%1$s"}');
                insert into subnet (vpc_id, cidr_block, availability_zone)
                    select id, '10.93.1.0/24', 'us-east-1a' from vpc where tags->>'Name' = '%1$s';
                """.formatted(vpc)));
        browser.wait.until(driver -> creates().size() == 2);
        List<String> creates = creates().stream().map(WebElement::getText).toList();
        assertThat(creates.get(0)).startsWith("+").contains("create", "vpc", vpc, "10.93.0.0/16");
        assertThat(creates.get(1)).contains("create", "subnet", "10.93.1.0/24");
        assertThat(browser.text("diff-summary")).contains("+ 2 create");
        assertThat(browser.text("changes")).contains("admin · 2 changes", "insert vpc '" + vpc + "'");
        browser.screenshot("transaction-diff");

        browser.click("commit");
        browser.waitForNotification("committed");
        browser.wait.until(driver -> browser.text("transaction-summary").contains("No transaction is open"));
        assertThat(browser.text("commit-progress")).contains("committed", "create vpc " + vpc + " — created vpc-");
        browser.screenshot("transaction-committed");

        browser.open("environments/" + name + "/tables/vpc");
        browser.wait.until(driver -> browser.cells("rows").contains("10.93.0.0/16"));
        assertThat(browser.cells("rows")).anyMatch(cell -> cell.startsWith("vpc-"));
        browser.type("filter", vpc);
        browser.wait.until(driver -> browser.text("row-count").equals("1 row"));
        browser.driver.findElements(By.cssSelector("#rows vaadin-grid-cell-content")).stream()
                .filter(cell -> cell.getText().equals("10.93.0.0/16")).findFirst().orElseThrow().click();
        browser.wait.until(driver -> browser.text("row-json").contains("\"cidr_block\": \"10.93.0.0/16\""));
        assertThat(browser.text("row-json")).contains(vpc);
        browser.screenshot("tables");
    }

    @Test
    void theDiffShowsUpdatesReplacesAndDeletesEachInItsColourWithOldAndNew() {
        String name = "wsd-" + UUID.randomUUID().toString().substring(0, 8);
        String vpc = name + "-vpc";
        Api api = new Api(deployment);
        api.environment(name, TablecloudEar.motoUrl(), "us-east-1", "aws_vpc");
        api.begin(name);
        SqlAnswers.ok(api.sql(name, """
                insert into vpc (cidr_block, tags) values ('10.94.0.0/16', '{"Name": "%1$s"}');
                insert into subnet (vpc_id, cidr_block, availability_zone)
                    select id, '10.94.1.0/24', 'us-east-1a' from vpc where tags->>'Name' = '%1$s';
                insert into subnet (vpc_id, cidr_block, availability_zone)
                    select id, '10.94.2.0/24', 'us-east-1b' from vpc where tags->>'Name' = '%1$s';
                """.formatted(vpc)));
        assertThat(api.post("environments/" + name + "/transactions/current/commit").status()).isEqualTo(200);
        api.begin(name);
        SqlAnswers.ok(api.sql(name, """
                update vpc set tags = '{"Name": "%1$s", "team": "web"}' where tags->>'Name' = '%1$s';
                update subnet set cidr_block = '10.94.3.0/24' where cidr_block = '10.94.1.0/24'
                    and vpc_id = (select id from vpc where tags->>'Name' = '%1$s');
                delete from subnet where cidr_block = '10.94.2.0/24'
                    and vpc_id = (select id from vpc where tags->>'Name' = '%1$s');
                """.formatted(vpc)));

        browser.signIn(Api.ADMIN, Api.adminPassword());
        browser.open("environments/" + name + "/transaction");
        browser.wait.until(driver -> !diffRows("replace").isEmpty());
        assertThat(diffRows("update")).singleElement().satisfies(update -> assertThat(update.getText())
                .startsWith("~").contains(vpc, "tags: {\"Name\": \"" + vpc + "\"} → {\"Name\": \"" + vpc + "\", \"team\": \"web\"}"));
        assertThat(diffRows("replace")).singleElement().satisfies(replace -> assertThat(replace.getText())
                .startsWith("±").contains("cidr_block: 10.94.1.0/24 → 10.94.3.0/24", "forces replace"));
        assertThat(diffRows("delete")).singleElement().satisfies(delete -> assertThat(delete.getText())
                .startsWith("−").contains("subnet", "10.94.2.0/24"));
        browser.screenshot("transaction-diff-kinds");
        api.post("environments/" + name + "/transactions/current/rollback");
    }

    private List<WebElement> diffRows(String action) {
        return browser.driver.findElements(By.cssSelector("#diff .tc-diff-" + action));
    }

    @Test
    void aDeepLinkToAnEnvironmentThatDoesNotExistShowsTheServersWords() {
        browser.signIn(Api.ADMIN, Api.adminPassword());
        browser.open("environments/no-such-environment/transaction");

        browser.wait.until(driver -> browser.text("refused").contains("no-such-environment"));
        assertThat(browser.driver.getPageSource()).doesNotContain("Exception");
        browser.screenshot("refused-deep-link");
    }

    @Test
    void aViewerSeesNoEnabledWriteButtonAndTheServersReasonWhy() {
        String name = "wsv-" + UUID.randomUUID().toString().substring(0, 8);
        String viewer = "viewer-" + UUID.randomUUID().toString().substring(0, 6);
        Api api = new Api(deployment);
        api.environment(name, TablecloudEar.motoUrl(), "us-east-1", "aws_vpc");
        assertThat(api.post("users", """
                {"name": %s, "password": "a long passphrase", "roles": [{"environment": %s, "role": "viewer"}]}"""
                .formatted(Api.quote(viewer), Api.quote(name))).status()).isEqualTo(201);
        api.begin(name);

        browser.signIn(viewer, "a long passphrase");
        assertThat(browser.element("side-nav").getText()).contains("Environments").doesNotContain("Users");
        browser.open("environments/" + name);
        browser.wait.until(ExpectedConditions.textToBe(By.id("environment-name"), name));
        assertThat(browser.element("uninstall-aws_vpc").getAttribute("disabled")).isNotNull();
        assertThat(browser.element("sync-now").getAttribute("disabled")).isNotNull();
        assertThat(browser.text("modules")).contains(viewer + " may not install modules or sync in this environment: "
                + "that needs the author role in environment '" + name + "'.");
        assertThat(browser.text("open-transaction")).contains("Opened by", "admin");
        browser.screenshot("environment-overview-viewer");

        browser.click("transaction-link");
        browser.wait.until(driver -> browser.text("transaction-summary").contains("opened by admin"));
        for (String button : List.of("begin", "preview", "commit", "rollback")) {
            assertThat(browser.element(button).getAttribute("disabled")).as(button).isNotNull();
        }
        assertThat(browser.text("action-reason")).contains(viewer + " may not", "needs the author role");
        browser.screenshot("transaction-viewer");
        api.post("environments/" + name + "/transactions/current/rollback");
    }

    private List<WebElement> creates() {
        return browser.driver.findElements(By.cssSelector("#diff .tc-diff-create"));
    }
}
