package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.client.Credentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium, headless, driven through chromedriver: the browser the page tests use. */
final class HeadlessChromium implements AutoCloseable {

    private final ChromeDriverService chromedriver;
    final WebDriver browser;

    private HeadlessChromium(ChromeDriverService chromedriver, WebDriver browser) {
        this.chromedriver = chromedriver;
        this.browser = browser;
    }

    static HeadlessChromium open() throws IOException {
        Path chromium = Path.of(System.getProperty("chromium.binary"));
        Path driver = Path.of(System.getProperty("chromedriver.binary"));
        assertThat(Files.isExecutable(chromium) && Files.isExecutable(driver))
                .as("%s and %s, from Debian's chromium and chromium-driver packages (./tandem test installs them)",
                        chromium, driver)
                .isTrue();
        var chromedriver = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).usingAnyFreePort().build();
        chromedriver.start();
        var browser = new ChromeDriver(chromedriver, new ChromeOptions()
                .setBinary(chromium.toString())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--window-size=1440,1000", "--user-data-dir=" + Files.createTempDirectory("tandem-chromium")));
        return new HeadlessChromium(chromedriver, browser);
    }

    /**
     * Sends the caller's HTTP Basic credentials with every request from now on, as a browser does once
     * a person has signed in at its prompt (which a headless browser cannot show).
     */
    void signIn(Credentials caller) {
        var devTools = (ChromeDriver) browser;
        devTools.executeCdpCommand("Network.enable", Map.of());
        devTools.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", caller.basicAuthorization())));
    }

    /** Saves what the browser shows under the screenshots directory, as a test artifact. */
    Path screenshot(String name) throws IOException {
        Path screenshot = Path.of(System.getProperty("screenshots"), name);
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        return screenshot;
    }

    @Override
    public void close() {
        try {
            browser.quit();
        } finally {
            chromedriver.stop();
            // whatever the browser left behind, by PID
            ProcessHandle.current().descendants()
                    .filter(process -> process.info().command().map(command -> command.contains("chrom")).orElse(false))
                    .forEach(ProcessHandle::destroyForcibly);
        }
    }
}
