package dev.tablecloud.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.UUID;

import static dev.tablecloud.it.SqlAnswers.column;
import static dev.tablecloud.it.SqlAnswers.ok;
import static dev.tablecloud.it.SqlAnswers.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promotions page in headless Chromium: an admin sets up a promotion from staging into prod,
 * runs it, sees the run with what it carried and its review, reads the script it ran and follows
 * the link to the review; a reviewer of prod finds it waiting in their inbox and approves it; the
 * approval schedules the commit, and the run shows it committed.
 */
class PromotionsPageIT extends DeployedTablecloud {

    private static final String PASSWORD = "correct horse battery";
    private Browser ui;
    private Api api;

    @BeforeEach
    void openBrowser() {
        ui = new Browser(deployment);
        api = new Api(deployment);
    }

    @AfterEach
    void closeBrowser() {
        if (ui != null) {
            ui.close();
        }
    }

    @Test
    void anAdminSetsUpAPromotionRunsItAndFollowsItsRunToTheReview() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String staging = api.environment("ups-" + suffix, TablecloudEar.motoUrl(), "us-east-2", "aws_vpc");
        String prod = api.environment("upp-" + suffix, TablecloudEar.motoUrl(), "eu-west-2", "aws_vpc");
        var mapped = api.put("environments/" + prod + "/mappings", """
                [{"kind": "region", "from": "us-east-2", "to": "eu-west-2"},
                 {"kind": "name", "from": "-staging", "to": "-prod"}]""");
        assertThat(mapped.status()).as(mapped.toString()).isEqualTo(200);
        // Prod needs an approval: the promoted transaction waits there for a reviewer.
        assertThat(api.put("environments/" + prod + "/review-policy", "{\"approvalsRequired\": 1}").status()).isEqualTo(200);
        long transaction = api.begin(staging);
        ok(api.sql(staging, "insert into vpc (cidr_block, tags) values ('10.51.0.0/16', '{\"Name\": \"shop-staging\"}')"));
        assertThat(column(rows(api.sql(staging, "select status from iasql_commit()"), 0), 0)).containsOnly("DONE");

        ui.signIn(Api.ADMIN, Api.adminPassword());
        ui.driver.findElements(By.cssSelector("#side-nav vaadin-side-nav-item")).stream()
                .filter(item -> item.getText().contains("Promotions")).findFirst().orElseThrow().click();
        ui.element("promotions-title");
        ui.click("promotion-set-up");
        ui.choose("promotion-source", staging);
        ui.choose("promotion-target", prod);
        ui.click("promotion-create");
        ui.waitForNotification("set up: by hand only");
        ui.wait.until(driver -> ui.cells("promotions").contains(staging + " → " + prod));
        assertThat(ui.cells("promotions")).contains("next window", "by hand only", "nothing yet",
                "never ran");

        ui.click("promotion-run-now");
        ui.waitForNotification("Review ");
        ui.closeNotifications();
        ui.wait.until(driver -> ui.cells("promotion-run-history").contains("promoted"));
        assertThat(ui.cells("promotion-run-history")).contains("transaction " + transaction + " by admin",
                "transaction " + (Long.parseLong(currentTransaction(prod))) + " open");
        assertThat(ui.text("promotion-script-details")).contains("Script of run");
        ui.click("promotion-script-details");
        assertThat(ui.text("promotion-script")).contains("INSERT INTO vpc").contains("shop-prod").contains("eu-west-2");
        ui.scrollToTop();
        ui.screenshot("promotions");

        WebElement reviewLink = ui.driver.findElement(By.cssSelector("#promotion-run-history a.tc-promotion-review"));
        ((JavascriptExecutor) ui.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", reviewLink);
        reviewLink.click();
        String title = "Promote " + staging + " transaction " + transaction + " to " + prod;
        ui.wait.until(driver -> driver.getTitle().contains(title));

        // A reviewer of prod finds it waiting for them, approves, and the approval schedules the commit.
        String reviewer = "rita-" + suffix;
        assertThat(api.post("users", "{\"name\": %s, \"password\": %s, \"roles\": [{\"environment\": %s, \"role\": \"reviewer\"}]}"
                .formatted(Api.quote(reviewer), Api.quote(PASSWORD), Api.quote(prod))).status()).isEqualTo(201);
        try (Browser rita = new Browser(deployment)) {
            rita.signIn(reviewer, PASSWORD);
            rita.open("reviews");
            rita.wait.until(driver -> rita.text("waiting").contains(title));
            rita.driver.findElement(By.partialLinkText(title)).click();
            rita.wait.until(ExpectedConditions.textToBe(By.id("review-title"), title));
            rita.click("approve");
            rita.wait.until(driver -> rita.text("approvals").equals("1 of 1 approvals on revision 1"));
            rita.scrollToTop();
            rita.screenshot("promotion-review");
        }

        long promotion = api.get("promotions").json().asJsonArray().stream().map(value -> value.asJsonObject())
                .filter(shown -> shown.getString("source").equals(staging)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        ui.open("promotions/" + promotion);
        ui.wait.until(driver -> {
            driver.navigate().refresh();
            // Below the promotions: WebDriver reads no text of cells scrolled out of view.
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                    ui.element("promotion-run-history"));
            return ui.cells("promotion-run-history").contains("committed");
        });
        ui.scrollToTop();
        ui.screenshot("promotions-committed");
    }

    private String currentTransaction(String environment) {
        return String.valueOf(api.get("environments/" + environment + "/transactions/current").object()
                .getJsonNumber("id").longValue());
    }
}
