package dev.pygrade.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pygrade.TestSandbox;
import dev.pygrade.assessment.MutableClock;
import dev.pygrade.store.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An assessment end to end in headless Chromium (Debian's chromium and chromium-driver;
 * .ci/browser.sh installs them), against a real server with real gradings and a SQLite data
 * folder: an instructor signs in with a token, creates an assessment and invites two candidates;
 * each opens their link, answers and submits; one runs out of time, is refused with a clear
 * message and finds their draft still there; the instructor sees both in the results table,
 * opens a submission, exports the CSV and regrades. Screenshots go to target/screenshots/
 * (docs/screenshot-candidate.png and docs/screenshot-instructor.png are two of them).
 */
class AssessmentBrowserIT {
    private static final String LRU = "q09-lru-cache";

    @TempDir
    Path folder;
    /** The server's clock: the real time (the page counts down by its own), plus however far the test moves it. */
    private final MutableClock clock = new MutableClock(Clock.systemUTC());
    private RunningServer running;
    private ChromeDriver browser;
    private Path downloads;

    @BeforeEach
    void start() throws Exception {
        downloads = Files.createDirectories(folder.resolve("downloads"));
        browser = Chromium.start(1280, 1000, options -> {
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        });
        running = RunningServer.withAssessments(RunningServer.settings(2, 8), TestSandbox.grader(),
                TestDatabases.sqlite(folder.resolve("data")), clock);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (running != null) {
            running.close();
        }
    }

    @Test
    void anInstructorRunsAnAssessmentForTwoCandidates() throws Exception {
        try {
            runAnAssessment();
        } catch (AssertionError | RuntimeException failed) {
            screenshot("failure.png");
            System.err.println("access log:\n" + running.accessLog + "\nserver errors:\n" + running.errors
                    + "\nbrowser console:");
            browser.manage().logs().get(LogType.BROWSER).forEach(entry -> System.err.println("  " + entry));
            throw failed;
        }
    }

    private void runAnAssessment() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        WebDriverWait grading = new WebDriverWait(browser, Duration.ofMinutes(3));

