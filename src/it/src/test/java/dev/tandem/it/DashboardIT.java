package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.TransferDetails;
import dev.tandem.api.TransferRequest;
import dev.tandem.client.Credentials;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: Debian's headless Chromium, driven through chromedriver, signed in
 * with HTTP Basic credentials. For a teller it loads both ledgers, makes a synchronous and a queued
 * transfer through its form, and shows them on the live stream, in the balances and in the account's
 * statement; a viewer sees the ledgers, the recent transfers and the stream but no form; an operator sees
 * live charts of the transfers per second and their latency by entry point. Screenshots are kept in
 * target/screenshots. Accounts A-0028, B-0028.
 */
@ExtendWith(ConservationCheck.class)
class DashboardIT {

    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeEach
    void openTheBrowser() throws IOException {
        chromium = HeadlessChromium.open();
        browser = chromium.browser;
    }

    @AfterEach
    void closeTheBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private String dashboardAs(Credentials caller) {
        chromium.signIn(caller);
        return Tandem.API.resolve("..").toString();
    }

    @Test
    void aViewerSeesTheLedgersAndTheRecentTransfersButNoTransferForm() throws Exception {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        TransferDetails earlier = Tandem.CLIENT.transfer(new TransferRequest(UUID.randomUUID(), "A-0028", "B-0028",
                new BigDecimal("1.00"), "EUR"));
        browser.get(dashboardAs(Tandem.VIEWER));

        wait.until(page -> streamed(earlier.id().toString()).equals("COMPLETED"));
        assertThat(entry(earlier.id().toString()).getAttribute("data-history")).as("shown from the search, not streamed")
                .isEqualTo("COMPLETED");

        wait.until(page -> page.findElements(By.cssSelector("#ledger-A tbody tr")).size() == 50);
        wait.until(page -> page.findElement(By.id("stream-state")).getText().equals("live"));
        assertThat(browser.findElement(By.id("caller")).getText()).isEqualTo("viewer (viewer)");
        assertThat(browser.findElement(By.id("transfer-section")).isDisplayed()).as("the transfer form").isFalse();
        assertThat(browser.findElement(By.id("counters")).isDisplayed()).as("the counters").isFalse();
        assertThat(browser.findElement(By.id("activity-section")).isDisplayed()).as("the charts").isFalse();
        assertThat(Files.size(chromium.screenshot("dashboard-viewer.png"))).isGreaterThan(10_000);
    }

    @Test
    void anOperatorSeesTheTransfersPerSecondAndTheirLatencyByEntryPoint() throws IOException {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(dashboardAs(Tandem.OPERATOR));
        wait.until(page -> page.findElement(By.id("activity-section")).isDisplayed());

        // transfers keep coming while the page reads the metrics every few seconds, until its line has two points
        wait.until(page -> {
            transferSynchronously();
            return !legend("chart-rate", "rest-sync").equals("0.0/s") && legend("chart-latency", "rest-sync").endsWith(" ms")
                    && shown("#chart-rate polyline.series-0", "points").split(" ").length >= 2;
        });

        assertThat(legend("chart-rate", "queue")).matches("\\d+\\.\\d/s");
        assertThat(Files.size(chromium.screenshot("dashboard-operator.png"))).isGreaterThan(10_000);
    }

