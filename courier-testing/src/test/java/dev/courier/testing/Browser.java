package dev.courier.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts the system's headless Chromium through the system's chromedriver (Debian packages
 * {@code chromium} and {@code chromium-driver}); nothing is ever downloaded.
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getProperty("courier.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("courier.chromedriver", "/usr/bin/chromedriver"));
    /** Page loads and scripts against a loopback server take milliseconds; 15 s means "hung". */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private Browser() {
    }

    /** Returns null when both programs are there, else why the browser tests are skipped. */
    static String unavailable() {
        if (!Files.isExecutable(CHROMIUM)) {
            return CHROMIUM + " is missing: apt-get install -y chromium chromium-driver";
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            return CHROMEDRIVER + " is missing: apt-get install -y chromium-driver";
        }
        return null;
    }

    /** Returns a new headless browser with an empty profile in {@code profileDir}. */
    static ChromeDriver start(Path profileDir, boolean acceptSelfSigned) throws IOException {
        // The driver path is given, and the browser binary too, so Selenium Manager has nothing to
        // look up (and SE_OFFLINE=true, set by the POM, forbids it to download).
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + Files.createDirectories(profileDir));
        if (acceptSelfSigned) {
            options.setAcceptInsecureCerts(true);
        }
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(DEFAULT_TIMEOUT).scriptTimeout(DEFAULT_TIMEOUT);
        return driver;
    }
}
