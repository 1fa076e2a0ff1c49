package dev.tablecloud.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The environments page in headless Chromium, as a person uses it. */
class EnvironmentsPageIT extends DeployedTablecloud {

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory("tablecloud-chromium"));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(driver, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anyoneNotSignedInIsSentToSignInAndAWrongPasswordIsRefused() {
        signIn(Api.ADMIN, "not-the-password");

        wait.until(driver -> driver.findElement(By.tagName("vaadin-login-form")).getText()
                .contains("Incorrect username or password"));
        assertThat(browser.getTitle()).isEqualTo("Sign in · Tablecloud");
    }

    @Test
    void signingOutEndsTheSession() {
        signIn(Api.ADMIN, Api.adminPassword());
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();

        wait.until(ExpectedConditions.titleIs("Sign in · Tablecloud"));
        browser.get(deployment.toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
        assertThat(browser.getTitle()).isEqualTo("Sign in · Tablecloud");
    }

    /** Opens the UI, which sends a stranger to the sign-in form, and signs in there. */
    private void signIn(String user, String password) {
        browser.get(deployment.toString());
        wait.until(ExpectedConditions.titleIs("Sign in · Tablecloud"));
        WebElement name = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-login-form #vaadinLoginUsername input")));
        name.sendKeys(user);
        WebElement secret = browser.findElement(By.cssSelector("vaadin-login-form #vaadinLoginPassword input"));
        secret.sendKeys(password);
        secret.sendKeys(org.openqa.selenium.Keys.ENTER);
    }

    @Test
    void createsAnEnvironmentThroughTheFormAndShowsInlineErrors() throws IOException {
        String name = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        signIn(Api.ADMIN, Api.adminPassword());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-text-field#name input")));
        assertThat(browser.getTitle()).isEqualTo("Environments · Tablecloud");

        type("name", name);
        type("description", "Created in the browser");
        browser.findElement(By.id("create")).click();

        wait.until(driver -> gridTexts().contains(name));
        assertThat(gridTexts()).contains("Created in the browser", "us-east-1");
        assertThat(browser.findElement(By.cssSelector("#name input")).getAttribute("value")).isEmpty();

        type("name", "Bad_Name");
        browser.findElement(By.id("create")).click();

        WebElement nameField = wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-text-field#name[invalid]")));
        String error = nameField.findElement(By.cssSelector("[slot='error-message']")).getText();
        assertThat(error).contains("'Bad_Name' is not valid").contains("starting with a letter");
        assertThat(gridTexts()).doesNotContain("Bad_Name");

        type("name", name);
        browser.findElement(By.id("create")).click();
        wait.until(driver -> nameField.findElement(By.cssSelector("[slot='error-message']")).getText()
                .contains("already exists"));
        screenshot("environments");
    }

    private void type(String fieldId, String text) {
        WebElement input = browser.findElement(By.cssSelector("vaadin-text-field#" + fieldId + " input"));
        input.clear();
        input.sendKeys(text);
    }

    private List<String> gridTexts() {
        return browser.findElements(By.cssSelector("#environments vaadin-grid-cell-content")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private void screenshot(String name) throws IOException {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of(System.getProperty("tablecloud.build.directory", "target"), "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
