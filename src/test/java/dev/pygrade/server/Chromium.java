package dev.pygrade.server;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pygrade.TestSandbox;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the browser tests: Debian's chromium and chromium-driver (.ci/browser.sh
 * installs them), through Selenium with the system's chromedriver. A test is skipped when they
 * are absent, except on CI, where it fails. Screenshots go to target/screenshots/.
 */
final class Chromium {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = TestSandbox.home().resolve("target/screenshots");

    private Chromium() {
    }

    /** A headless browser with a window of {@code width} x {@code height}; {@code more} adds options. */
    static ChromeDriver start(int width, int height, Consumer<ChromeOptions> more) throws IOException {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (System.getenv("CI") != null) {
            assertTrue(present, "CI must run the browser test: install chromium and chromium-driver (.ci/browser.sh)");
        }
        assumeTrue(present, "Chromium is not installed (apt-get install chromium chromium-driver)");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=" + width + "," + height, "--hide-scrollbars", "--lang=en-US");
        more.accept(options);
        Files.createDirectories(SCREENSHOTS);
        return new ChromeDriver(service, options);
    }

    /** The whole page, not just the window, to target/screenshots/NAME: the window is stretched to the page for it. */
    static void screenshot(ChromeDriver browser, String name) throws IOException {
        Dimension window = browser.manage().window().getSize();
        // the window's height includes what is not page (headless Chromium keeps room for its bars)
        Number height = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight;");
        browser.manage().window().setSize(new Dimension(window.getWidth(), Math.min(4000, height.intValue() + 20)));
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
        try {
            Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            browser.manage().window().setSize(window);
        }
    }
}
