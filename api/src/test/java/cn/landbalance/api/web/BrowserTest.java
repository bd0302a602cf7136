package cn.landbalance.api.web;

import cn.landbalance.api.support.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's journey in the web admin: Debian's Chromium, headless at 1366×768, driven through Debian's chromedriver
 * against the real server (real PostgreSQL, demo data). Nothing is downloaded: without /usr/bin/chromium and
 * /usr/bin/chromedriver the test fails and says how to install them (the test command bin/test does).
 */
abstract class BrowserTest extends ApiTest {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    protected ChromeDriver browser;
    protected WebDriverWait wait;
    protected Path downloads;

    @BeforeEach
    void openBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("Debian's chromium and chromium-driver are needed for the browser tests: "
                    + "apt-get install -y chromium chromium-driver (bin/test installs them)");
        }
        downloads = Files.createTempDirectory("landbalance-downloads-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,768", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("landbalance-chromium-"));
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1366, 768));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    protected String url(String hashPath) {
        return server.getURI() + "/#" + hashPath;
    }

    /** Signs in through the login page and waits for the user's first screen. */
    protected void signIn(String username) {
        browser.get(url("/login"));
        find(By.name("username"));
        Object loaded = ((JavascriptExecutor) browser).executeScript(
                "const n = performance.getEntriesByType('navigation')[0]; return n ? Math.round(n.loadEventEnd) : -1;");
        System.out.println("[web] login page loaded in " + loaded + " ms (navigation timing, local server)");
        type(By.name("username"), username);
        type(By.name("password"), DEMO_PASSWORD);
        click(By.cssSelector("[data-testid=login]"));
        long clicked = System.nanoTime();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=who]"), username));
        wait.until(d -> d.findElements(By.cssSelector(".el-card")).size() > 0);
        System.out.println("[web] " + username + "'s first screen shown " + (System.nanoTime() - clicked) / 1_000_000
                + " ms after signing in");
    }

    protected void go(String hashPath) {
        browser.get(url(hashPath));
        wait.until(d -> ((JavascriptExecutor) d).executeScript("return document.readyState").equals("complete"));
    }

    protected WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    protected WebElement testId(String id) {
        return find(By.cssSelector("[data-testid='" + id + "']"));
    }

    /**
     * Clicks once the element is clickable. A click another element takes (a toast over a button the page scrolled to
     * the top, a dropdown still moving into place, the page growing under it) is retried with the element scrolled to
     * the middle of the window, after the page settled.
     */
    protected void click(By by) {
        for (int attempt = 1; ; attempt++) {
            WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
            try {
                element.click();
                return;
            } catch (org.openqa.selenium.ElementClickInterceptedException e) {
                if (attempt == 4) {
                    throw e;
                }
                browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
                sleepQuietly(300);
            }
        }
    }

    protected void clickTestId(String id) {
        click(By.cssSelector("[data-testid='" + id + "']"));
    }

    /** Types into a text field; the locator may name the input itself or a component that holds one. */
    protected void type(By by, String text) {
        WebElement found = find(by);
        WebElement input = "input".equals(found.getTagName()) || "textarea".equals(found.getTagName()) ? found
                : found.findElement(By.cssSelector("input, textarea"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    /** Picks an option of an Element Plus select by its visible text. */
    protected void choose(By select, String option) {
        click(select);
        By item = By.xpath("//li[contains(@class,'el-select-dropdown__item')][not(ancestor::*[contains(@style,'display: none')])]"
                + "[normalize-space(.)='" + option + "']");
        click(item);
    }

    /** Types part of a name into the select of {@code testId} that searches the server (remote), then picks the option found. */
    protected void search(String testId, String typed, String option) {
        click(By.cssSelector("[data-testid=" + testId + "]"));
        find(By.cssSelector("[data-testid=" + testId + "] input, input[data-testid=" + testId + "]")).sendKeys(typed);
        By item = By.xpath("//li[contains(@class,'el-select-dropdown__item')][not(ancestor::*[contains(@style,'display: none')])]"
                + "[normalize-space(.)='" + option + "']");
        click(item);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers an Element Plus prompt box and confirms it. */
    protected void answerPrompt(String value) {
        WebElement input = find(By.cssSelector(".el-message-box input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(value);
        click(By.cssSelector(".el-message-box__btns .el-button--primary"));
    }

    protected void waitText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /** Uploads a file through the page's (hidden) file input inside the given container. */
    protected void upload(String containerTestId, Path file) {
        WebElement container = testId(containerTestId);
        WebElement input = container.findElement(By.xpath("ancestor::div[contains(@class,'el-upload')][1]//input[@type='file']"));
        input.sendKeys(file.toAbsolutePath().normalize().toString());
    }

    /** The file the browser downloaded, once complete. */
    protected File downloaded(String suffix) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            File[] files = downloads.toFile().listFiles((dir, name) -> name.endsWith(suffix));
            return files != null && files.length == 1 && files[0].length() > 0 ? files[0] : null;
        });
    }

    protected void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected List<WebElement> rows(String tableTestId) {
        return testId(tableTestId).findElements(By.cssSelector(".el-table__body-wrapper tbody tr"));
    }
}
