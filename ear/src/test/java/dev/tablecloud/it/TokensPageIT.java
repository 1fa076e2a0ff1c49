package dev.tablecloud.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API tokens page in headless Chromium, under the content security policy: a viewer makes a
 * token, copies it from the page and a script uses it; the list shows its last use; revoking it
 * from the page refuses the script at once. A password change made elsewhere ends the browser's
 * session.
 */
class TokensPageIT extends DeployedTablecloud {

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
    void aUserMakesATokenForAScriptSeesItUsedAndRevokesIt() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String environment = "tok-" + suffix;
        String user = "dana-" + suffix;
        assertThat(api.post("environments", "{\"name\": %s}".formatted(Api.quote(environment))).status()).isEqualTo(201);
        assertThat(api.post("users", """
                {"name": %s, "password": %s, "roles": [{"environment": %s, "role": "viewer"}]}"""
                .formatted(Api.quote(user), Api.quote(PASSWORD), Api.quote(environment))).status()).isEqualTo(201);

        ui.signIn(user, PASSWORD);
        recordPolicyViolations();
        openTokensFromTheSideNavigation();

        ui.type("new-token-name", "inventory script");
        ui.click("create-token");
        String secret = ui.wait.until(driver -> {
            String text = ui.text("new-token-value");
            return text.isBlank() ? null : text;
        });
        assertThat(secret).startsWith("tct_");
        ui.click("copy-token");
        assertThat(policyViolations()).as("the content security policy lets the page work").isEmpty();
        Api script = api.anonymous().withToken(secret);
        assertThat(script.get("environments").json().asJsonArray())
                .extracting(value -> value.asJsonObject().getString("name")).containsExactly(environment);

        ui.open("");
        ui.element("signed-in-user");
        openTokensFromTheSideNavigation();
        ui.wait.until(driver -> cellTexts().contains("inventory script"));
        ui.type("new-token-name", "nightly export");
        ui.click("create-token");
        ui.wait.until(driver -> cellTexts().contains("nightly export"));
        ui.scrollToTop();
        ui.screenshot("tokens");
        List<String> cells = cellTexts();
        assertThat(cells).contains("inventory script", secret.substring(0, 10) + "…", "active", "not yet");
        assertThat(cells.stream().filter("not yet"::equals).count()).as("the first token's last use is shown").isEqualTo(1);
        assertThat(ui.driver.getPageSource()).doesNotContain(secret.substring(10));

        long id = api.get("tokens?user=" + user).json().asJsonArray().stream()
                .map(value -> value.asJsonObject())
                .filter(token -> token.getString("name").equals("inventory script"))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
        ui.click("revoke-token-" + id);
        ui.click("confirm-revoke-button");
        ui.waitForNotification("Revoked \"inventory script\"");
        assertThat(script.get("environments").status()).isEqualTo(401);
        ui.wait.until(driver -> cellTexts().contains("revoked"));

        // A password changed elsewhere ends this session on its next request.
        assertThat(api.put("users/" + user + "/password", "{\"password\": \"a brand new password\"}").status())
                .isEqualTo(204);
        ui.open("tokens");
        ui.wait.until(ExpectedConditions.titleIs("Sign in · Tablecloud"));
    }

    @Test
    void theSignInFormSaysHowLongToWaitAfterTooManyFailures() {
        String user = "erin-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("users", "{\"name\": %s, \"password\": %s}".formatted(Api.quote(user), Api.quote(PASSWORD)))
                .status()).isEqualTo(201);
        Api guesser = api.as(user, "not the password");
        for (int i = 0; i < 10; i++) {
            guesser.get("users/me");
        }

        ui.open("");
        ui.wait.until(ExpectedConditions.titleIs("Sign in · Tablecloud"));
        ui.wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-login-form #vaadinLoginUsername input"))).sendKeys(user);
        WebElement password = ui.driver.findElement(By.cssSelector("vaadin-login-form #vaadinLoginPassword input"));
        password.sendKeys(PASSWORD);
        password.sendKeys(org.openqa.selenium.Keys.ENTER);
        String error = ui.wait.until(driver -> (String) ((JavascriptExecutor) driver).executeScript(
                "const form = document.querySelector('vaadin-login-form');"
                        + " return form && form.error ? form.i18n.errorMessage.title + ': ' + form.i18n.errorMessage.message : null"));
        assertThat(error).startsWith("Try again later: Too many failed sign-ins").contains("locked until").contains("an admin can unlock");
        ui.screenshot("sign-in-locked");
    }

    /**
     * As a person goes there. (Opened by its address, the page needs the production bundle made
     * anew with this view in it: until then its components are not loaded on a first page.)
     */
    private void openTokensFromTheSideNavigation() {
        ui.wait.until(driver -> driver.findElements(By.cssSelector("#side-nav vaadin-side-nav-item")).stream()
                .filter(item -> item.getText().contains("API tokens")).findFirst().orElse(null)).click();
        ui.wait.until(ExpectedConditions.titleIs("API tokens · Tablecloud"));
    }

    /**
     * The grid's cell texts by their text content: WebDriver reads no text of cells below the fold
     * of the page's scrolling content.
     */
    @SuppressWarnings("unchecked")
    private List<String> cellTexts() {
        return (List<String>) ((JavascriptExecutor) ui.driver).executeScript("return Array.from("
                + "document.querySelectorAll('#tokens vaadin-grid-cell-content')).map(c => c.textContent.trim())");
    }

    private void recordPolicyViolations() {
        ((JavascriptExecutor) ui.driver).executeScript("window.cspViolations = [];"
                + "document.addEventListener('securitypolicyviolation',"
                + " e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI))");
    }

    @SuppressWarnings("unchecked")
    private List<String> policyViolations() {
        return (List<String>) ((JavascriptExecutor) ui.driver).executeScript("return window.cspViolations || []");
    }
}
