package com.sicfurnace.hmi.screens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headless Chromium as a person uses the HMI: logs in and out, clicks, reads what a selector shows (found again when
 * a live page redrew it), and waits for a condition, with a screenshot and the browser's log when it does not come.
 */
public final class ScreenDriver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenDriver.class);

    public final ChromeDriver driver;
    private final String base;
    private final Path shots;
    private final Supplier<String> moreLogs;

    public ScreenDriver(String base, Path shots) {
        this(base, shots, 1600, 1100, () -> "");
    }

    /** {@code moreLogs}: what else a failed wait shows, e.g. the plants' logs. */
    public ScreenDriver(String base, Path shots, int width, int height, Supplier<String> moreLogs) {
        this.driver = Chromium.start(width, height);
        this.base = base;
        this.shots = shots;
        this.moreLogs = moreLogs;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public void login(String user, String password) {
        open("/login");
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        await(() -> driver.getCurrentUrl().equals(base + "/"), 10, user + " logged in");
    }

    public void logout() {
        open("/");
        click(".bar form.logout button");
        await(() -> driver.getCurrentUrl().startsWith(base + "/login"), 10, "logged out");
    }

    /** Clicks an element; found again if the page redrew it between finding and clicking. */
    public void click(String css) {
        for (int attempt = 1; ; attempt++) {
            try {
                driver.findElement(By.cssSelector(css)).click();
                return;
            } catch (StaleElementReferenceException redrawn) {
                if (attempt == 3) {
                    throw redrawn;
                }
            }
        }
    }

    /** The visible text of the first match, "" when there is none (or it was being redrawn). */
    public String text(String css) {
        try {
            List<WebElement> found = driver.findElements(By.cssSelector(css));
            return found.isEmpty() ? "" : found.get(0).getText();
        } catch (WebDriverException redrawn) {
            return "";
        }
    }

    public String attribute(String css, String name) {
        try {
            List<WebElement> found = driver.findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.get(0).getAttribute(name);
        } catch (WebDriverException redrawn) {
            return null;
        }
    }

    public int count(String css) {
        return driver.findElements(By.cssSelector(css)).size();
    }

    public void type(String css, String text) {
        WebElement field = driver.findElement(By.cssSelector(css));
        field.clear();
        field.sendKeys(text);
    }

    public Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    public void await(Supplier<Boolean> condition, int seconds, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (!Boolean.TRUE.equals(condition.get())) {
            if (System.nanoTime() > deadline) {
                String shot = screenshot("failed-" + what.replaceAll("[^A-Za-z0-9]+", "-"));
                throw new AssertionError("not within " + seconds + " s: " + what + " (screenshot " + shot + ", page "
                        + driver.getCurrentUrl() + ")\n" + browserLog() + moreLogs.get());
            }
            pause(100);
        }
    }

    public String screenshot(String name) {
        Path file = (name.startsWith("failed-") ? Path.of("target/screenshots") : shots).resolve(name + ".png");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException | WebDriverException e) {
            LOG.warn("no screenshot {}: {}", file, e.toString());
        }
        return file.toAbsolutePath().toString();
    }

    public String browserLog() {
        StringBuilder text = new StringBuilder();
        try {
            driver.manage().logs().get("browser").getAll().forEach(e -> text.append("browser: ").append(e)
                    .append('\n'));
        } catch (WebDriverException e) {
            text.append("(browser log not read: ").append(e).append(")");
        }
        return text.toString();
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
