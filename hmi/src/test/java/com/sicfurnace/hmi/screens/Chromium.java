package com.sicfurnace.hmi.screens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. Both are named by path, so that Selenium Manager
 * never looks for (or downloads) a browser or a driver; a missing one fails the test with what to install.
 */
public final class Chromium {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** A headless browser with a window of this size (CSS pixels). */
    public static ChromeDriver start(int width, int height) {
        require(BROWSER, "apt-get install -y chromium");
        require(DRIVER, "apt-get install -y chromium-driver");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(30)).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--lang=en-GB", "--hide-scrollbars",
                "--force-device-scale-factor=1");
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static void require(Path binary, String install) {
        if (!Files.isExecutable(binary)) {
            throw new AssertionError(binary + " is missing: the screens' tests need it (" + install + ")");
        }
    }
}
