package dev.tablecloud.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL console in headless Chromium: a script typed into the CodeMirror editor and run with
 * Ctrl+Enter gives a grid per statement; a failing statement's error is marked in the editor at
 * PostgreSQL's position; a viewer gets the editor read-only with the server's reason.
 */
class ConsoleIT extends DeployedTablecloud {

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
    void aTypedScriptRunsWithCtrlEnterAndAFailingStatementIsMarkedWhereItFails() {
        String name = "con-" + UUID.randomUUID().toString().substring(0, 8);
        new Api(deployment).environment(name, TablecloudEar.motoUrl(), "us-east-1", "aws_vpc");
        browser.signIn(Api.ADMIN, Api.adminPassword());
        browser.open("environments/" + name);
        browser.click("nav-console");
        browser.wait.until(ExpectedConditions.titleIs("SQL console · " + name + " · Tablecloud"));

        typeLines("select 41 + 1 as answer, 'console' as origin;",
                "select count(*) as vpcs from vpc;");
        editorContent().sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));

        browser.wait.until(driver -> browser.cells("statement-1").contains("42"));
        assertThat(browser.cells("statement-1")).contains("answer", "origin", "42", "console");
        assertThat(browser.text("statement-1")).contains("select 41 + 1 as answer", "1 row");
        assertThat(browser.cells("statement-2")).contains("vpcs");
        assertThat(browser.driver.findElements(By.id("sql-error"))).isEmpty();
        browser.screenshot("console-results");

        editorContent().sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        typeLines("select 1 as fine;", "select nosuchcolumn from vpc;");
        editorContent().sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));

        browser.wait.until(driver -> !driver.findElements(By.id("sql-error")).isEmpty());
        assertThat(browser.text("sql-error")).contains("ERROR 42703 at line 2, column 8",
                "column \"nosuchcolumn\" does not exist");
        browser.wait.until(driver -> markedInEditor().contains("nosuchcolumn"));
        assertThat(browser.cells("statement-1")).contains("fine", "1");
        browser.screenshot("console-error");

        // The scripts run are the user's recent ones, kept by the browser across a reload.
        browser.open("environments/" + name + "/console");
        browser.wait.until(driver -> browser.element("recent").getAttribute("disabled") == null);
        browser.click("recent");
        browser.wait.until(driver -> !driver.findElements(By.cssSelector("vaadin-select-item")).isEmpty());
        // The select's own value slot shows its placeholder as an item too: only the listed scripts count.
        List<String> recent = browser.driver.findElements(By.cssSelector("vaadin-select-item")).stream()
                .map(WebElement::getText).filter(text -> !text.equals("Recent scripts")).toList();
        assertThat(recent).hasSize(2);
        assertThat(recent.get(0)).startsWith("select 1 as fine;").contains("+1 lines");
        assertThat(recent.get(1)).startsWith("select 41 + 1 as answer");
    }

    @Test
    void aViewerSeesTheEditorReadOnlyWithTheServersReason() {
        String name = "conv-" + UUID.randomUUID().toString().substring(0, 8);
        String viewer = "viewer-" + UUID.randomUUID().toString().substring(0, 6);
        Api api = new Api(deployment);
        api.environment(name, TablecloudEar.motoUrl(), "us-east-1", "aws_vpc");
        assertThat(api.post("users", """
                {"name": %s, "password": "a long passphrase", "roles": [{"environment": %s, "role": "viewer"}]}"""
                .formatted(Api.quote(viewer), Api.quote(name))).status()).isEqualTo(201);

        browser.signIn(viewer, "a long passphrase");
        browser.open("environments/" + name + "/console");
        browser.wait.until(driver -> browser.text("console-reason").contains(viewer + " may not run SQL"));
        assertThat(browser.text("console-reason")).contains("needs the author role");
        assertThat(browser.element("run").getAttribute("disabled")).isNotNull();
        assertThat(editorContent().getAttribute("contenteditable")).isEqualTo("false");
        browser.screenshot("console-viewer");
    }

    private SearchContext editorRoot() {
        return browser.element("sql-editor").getShadowRoot();
    }

    private WebElement editorContent() {
        return browser.wait.until(driver -> editorRoot().findElement(By.cssSelector(".cm-content")));
    }

    /** Types as a person would; Escape closes the completion list so Enter makes a new line. */
    private void typeLines(String... lines) {
        WebElement content = editorContent();
        content.click();
        for (int i = 0; i < lines.length; i++) {
            content.sendKeys(lines[i], Keys.ESCAPE);
            if (i < lines.length - 1) {
                content.sendKeys(Keys.ENTER);
            }
        }
    }

    private String markedInEditor() {
        return (String) ((JavascriptExecutor) browser.driver).executeScript(
                "return Array.from(arguments[0].shadowRoot.querySelectorAll('.cm-lintRange-error'))"
                        + ".map(e => e.textContent).join(' ')", browser.element("sql-editor"));
    }
}
