package dev.tablecloud.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The environments page in headless Chromium, as a person uses it. */
class EnvironmentsPageIT extends DeployedTablecloud {

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
    void anyoneNotSignedInIsSentToSignInAndAWrongPasswordIsRefused() {
        submitSignIn(Api.ADMIN, "not-the-password");

        ui.wait.until(driver -> driver.findElement(By.tagName("vaadin-login-form")).getText()
                .contains("Incorrect username or password"));
        assertThat(ui.driver.getTitle()).isEqualTo("Sign in · Tablecloud");
    }

    @Test
    void signingOutEndsTheSession() {
        ui.signIn(Api.ADMIN, Api.adminPassword());
        ui.click("sign-out");

        ui.wait.until(ExpectedConditions.titleIs("Sign in · Tablecloud"));
        ui.open("");
        ui.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
        assertThat(ui.driver.getTitle()).isEqualTo("Sign in · Tablecloud");
    }

    /** Opens the UI, which sends a stranger to the sign-in form, and submits it. */
    private void submitSignIn(String user, String password) {
        ui.open("");
        ui.wait.until(ExpectedConditions.titleIs("Sign in · Tablecloud"));
        ui.wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-login-form #vaadinLoginUsername input"))).sendKeys(user);
        WebElement secret = ui.driver.findElement(By.cssSelector("vaadin-login-form #vaadinLoginPassword input"));
        secret.sendKeys(password);
        secret.sendKeys(Keys.ENTER);
    }

    @Test
    void createsAnEnvironmentThroughTheFormAndShowsInlineErrors() {
        String name = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        ui.signIn(Api.ADMIN, Api.adminPassword());
        ui.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-text-field#name input")));
        assertThat(ui.driver.getTitle()).isEqualTo("Environments · Tablecloud");

        ui.type("name", name);
        ui.type("description", "Created in the browser");
        ui.click("create");

        ui.wait.until(driver -> gridTexts().contains(name));
        assertThat(gridTexts()).contains("Created in the browser", "us-east-1");
        assertThat(ui.driver.findElement(By.cssSelector("#name input")).getAttribute("value")).isEmpty();

        ui.type("name", "Bad_Name");
        ui.click("create");

        WebElement nameField = ui.wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-text-field#name[invalid]")));
        String error = nameField.findElement(By.cssSelector("[slot='error-message']")).getText();
        assertThat(error).contains("'Bad_Name' is not valid").contains("starting with a letter");
        assertThat(gridTexts()).doesNotContain("Bad_Name");

        ui.type("name", name);
        ui.click("create");
        ui.wait.until(driver -> nameField.findElement(By.cssSelector("[slot='error-message']")).getText()
                .contains("already exists"));
        ui.screenshot("environments");
    }

    /** The grid shows every environment (all rows rendered), so its texts hold them all. */
    private List<String> gridTexts() {
        return ui.cells("environments");
    }
}
