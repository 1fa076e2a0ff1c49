package dev.tablecloud.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A viewer of one environment, in headless Chromium, finds no enabled button that would change
 * anything — on the environment page, the transaction page, the console and the tables page — and each
 * disabled one says why, in the server's words, as text on the page and as the button's tooltip.
 */
class ViewerIT extends DeployedTablecloud {

    private static final String PASSWORD = "a long passphrase";
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
    void aViewerFindsEveryWriteButtonDisabledWithTheReason() {
        String environment = "vw-" + UUID.randomUUID().toString().substring(0, 8);
        String viewer = "viewer-" + UUID.randomUUID().toString().substring(0, 6);
        Api api = new Api(deployment);
        api.environment(environment, TablecloudEar.motoUrl(), "us-east-1", "aws_vpc");
        assertThat(api.post("users", """
                {"name": %s, "password": %s, "roles": [{"environment": %s, "role": "viewer"}]}"""
                .formatted(Api.quote(viewer), Api.quote(PASSWORD), Api.quote(environment))).status()).isEqualTo(201);
        api.begin(environment);
        String refusal = viewer + " may not install modules or sync in this environment: that needs the author role"
                + " in environment '" + environment + "'.";
        try {
            ui.signIn(viewer, PASSWORD);
            ui.open("environments/" + environment);
            ui.wait.until(ExpectedConditions.textToBe(By.id("environment-name"), environment));
            ui.element("uninstall-aws_vpc");

            // Testing the connection reads the account (STS GetCallerIdentity): a viewer may, and does.
            assertThat(enabledButtons()).containsOnlyKeys("test-connection");
            for (String button : List.of("uninstall-aws_vpc", "uninstall-aws_account", "install-aws_s3",
                    "install-aws_ec2", "sync-now")) {
                assertThat(tooltip(button)).as(button).contains(refusal);
            }
            assertThat(ui.text("modules")).contains(refusal);
            assertThat(ui.text("sync-report")).contains(refusal);
            ui.click("test-connection");
            ui.wait.until(driver -> ui.text("connection-answer").contains("Reaches account"));
            ui.scrollToTop();
            ui.screenshot("viewer-environment");

            ui.open("environments/" + environment + "/transaction");
            ui.wait.until(driver -> ui.text("transaction-summary").contains("opened by admin"));
            assertThat(enabledButtons()).isEmpty();
            String transactionRefusal = viewer + " may not";
            for (String button : List.of("begin", "preview", "commit", "rollback")) {
                assertThat(ui.element(button).getAttribute("disabled")).as(button).isNotNull();
                assertThat(tooltip(button)).as(button).contains(transactionRefusal, "needs the author role");
            }
            assertThat(ui.text("action-reason")).contains(transactionRefusal, "needs the author role");

            ui.open("environments/" + environment + "/console");
            ui.wait.until(driver -> ui.text("console-reason").contains(viewer + " may not run SQL"));
            assertThat(enabledButtons()).isEmpty();

            ui.open("environments/" + environment + "/tables/vpc");
            ui.wait.until(driver -> ui.cells("rows").stream().anyMatch(cell -> cell.startsWith("vpc-")));
            assertThat(enabledButtons()).isEmpty();
            ui.screenshot("viewer-tables");
        } finally {
            api.post("environments/" + environment + "/transactions/current/rollback");
        }
    }

    @Test
    void anAdminSeesTheBaseModulesUninstallDisabledWithTheEnginesReason() {
        String environment = "vwb-" + UUID.randomUUID().toString().substring(0, 8);
        Api api = new Api(deployment);
        api.environment(environment, TablecloudEar.motoUrl(), "us-east-1", "aws_s3");

        ui.signIn(Api.ADMIN, Api.adminPassword());
        ui.open("environments/" + environment);
        ui.wait.until(ExpectedConditions.textToBe(By.id("environment-name"), environment));

        assertThat(ui.element("uninstall-aws_account").getAttribute("disabled")).isNotNull();
        assertThat(ui.text("why-not-uninstall-aws_account")).isEqualTo("Module aws_account cannot be uninstalled:"
                + " aws_s3 depends on it, and it is the base of every environment: its regions are where the engine"
                + " reads and writes the account, and every other module needs it.");
        assertThat(tooltip("uninstall-aws_account")).isEqualTo(ui.text("why-not-uninstall-aws_account"));
        assertThat(ui.element("uninstall-aws_s3").getAttribute("disabled")).isNull();
        ui.screenshot("environment-modules");

        // The REST door says the same: nothing the page shows differs from what the engine decides.
        var refused = api.delete("environments/" + environment + "/modules/aws_account");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.object().getString("detail")).isEqualTo(ui.text("why-not-uninstall-aws_account"));
    }

    /** The enabled buttons of the page itself (not the navigation bar or drawer), by id or text. */
    @SuppressWarnings("unchecked")
    private Map<String, String> enabledButtons() {
        List<Map<String, String>> buttons = (List<Map<String, String>>) ((JavascriptExecutor) ui.driver).executeScript(
                "return Array.from(document.querySelectorAll('vaadin-app-layout > :not([slot]) vaadin-button'))"
                        // A hidden button (an admin's override, a schedule's cancel) is none the viewer sees;
                        // Vaadin sends a hidden component's id and state only once it is shown.
                        + ".filter(b => !b.hasAttribute('disabled') && !b.hidden && b.offsetParent !== null)"
                        + ".map(b => ({id: b.id || b.innerText, text: b.innerText}))");
        return buttons.stream().collect(java.util.stream.Collectors.toMap(b -> b.get("id"), b -> b.get("text"),
                (a, b) -> a));
    }

    /** The text of the tooltip a button carries (Vaadin's vaadin-tooltip child). */
    private String tooltip(String buttonId) {
        WebElement button = ui.element(buttonId);
        Object text = ((JavascriptExecutor) ui.driver).executeScript(
                "const t = arguments[0].querySelector('vaadin-tooltip'); return t ? t.text : null", button);
        return text == null ? "" : text.toString();
    }
}
