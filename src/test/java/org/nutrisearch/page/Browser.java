package org.nutrisearch.page;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's headless Chromium driven through its chromedriver; nothing is downloaded. Without
 * Chromium the browser tests are skipped (see {@link RequiresChromium}), except in CI (CI=true),
 * where that is a failure.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Starts a fresh browser with its own profile under {@code profile}. */
    static Browser start(Path profile) {
        if (!RequiresChromium.installed()) {
            // RequiresChromium skips the class outside CI; here only CI can be running without a browser
            if (RequiresChromium.inCi()) {
                Assertions.fail("CI=true: " + RequiresChromium.INSTALL);
            }
            Assumptions.abort(RequiresChromium.INSTALL);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--lang=en-US", "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
        Browser browser = new Browser(driver);
        browser.resize(DESKTOP);
        return browser;
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /** Sets the viewport (not the window) to {@code size}, so screenshots have exactly that size. */
    void resize(Dimension size) {
        driver.manage().window().setSize(size);
        Long innerWidth = (Long) script("return window.innerWidth;");
        Long innerHeight = (Long) script("return window.innerHeight;");
        int dw = size.width - innerWidth.intValue();
        int dh = size.height - innerHeight.intValue();
        if (dw != 0 || dh != 0) {
            driver.manage().window().setSize(new Dimension(size.width + dw, size.height + dh));
        }
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    <T> T waitFor(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    /** Waits until the element's visible text is exactly {@code text}. */
    void waitForText(By by, String text) {
        try {
            waitFor(d -> text.equals(d.findElement(by).getText()));
        } catch (org.openqa.selenium.TimeoutException e) {
            Assertions.assertEquals(text, driver.findElement(by).getText(), "after waiting " + WAIT.toSeconds() + " s");
        }
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Saves what the viewport shows as target/screenshots/{name}.png. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