    @Test
    void theDashboardShowsBothLedgersAndItsTransfersGoLiveOnTheStream() throws IOException {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(dashboardAs(Tandem.TELLER));

        wait.until(page -> page.findElements(By.cssSelector("#ledger-A tbody tr")).size() == 50
                && page.findElements(By.cssSelector("#ledger-B tbody tr")).size() == 50);
        wait.until(page -> page.findElement(By.id("stream-state")).getText().equals("live"));
        assertThat(browser.getTitle()).isEqualTo("Tandem");
        assertThat(browser.findElement(By.id("totals")).getText()).contains("overall EUR", "90000.00");
        BigDecimal source = shownBalance("A-0028");
        BigDecimal target = shownBalance("B-0028");

        String synchronous = transferThroughTheForm("A-0028", "B-0028", "5.00", "sync");
        wait.until(page -> page.findElement(By.id("transfer-result")).getText().startsWith("COMPLETED"));
        wait.until(page -> streamed(synchronous).equals("COMPLETED"));
        wait.until(page -> shownBalance("A-0028").compareTo(source.subtract(new BigDecimal("5.00"))) == 0);

        String queued = transferThroughTheForm("A-0028", "B-0028", "2.00", "async");
        wait.until(page -> page.findElement(By.id("transfer-result")).getText().startsWith("PENDING"));
        wait.until(page -> streamed(queued).equals("COMPLETED"));
        assertThat(entry(queued).getAttribute("data-history")).as("what the stream showed").isEqualTo("PENDING COMPLETED");
        wait.until(page -> shownBalance("B-0028").compareTo(target.add(new BigDecimal("7.00"))) == 0);
        assertThat(shownBalance("A-0028")).isEqualByComparingTo(Tandem.balance("A-0028"));

        browser.findElement(By.cssSelector("#account-A-0028 button.account")).click();
        wait.until(page -> !page.findElements(By.cssSelector("#statement tbody tr")).isEmpty());
        assertThat(browser.findElement(By.id("statement-account")).getText()).isEqualTo("A-0028");
        WebElement newest = browser.findElement(By.cssSelector("#statement tbody tr"));
        assertThat(newest.getAttribute("data-transfer")).as("the newest entry's transfer").isEqualTo(queued);
        assertThat(newest.getText()).as("the newest entry").contains("-2.00");

        assertThat(Files.size(chromium.screenshot("dashboard.png"))).isGreaterThan(10_000);
    }

    /** Fills in and sends the form; returns the id the page gave the transfer. */
    private String transferThroughTheForm(String from, String to, String amount, String mode) {
        type("from", from);
        type("to", to);
        type("amount", amount);
        browser.findElement(By.cssSelector("input[name=mode][value=" + mode + "]")).click();
        browser.findElement(By.cssSelector("#transfer-form button")).click();
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> {
            String id = page.findElement(By.id("transfer-result")).getAttribute("data-transfer-id");
            return id == null || id.isEmpty() ? null : id;
        });
    }

    private void type(String field, String value) {
        WebElement input = browser.findElement(By.cssSelector("#transfer-form input[name=" + field + "]"));
        input.clear();
        input.sendKeys(value);
    }

    private static void transferSynchronously() {
        try {
            Tandem.CLIENT.transfer(new TransferRequest(UUID.randomUUID(), "A-0028", "B-0028", new BigDecimal("0.01"), "EUR"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value a chart's legend shows for an entry point. */
    private String legend(String chart, String entryPoint) {
        return shown("#" + chart + " li[data-entry-point=" + entryPoint + "] .value", "textContent");
    }

    /**
     * A property of what the page shows now ({@code textContent} or an attribute), "" if nothing matches: the charts
     * are drawn anew every few seconds, so their elements are read in one script, never held between calls.
     */
    private String shown(String selector, String property) {
        return (String) ((JavascriptExecutor) browser).executeScript("const element = document.querySelector(arguments[0]);"
                + " return element === null ? '' : arguments[1] === 'textContent' ? element.textContent : element.getAttribute(arguments[1]);",
                selector, property);
    }

    private String streamed(String transferId) {
        var entries = browser.findElements(By.id("transfer-" + transferId));
        return entries.isEmpty() ? "" : entries.get(0).findElement(By.className("status")).getText();
    }

    private WebElement entry(String transferId) {
        return browser.findElement(By.id("transfer-" + transferId));
    }

    private BigDecimal shownBalance(String account) {
        String shown = browser.findElement(By.cssSelector("#account-" + account + " .balance")).getText();
        return new BigDecimal(shown.split(" ")[0]);
    }
}
