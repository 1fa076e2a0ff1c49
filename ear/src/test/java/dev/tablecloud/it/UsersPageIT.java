package dev.tablecloud.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The users and roles page in headless Chromium: an admin creates a user with a password the
 * server makes up, grants and revokes roles, sees the server's refusals, removes the user; anyone
 * else gets the refused page.
 */
class UsersPageIT extends DeployedTablecloud {

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
    void anAdminCreatesAUserGrantsAndRevokesRolesAndRemovesThem() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String environment = "usr-" + suffix;
        String doomed = "usr-gone-" + suffix;
        String user = "carol-" + suffix;
        assertThat(api.post("environments", "{\"name\": %s}".formatted(Api.quote(environment))).status()).isEqualTo(201);
        assertThat(api.post("environments", "{\"name\": %s}".formatted(Api.quote(doomed))).status()).isEqualTo(201);

        ui.signIn(Api.ADMIN, Api.adminPassword());
        ui.driver.findElements(By.cssSelector("#side-nav vaadin-side-nav-item")).stream()
                .filter(item -> item.getText().contains("Users")).findFirst().orElseThrow().click();
        ui.wait.until(ExpectedConditions.titleIs("Users · Tablecloud"));

        // A password typed too short is refused on its field, in the server's words.
        typeIn("vaadin-text-field#new-user-name", user);
        typeIn("vaadin-password-field#new-user-password", "short");
        ui.click("create-user");
        WebElement password = ui.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("vaadin-password-field#new-user-password[invalid]")));
        assertThat(password.findElement(By.cssSelector("[slot='error-message']")).getText())
                .isEqualTo("A password has at least 10 characters.");

        // Left empty, the server makes one up and shows it once; it signs in.
        // Keys, as a person deletes: WebDriver's clear() fires no change event, so the server would keep "short".
        WebElement input = password.findElement(By.tagName("input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, Keys.TAB);
        ui.click("create-user");
        ui.waitForNotification("User " + user + " created");
        String generated = ui.wait.until(driver -> {
            String text = ui.text("generated-password-value");
            return text.isBlank() ? null : text;
        });
        assertThat(generated).hasSize(20);
        Api carol = api.as(user, generated);
        assertThat(carol.get("users/me").status()).isEqualTo(200);

        // The new user is chosen in the grant form already.
        ui.wait.until(driver -> ui.text("grant-user").contains(user));
        ui.choose("grant-role", "author");
        ui.choose("grant-environment", environment);
        ui.click("grant");
        ui.element("revoke-" + user + "-author-" + environment);
        ui.choose("grant-role", "viewer");
        ui.choose("grant-environment", "every environment");
        ui.click("grant");
        ui.element("revoke-" + user + "-viewer-everywhere");
        assertThat(roles(carol)).containsExactlyInAnyOrder("author in " + environment, "viewer in every environment");

        ui.click("forget-password");
        ui.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("generated-password-value")));
        ui.type("user-filter", user);
        ui.wait.until(driver -> ui.cells("users").contains(user));
        ui.wait.until(driver -> roleTexts().containsAll(List.of("author in " + environment, "viewer in every environment")));
        ((JavascriptExecutor) ui.driver).executeScript(
                "document.querySelectorAll('vaadin-notification').forEach(n => n.opened = false);"
                        + "document.getElementById('users').scrollIntoView({block: 'end'})");
        ui.screenshot("users");

        // Revoking takes the role back at once.
        ui.click("revoke-" + user + "-author-" + environment);
        ui.waitForNotification("Revoked author in " + environment + " from " + user);
        ui.wait.until(driver -> !roleTexts().contains("author in " + environment));
        assertThat(roles(carol)).containsExactly("viewer in every environment");

        // An environment gone since the page was opened: the server refuses, in its words.
        assertThat(api.delete("environments/" + doomed + "?dropDatabase=true").status()).isEqualTo(200);
        ui.choose("grant-role", "author");
        ui.choose("grant-environment", doomed);
        ui.click("grant");
        ui.waitForNotification("There is no environment named '" + doomed + "'");
        assertThat(roles(carol)).containsExactly("viewer in every environment");

        // Nobody removes themselves: another admin of every environment must.
        ui.type("user-filter", Api.ADMIN);
        ui.click("remove-" + Api.ADMIN);
        ui.click("confirm-remove-button");
        ui.waitForNotification("You cannot remove yourself");
        assertThat(api.get("users/me").status()).isEqualTo(200);

        ui.type("user-filter", user);
        ui.click("remove-" + user);
        ui.wait.until(driver -> driver.findElements(By.tagName("vaadin-confirm-dialog-overlay")).stream()
                .anyMatch(overlay -> overlay.getText().contains(user + " will no longer sign in")));
        ui.click("confirm-remove-button");
        ui.waitForNotification("Removed " + user);
        ui.wait.until(driver -> !ui.cells("users").contains(user));
        // Her password may still pass sign-in for a moment (the server's identity cache), but she is nobody now.
        assertThat(carol.get("users/me").status()).isIn(401, 404);
        assertThat(carol.get("environments/" + environment).status()).isIn(401, 403);
        assertThat(ui.driver.getPageSource()).doesNotContain("Exception");
    }

    @Test
    void someoneWhoIsNotAnAdminEverywhereGetsTheRefusedPage() {
        String environment = "usr-v-" + UUID.randomUUID().toString().substring(0, 8);
        String viewer = "admin-of-one-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(api.post("environments", "{\"name\": %s}".formatted(Api.quote(environment))).status()).isEqualTo(201);
        assertThat(api.post("users", """
                {"name": %s, "password": "a long passphrase", "roles": [{"environment": %s, "role": "admin"}]}"""
                .formatted(Api.quote(viewer), Api.quote(environment))).status()).isEqualTo(201);

        ui.signIn(viewer, "a long passphrase");
        assertThat(ui.element("side-nav").getText()).doesNotContain("Users");
        ui.open("users");

        ui.wait.until(driver -> ui.text("refused").contains(viewer + " may not list users"));
        assertThat(ui.text("refused")).contains("that needs the admin role in every environment");
        assertThat(ui.driver.getPageSource()).doesNotContain("Exception");
        ui.screenshot("users-refused");
    }

    /** The role chips the users grid shows now. */
    /** The role chips the users grid shows now; none while the grid is rendering them anew (ask again). */
    private List<String> roleTexts() {
        try {
            return ui.driver.findElements(By.cssSelector("#users .tc-role-chip")).stream()
                    .filter(WebElement::isDisplayed).map(WebElement::getText).map(String::strip).toList();
        } catch (StaleElementReferenceException rendering) {
            return List.of();
        }
    }

    private java.util.List<String> roles(Api as) {
        return as.get("users/me").object().getJsonArray("roles").stream().map(value -> {
            var grant = value.asJsonObject();
            // The API leaves out an environment that is null: the role held in every environment.
            String environment = grant.containsKey("environment") && !grant.isNull("environment")
                    ? grant.getString("environment") : "every environment";
            return grant.getString("role") + " in " + environment;
        }).toList();
    }

    private void typeIn(String fieldSelector, String text) {
        WebElement input = ui.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(fieldSelector + " input")));
        input.clear();
        input.sendKeys(text);
    }
}
