package dev.tablecloud.it;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/** Headless Chromium (Debian's) driving the UI as a person would, with screenshots into the build directory. */
final class Browser implements AutoCloseable {

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final URL deployment;

    Browser(URL deployment) {
        this.deployment = deployment;
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        try {
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--window-size=1440,1000",
                    "--user-data-dir=" + Files.createTempDirectory("tablecloud-chromium"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    /** Opens a page of the UI by its address, e.g. {@code environments/staging/transaction}. */
    void open(String path) {
        driver.get(deployment.toString() + path);
    }

    void signIn(String user, String password) {
        open("");
        wait.until(ExpectedConditions.titleIs("Sign in · Tablecloud"));
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-login-form #vaadinLoginUsername input"))).sendKeys(user);
        WebElement secret = driver.findElement(By.cssSelector("vaadin-login-form #vaadinLoginPassword input"));
        secret.sendKeys(password);
        secret.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-user")));
    }

    WebElement element(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    /** Clicks an element after scrolling it to the middle of the window, clear of notifications at the edges. */
    void click(String id) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    void type(String fieldId, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-text-field#" + fieldId + " input")));
        input.clear();
        input.sendKeys(text);
    }

    /** Opens a select and picks the item of that text in its overlay. */
    void choose(String selectId, String item) {
        click(selectId);
        // By its text content, not its shown text: in a long list (every environment of the test run)
        // the option lies below the overlay's fold, where WebDriver reads no text, until scrolled to.
        WebElement choice = wait.until(driver -> driver.findElements(By.cssSelector("vaadin-select-item[role='option']")).stream()
                .filter(element -> item.equals(String.valueOf(element.getDomProperty("textContent")).trim()))
                .filter(element -> element.getRect().getHeight() > 0).findFirst().orElse(null));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", choice);
        wait.until(driver -> choice.isDisplayed());
        choice.click();
        wait.until(driver -> text(selectId).contains(item));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("vaadin-select-overlay[opened]")));
    }

    String text(String id) {
        return element(id).getText();
    }

    /** The texts of the notifications open now. */
    @SuppressWarnings("unchecked")
    List<String> notifications() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('vaadin-notification-card')).map(c => c.innerText)");
    }

    /** Closes the open notifications, which otherwise cover what lies at the window's bottom edge. */
    void closeNotifications() {
        ((JavascriptExecutor) driver).executeScript(
                "document.querySelectorAll('vaadin-notification').forEach(n => n.opened = false)");
        wait.until(driver -> notifications().isEmpty());
    }

    void waitForNotification(String containing) {
        wait.until(driver -> notifications().stream().anyMatch(text -> text.contains(containing)));
    }

    List<String> cells(String gridId) {
        return driver.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).toList();
    }

    void scrollToTop() {
        ((JavascriptExecutor) driver).executeScript(
                "document.querySelectorAll('vaadin-app-layout').forEach(l => l.shadowRoot.querySelector('[content]').scrollTop = 0); window.scrollTo(0, 0)");
    }

    Path screenshot(String name) {
        try {
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = Path.of(System.getProperty("tablecloud.build.directory", "target"), "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
