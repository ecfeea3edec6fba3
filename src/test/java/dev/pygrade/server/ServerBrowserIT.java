package dev.pygrade.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pygrade.TestSandbox;
import dev.pygrade.exercise.Exercise;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in headless Chromium (Debian's chromium and chromium-driver; .ci/browser.sh installs
 * them): choose the LRU-cache exercise, answer it correctly and see full marks, answer it
 * wrongly and see the failing check's message. Skipped only outside CI when Chromium is absent.
 * Screenshots go to target/screenshots/ (docs/screenshot.png is one of them).
 */
class ServerBrowserIT {
    private static RunningServer running;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Chromium.start(1280, 1100, options -> { });
        running = RunningServer.start(RunningServer.settings(2, 8), new GradingBackend(TestSandbox.grader(),
                TestSandbox.services()::poolStats, () -> 0));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (running != null) {
            running.close();
        }
    }

    @Test
    void aCandidateAnswersTheLruCacheExerciseRightThenWrong() throws Exception {
        browser.get(running.base.toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        WebElement choice = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#exercise-list button[data-id='q09-lru-cache']")));
        choice.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("title"), "lru_cache"));
        assertTrue(browser.findElement(By.id("prompt")).getText().contains("What to build"));

        // A correct answer: the reference solution, put into the editor as a paste would.
        Exercise lru = TestSandbox.exercises().find("q09-lru-cache").orElseThrow();
        WebElement editor = browser.findElement(By.id("code"));
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", editor,
                Files.readString(lru.reference()));
        assertTrue(browser.findElement(By.cssSelector("#highlight .tok-decorator")).getText().contains("@lru_cache"),
                "the editor highlights Python");
        browser.findElement(By.id("submit")).click();
        WebDriverWait grading = new WebDriverWait(browser, Duration.ofMinutes(2));
        grading.until(ExpectedConditions.attributeToBe(By.id("status"), "class", "status passed"));
        assertEquals("10 / 10", browser.findElement(By.id("score")).getText());
        List<WebElement> checks = browser.findElements(By.cssSelector("#checks li.check"));
        assertEquals(5, checks.size());
        assertTrue(checks.stream().allMatch(check -> check.getAttribute("class").contains("passed")));
        Chromium.screenshot(browser, "lru-full-marks.png");

        // A wrong answer, typed: Enter after "def ...:" indents the body, Ctrl+Enter submits.
        editor.click();
        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        editor.sendKeys("from functools import lru_cache\n\n@lru_cache(maxsize=128)\ndef fibonacci(n):\n"
                + "return n if n < 3 else fibonacci(n - 1) + fibonacci(n - 2)");
        assertTrue(editor.getAttribute("value").contains("\n    return n if n < 3"), editor.getAttribute("value"));
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        grading.until(ExpectedConditions.attributeToBe(By.id("status"), "class", "status failed"));
        WebElement failing = browser.findElement(By.cssSelector("#checks li.check.failed[data-name='small_values']"));
        String message = failing.findElement(By.className("check-message")).getText();
        assertTrue(message.contains("expected") && message.contains("fibonacci(2)"), message);
        assertTrue(browser.findElement(By.id("score")).getText().endsWith("/ 10"));
        Chromium.screenshot(browser, "lru-wrong-answer.png");
    }

    @Test
    void onAPhoneThePageFitsTheScreen() throws Exception {
        Dimension laptop = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.get(running.base.toString() + "#q09-lru-cache");
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("title"), "lru_cache"));
            Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            Object culprits = ((JavascriptExecutor) browser).executeScript("""
                    const width = document.documentElement.clientWidth;
                    return [...document.querySelectorAll('body, body *')]
                        .filter(e => e.getBoundingClientRect().right > width + 1 || e.scrollWidth > e.clientWidth + 1)
                        .map(e => e.tagName + '.' + e.className + ' right=' + Math.round(e.getBoundingClientRect().right)
                            + ' sw=' + e.scrollWidth + ' cw=' + e.clientWidth + ' ' + getComputedStyle(e).overflowX)
                        .slice(0, 20).join(', ');""");
            assertTrue(overflow.intValue() <= 0, "the page is wider than a phone by " + overflow + " px: " + culprits);
            Chromium.screenshot(browser, "phone.png");
        } finally {
            browser.manage().window().setSize(laptop);
        }
    }
}
