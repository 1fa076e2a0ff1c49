package dev.tablecloud.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API page in headless Chromium, as a newcomer finds it: "API" in the side navigation opens
 * Swagger UI over the server's OpenAPI document, under the page's content security policy, with
 * the operations listed and the sign-in schemes behind "Authorize".
 */
class ApiPageIT extends DeployedTablecloud {

    private Browser ui;

    @BeforeEach
    void openBrowser() {
        ui = new Browser(deployment);
    }

    @AfterEach
    void closeBrowser() {
        if (ui != null) {
            ui.close();
        }
    }

    @Test
    void theSideNavigationLeadsToTheInteractiveApiPage() {
        ui.signIn(Api.ADMIN, Api.adminPassword());
        WebElement link = ui.element("nav-api-docs");
        assertThat(link.getText()).isEqualTo("API");
        ui.screenshot("api-docs-link");

        link.click();
        ui.wait.until(ExpectedConditions.titleIs("API · Tablecloud"));
        ui.wait.until(driver -> driver.findElements(By.cssSelector(".opblock")).size() > 40);
        assertThat(ui.driver.findElement(By.cssSelector(".information-container .title")).getText())
                .startsWith("Tablecloud API");
        assertThat(ui.driver.findElements(By.cssSelector(".opblock-summary-path")).stream().map(WebElement::getText))
                .contains("/api/v1/environments", "/api/v1/environments/{name}/transactions/current/commit");
        ui.screenshot("api-docs");

        ui.driver.findElement(By.cssSelector("button.authorize")).click();
        ui.wait.until(driver -> driver.findElements(By.cssSelector(".auth-container")).size() == 2);
        assertThat(ui.driver.findElements(By.cssSelector(".auth-container h4")).stream().map(WebElement::getText))
                .anySatisfy(title -> assertThat(title).contains("basic"))
                .anySatisfy(title -> assertThat(title).contains("bearer"));
        ui.screenshot("api-docs-authorize");
    }

    @Test
    void theShortAddressLeadsThereToo() {
        ui.open("api-docs");
        ui.wait.until(ExpectedConditions.titleIs("API · Tablecloud"));
        assertThat(ui.driver.getCurrentUrl()).endsWith("/api-docs/index.html");
    }
}
