package dev.tablecloud.it;

import jakarta.json.JsonArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log and export pages in headless Chromium: the filters narrow the log to one person's
 * entries and an entry opens to its columns old → new; a committed transaction exported for a
 * target lists the target's mapping that fired and downloads the same SQL as the REST export; a
 * viewer sees the value mappings but may not change them, and is told why.
 */
class AuditExportPageIT extends DeployedTablecloud {

    private static final String PASSWORD = "a long passphrase";
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

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void user(Api admin, String name, String environment, String role) {
        assertThat(admin.post("users", """
                {"name": %s, "password": %s, "roles": [{"environment": %s, "role": %s}]}"""
                .formatted(Api.quote(name), Api.quote(PASSWORD), Api.quote(environment), Api.quote(role))).status())
                .isEqualTo(201);
    }

    @Test
    void theFiltersNarrowTheLogToOnePersonsEntriesAndAnEntryShowsItsColumnsOldToNew() {
        Api admin = new Api(deployment);
        String environment = admin.environment(unique("aud"), TablecloudEar.motoUrl(), "us-east-1", "aws_vpc");
        String author = unique("author");
        user(admin, author, environment, "author");
        Api asAuthor = admin.as(author, PASSWORD);
        admin.begin(environment);
        SqlAnswers.ok(admin.sql(environment, "insert into vpc (cidr_block, tags) values ('10.61.0.0/16', '{\"Name\": \"by-admin\"}')"));
        SqlAnswers.ok(asAuthor.sql(environment, "insert into vpc (cidr_block, tags) values ('10.62.0.0/16', '{\"Name\": \"by-author\"}')"));
        SqlAnswers.ok(asAuthor.sql(environment, "update vpc set tags = '{\"Name\": \"by-author\", \"team\": \"web\"}'"
                + " where cidr_block = '10.62.0.0/16'"));

        browser.signIn(Api.ADMIN, Api.adminPassword());
        browser.open("environments/" + environment);
        browser.click("nav-audit");
        browser.wait.until(ExpectedConditions.titleIs("Audit log · " + environment + " · Tablecloud"));
        browser.wait.until(driver -> browser.cells("audit").contains(Api.ADMIN));
        assertThat(browser.cells("audit")).contains(author);

        WebElement actor = browser.wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-combo-box#filter-actor input")));
        actor.sendKeys(author);
        actor.sendKeys(Keys.ENTER);

        browser.wait.until(driver -> browser.text("audit-count").equals("2 entries"));
        browser.wait.until(driver -> !browser.cells("audit").contains(Api.ADMIN));
        List<String> cells = browser.cells("audit");
        assertThat(cells).contains(author, "INSERT", "UPDATE", "vpc").doesNotContain(Api.ADMIN, "BEGIN", "engine");

        WebElement update = browser.driver.findElements(By.cssSelector("#audit vaadin-grid-cell-content")).stream()
                .filter(cell -> cell.getText().equals("UPDATE")).findFirst().orElseThrow();
        update.click();
        WebElement changes = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#audit .tc-audit-changes")));
        assertThat(changes.getText()).contains("tags: {\"Name\":\"by-author\"} → {\"Name\":\"by-author\",\"team\":\"web\"}");
        browser.screenshot("audit-log");
        admin.sql(environment, "select iasql_rollback()");
    }

