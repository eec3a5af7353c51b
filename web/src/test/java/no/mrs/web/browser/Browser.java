package no.mrs.web.browser;

import no.mrs.devstack.DemoUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver; nothing is downloaded) logged in to the web app
 * through the local OpenID provider as one of the demo users. Elements are found by role and accessible name, as a
 * screen reader finds them; {@link #assertNoAxeViolations} runs axe-core's WCAG 2.1 A/AA rules on the page and checks
 * that its Content-Security-Policy refused nothing.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final String CHROMIUM = "/usr/bin/chromium";
    private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final WebDriver driver;
    private final Path profile;
    private final String base;

    private Browser(WebDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    /** A fresh browser (no cookies) logged in as the demo user with this subject, on the given path. */
    public static Browser loggedInAs(String subject, String path) throws Exception {
        Browser browser = open(WebStack.get().webUrl());
        browser.login(subject, path);
        return browser;
    }

    public static Browser open(String base) throws IOException {
        Path profile = Files.createTempDirectory("mrs-web-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--lang=nb-NO", "--user-data-dir=" + profile);
        // the browser keeps Norwegian time, as its users' do: the date picker's "today" is Oslo's, also in the hour
        // after midnight there while the machine's clock (UTC) still shows the day before
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().withEnvironment(Map.of("TZ", "Europe/Oslo")).build();
        // files the app offers for download land in the profile's downloads/ (see downloads())
        options.setExperimentalOption("prefs", Map.of("download.default_directory",
                profile.resolve("downloads").toString(), "download.prompt_for_download", false));
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        // every page this browser opens records what its Content-Security-Policy refused (see assertNoAxeViolations)
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.__mrsRefused = [];
                document.addEventListener('securitypolicyviolation', e => window.__mrsRefused.push(
                    e.effectiveDirective + ' refused ' + (e.blockedURI || 'inline') + ' (' + e.sourceFile + ':'
                    + e.lineNumber + ')'));
                """));
        return new Browser(driver, profile, base);
    }

    /** Opens the path, chooses the demo user on the provider's login page, and waits for the app's menu. */
    public void login(String subject, String path) {
        driver.get(base + path);
        String name = DemoUsers.bySubject(subject).name();
        wait(Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space(.)=" + xpathLiteral(name) + "]"))).click();
        waitFor(By.cssSelector("nav[aria-label='Hovedmeny']"));
    }

    public WebDriver driver() {
        return driver;
    }

    /** A file the browser has downloaded, once it is complete (Chromium writes it as .crdownload until then). */
    public Path downloaded(String name) {
        Path file = profile.resolve("downloads").resolve(name);
        wait(Duration.ofSeconds(30)).until(d -> Files.exists(file)
                && !Files.exists(file.resolveSibling(name + ".crdownload")));
        return file;
    }

    public void go(String path) {
        driver.get(base + path);
        waitFor(By.cssSelector("nav[aria-label='Hovedmeny']"));
    }

    public WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    public WebElement waitFor(By by) {
        return wait(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** A heading with this text. */
    public WebElement heading(String text) {
        return waitFor(By.xpath("//*[self::h1 or self::h2 or self::h3 or self::h4][normalize-space(.)="
                + xpathLiteral(text) + "]"));
    }

    /** A button by its accessible text. */
    public WebElement button(String text) {
        return waitFor(By.xpath("//button[normalize-space(.)=" + xpathLiteral(text) + "]"));
    }

    /** A link by its text. */
    public WebElement link(String text) {
        return waitFor(By.xpath("//a[normalize-space(.)=" + xpathLiteral(text) + "]"));
    }

    /** A form field (input, select or textarea) by its label's text. */
    public WebElement field(String label) {
        WebElement labelElement = waitFor(By.xpath("//label[normalize-space(.)=" + xpathLiteral(label)
                + " or normalize-space(text())=" + xpathLiteral(label) + "]"));
        String id = labelElement.getAttribute("for");
        return driver.findElement(By.id(id));
    }

    /** Presses keys on whatever has focus (keyboard-only flows). */
    public void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Tabs until the focused element's accessible text (or label) contains the given text; fails after 200. */
    public WebElement tabTo(String text) {
        for (int i = 0; i < 200; i++) {
            press(Keys.TAB);
            WebElement focused = driver.switchTo().activeElement();
            String described = ((String) ((JavascriptExecutor) driver).executeScript("""
                    const e = arguments[0];
                    const label = e.labels && e.labels.length ? e.labels[0].innerText : '';
                    return [e.innerText, e.getAttribute('aria-label'), label, e.value].filter(Boolean).join(' ');
                    """, focused));
            if (described != null && described.contains(text)) {
                return focused;
            }
        }
        throw new AssertionError("no focusable element with '" + text + "' within 200 tabs");
    }

    /**
     * axe-core (from the front end's own node_modules) on the page as it is now: no WCAG 2.1 A/AA violation; and
     * nothing the page tried since it was opened was refused by the web app's Content-Security-Policy (a script, a
     * style, a font or a call the policy does not allow would break the page for its users).
     */
    @SuppressWarnings("unchecked")
    public void assertNoAxeViolations(String what) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        assertThat((List<Object>) js.executeScript("return window.__mrsRefused || [];"))
                .as("what the Content-Security-Policy refused on " + what).isEmpty();
        js.executeScript(axeSource());
        Map<String, Object> results = (Map<String, Object>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: arguments[0] } })
                   .then(r => done({ violations: r.violations.map(v => ({ id: v.id, help: v.help,
                        nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary) })) }))
                   .catch(e => done({ error: String(e) }));
                """, WCAG_TAGS);
        assertThat(results.get("error")).as("axe-core ran on " + what).isNull();
        List<Map<String, Object>> violations = (List<Map<String, Object>>) results.get("violations");
        assertThat(violations).as("axe-core WCAG 2.1 A/AA violations on " + what + ":\n" + violations.stream()
                .map(v -> v.get("id") + " (" + v.get("help") + "): " + v.get("nodes")).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    /** A screenshot for docs/GUIDE.md (docs/images/), taken as the tests pass. */
    public void screenshot(String name) throws IOException {
        Path target = WebStack.root().resolve("docs/images/" + name + ".png");
        Files.createDirectories(target.getParent());
        Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private static String axeSource() {
        try {
            return Files.readString(WebStack.root().resolve("web/src/main/webapp/node_modules/axe-core/axe.min.js"),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("axe-core is missing: the build runs npm ci in web/src/main/webapp", e);
        }
    }

    static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    @Override
    public void close() {
        driver.quit();
        try (var paths = Files.walk(profile)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