        // The instructor signs in with a token made by the command line, creates an assessment, invites two.
        String token = running.assessments.createInstructorToken("browser").token();
        browser.get(running.base.resolve("/instructor").toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(token, Keys.ENTER);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-assessment"))).click();
        browser.findElement(By.id("create-name")).sendKeys("Python, week 1");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#create-exercises input[value='" + LRU
                + "']"))).click();
        browser.findElement(By.cssSelector("#create-exercises input[value='q10-getattr']")).click();
        WebElement minutes = browser.findElement(By.id("create-minutes"));
        minutes.clear();
        minutes.sendKeys("30");
        browser.findElement(By.id("create-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("assessment-title"), "Python, week 1"));
        browser.findElement(By.id("invite-names")).sendKeys("Ada Lovelace\nAlan Turing");
        browser.findElement(By.id("invite-submit")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#invite-links input.link"), 2));
        List<String> links = browser.findElements(By.cssSelector("#invite-links input.link")).stream()
                .map(link -> link.getAttribute("value")).toList();
        assertTrue(links.get(0).startsWith(running.base.resolve("/a/pgc_").toString()), links.toString());

        // Ada opens her link, pastes a correct answer and submits: full marks.
        browser.get(links.get(0));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("candidate-name"), "Ada Lovelace"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("title"), "lru_cache"));
        assertTrue(browser.findElement(By.id("prompt")).getText().contains("What to build"));
        String timer = browser.findElement(By.id("timer")).getText();
        assertTrue(timer.matches("(29:[0-5]\\d|30:00) left"), timer);
        WebElement editor = browser.findElement(By.id("code"));
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", editor,
                Files.readString(TestSandbox.home().resolve("exercises/" + LRU + "/reference.py")));
        browser.findElement(By.id("submit")).click();
        grading.until(ExpectedConditions.attributeToBe(By.id("status"), "class", "status passed"));
        assertEquals("10 / 10", browser.findElement(By.id("score")).getText());
        assertEquals(5, browser.findElements(By.cssSelector("#checks li.check.passed")).size());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "passed 10/10"));
        assertTrue(browser.findElement(By.id("attempts")).getText().contains("1 of 3 attempts used"),
                browser.findElement(By.id("attempts")).getText());
        screenshot("candidate.png");

        // On a phone the page fits the screen: the list above the exercise, nothing wider than the window.
        Dimension laptop = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("title"), "lru_cache"));
        Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow.intValue() <= 0, "the candidate's page is wider than a phone by " + overflow + " px");
        screenshot("candidate-phone.png");
        browser.manage().window().setSize(laptop);

        // Alan types a wrong answer: the failing check's message shows.
        browser.get(links.get(1));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("candidate-name"), "Alan Turing"));
        editor = wait.until(ExpectedConditions.elementToBeClickable(By.id("code")));
        editor.click();
        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        editor.sendKeys("def fibonacci(n):\nreturn n");
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        grading.until(ExpectedConditions.attributeToBe(By.id("status"), "class", "status failed"));
        String message = browser.findElement(By.cssSelector("#checks li.check.failed .check-message")).getText();
        assertTrue(message.contains("expected"), message);

        // His time runs out; his next submission is refused, and his draft stays in the browser.
        clock.advance(Duration.ofMinutes(31));
        editor.sendKeys(Keys.ENTER, "# my second try, typed after the deadline");
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem-message"), "your time is up"));
        assertEquals("refused (403)", browser.findElement(By.id("status")).getDomProperty("textContent"));
        assertTrue(browser.findElement(By.id("problem-message")).getText().contains("Your draft is kept"));
        wait.until(ExpectedConditions.textToBe(By.id("timer"), "Time is up"));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("phase-notice"), "Your time is up"));
        String draft = browser.findElement(By.id("code")).getAttribute("value");
        assertTrue(draft.contains("# my second try, typed after the deadline"), draft);
        assertEquals(1, browser.findElements(By.cssSelector("#history li")).size(), "the refused one is not stored");
        screenshot("candidate-time-up.png");

        // The instructor sees both candidates, opens Ada's submission, exports the CSV and regrades.
        browser.get(running.base.resolve("/instructor").toString());
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#assessment-list button"))).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results-table tbody tr"), 2));
        WebElement adaCell = browser.findElement(By.cssSelector("td.cell[data-candidate='Ada Lovelace'][data-exercise='"
                + LRU + "']"));
        assertTrue(adaCell.getText().startsWith("10 / 10"), adaCell.getText());
        WebElement alanCell = browser.findElement(By.cssSelector("td.cell[data-candidate='Alan Turing'][data-exercise='"
                + LRU + "']"));
        assertTrue(alanCell.getText().contains("1 attempt"), alanCell.getText());
        browser.findElement(By.cssSelector("button.candidate-link[data-name='Ada Lovelace']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#candidate-submissions .submission")));
        WebElement submission = browser.findElement(By.cssSelector("#candidate-submissions .submission"));
        assertTrue(submission.findElement(By.cssSelector("pre.code")).getText().contains("@lru_cache"));
        assertEquals(5, submission.findElements(By.cssSelector("li.check.passed")).size());
        assertTrue(submission.findElement(By.cssSelector(".gradings")).getText().startsWith("submission "));

        browser.findElement(By.id("export")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("export-preview")));
        String csv = browser.findElement(By.id("export-preview")).getText();
        assertTrue(csv.startsWith("candidate," + LRU + ",total,max_total"), csv);
        assertTrue(csv.contains("Ada Lovelace,10,10,10") && csv.contains("Alan Turing,"), csv);
        Path downloaded = downloads.resolve("assessment-1.csv");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> Files.exists(downloaded));
        assertTrue(Files.readString(downloaded).contains("Ada Lovelace,10,10,10"));
        screenshot("instructor.png");

        browser.findElement(By.id("regrade")).click();
        grading.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report"),
                "Regrade: 2 submissions graded again, 0 changed, 2 unchanged"));
    }

    private void screenshot(String name) throws Exception {
        Chromium.screenshot(browser, "assessment-" + name);
    }
}