    @Test
    void aCommittedTransactionExportedForATargetListsItsMappingAndDownloadsTheRestExport() {
        Api admin = new Api(deployment);
        String staging = admin.environment(unique("exps"), TablecloudEar.motoUrl(), "us-east-1", "aws_vpc");
        String prod = admin.environment(unique("expp"), TablecloudEar.motoUrl(), "us-east-1", "aws_vpc");
        String name = unique("web-staging");
        assertThat(admin.post("environments/" + prod + "/mappings",
                "{\"kind\": \"name\", \"from\": \"staging\", \"to\": \"prod\"}").status()).isEqualTo(201);
        long transaction = admin.begin(staging);
        SqlAnswers.ok(admin.sql(staging, "insert into vpc (cidr_block, tags) values ('10.63.0.0/16', '{\"Name\": \""
                + name + "\"}')"));
        var commit = admin.post("environments/" + staging + "/transactions/current/commit", "");
        assertThat(commit.status()).as(commit.toString()).isEqualTo(200);

        browser.signIn(Api.ADMIN, Api.adminPassword());
        browser.open("environments/" + staging);
        browser.click("nav-export");
        browser.wait.until(ExpectedConditions.titleIs("Export SQL · " + staging + " · Tablecloud"));
        browser.wait.until(driver -> browser.text("export-sql").contains("INSERT INTO vpc"));
        assertThat(browser.text("export-transaction")).contains("#" + transaction);
        assertThat(browser.text("export-sql")).contains(name).doesNotContain("prod");

        browser.open("environments/" + staging + "/export?transaction=" + transaction + "&target=" + prod);
        browser.wait.until(driver -> browser.text("export-sql").contains(name.replace("staging", "prod")));
        assertThat(browser.text("fired-mappings")).contains("name: 'staging' → 'prod'", name.replace("staging", "prod"));
        assertThat(browser.text("export-problems")).contains("Every change was exported.");
        assertThat(browser.text("download-sql")).contains("Download " + staging + "-tx" + transaction + ".sql");

        var rest = admin.get("environments/" + staging + "/transactions/" + transaction + "/sql?target=" + prod,
                "text/plain");
        assertThat(rest.status()).isEqualTo(200);
        String href = browser.element("download-sql").getDomProperty("href");
        @SuppressWarnings("unchecked")
        List<String> downloaded = (List<String>) ((JavascriptExecutor) browser.driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text().then(t => done([r.headers.get('content-disposition'), t])))",
                href);
        assertThat(downloaded.get(0)).contains(staging + "-tx" + transaction + ".sql").contains("attachment");
        assertThat(downloaded.get(1)).isEqualTo(rest.body());
        browser.scrollToTop();
        browser.screenshot("export");

        // The target's admin adds a mapping on its own export page.
        browser.open("environments/" + prod + "/export");
        browser.wait.until(driver -> browser.cells("mappings").contains("staging"));
        browser.click("mapping-add");
        browser.type("mapping-table", "instance");
        browser.type("mapping-column", "instance_type");
        browser.type("mapping-from", "t3.micro");
        browser.type("mapping-to", "m5.large");
        browser.click("mapping-save");
        browser.wait.until(driver -> browser.cells("mappings").contains("m5.large"));
        JsonArray kept = admin.get("environments/" + prod + "/mappings").json().asJsonArray();
        assertThat(kept).hasSize(2);
        assertThat(kept.getJsonObject(1).getString("to")).isEqualTo("m5.large");
        // Edited in place over REST too: same id, same place in the order.
        long id = kept.getJsonObject(1).getJsonNumber("id").longValue();
        var edited = admin.put("environments/" + prod + "/mappings/" + id, """
                {"kind": "value", "table": "instance", "column": "instance_type", "from": "t3.micro", "to": "m5.xlarge"}""");
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        JsonArray after = admin.get("environments/" + prod + "/mappings").json().asJsonArray();
        assertThat(after.getJsonObject(1).getJsonNumber("id").longValue()).isEqualTo(id);
        assertThat(after.getJsonObject(1).getString("to")).isEqualTo("m5.xlarge");
    }

    @Test
    void aViewerSeesTheValueMappingsButMayNotChangeThemAndIsToldWhy() {
        Api admin = new Api(deployment);
        String prod = admin.environment(unique("expv"), TablecloudEar.motoUrl(), "us-east-1", "aws_vpc");
        assertThat(admin.post("environments/" + prod + "/mappings",
                "{\"kind\": \"region\", \"from\": \"us-east-1\", \"to\": \"eu-west-1\"}").status()).isEqualTo(201);
        String viewer = unique("viewer");
        user(admin, viewer, prod, "viewer");

        browser.signIn(viewer, PASSWORD);
        browser.open("environments/" + prod + "/export");
        browser.wait.until(driver -> browser.cells("mappings").contains("eu-west-1"));

        assertThat(browser.element("mapping-add").getAttribute("disabled")).isNotNull();
        assertThat(browser.driver.findElements(By.cssSelector("#mappings vaadin-button")))
                .isNotEmpty().allSatisfy(button -> assertThat(button.getAttribute("disabled")).isNotNull());
        assertThat(browser.text("mappings-reason")).contains(viewer + " may not change the value mappings of environment '"
                + prod + "'", "admin role");
        assertThat(browser.text("export-nothing")).contains("no committed transaction yet");
        browser.screenshot("export-viewer");
    }
}
