package no.mrs.reporting.dashboard;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.reporting.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import static no.mrs.reporting.support.Events.centralGoal;
import static no.mrs.reporting.support.Events.count;
import static no.mrs.reporting.support.Events.indicator;
import static no.mrs.reporting.support.Events.localGoal;
import static no.mrs.reporting.support.Events.national;
import static no.mrs.reporting.support.Events.office;
import static no.mrs.reporting.support.Events.ratio;
import static no.mrs.reporting.support.Events.region;
import static no.mrs.reporting.support.Events.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver; nothing is downloaded): it
 * loads without console errors, shows the national scorecard, and lets a user choose a unit and open a row.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class DashboardBrowserTest {

    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final String CHROMIUM = "/usr/bin/chromium";

    @TestHTTPResource("/")
    URL page;

    static boolean fed;
    WebDriver browser;
    Path profile;

    @BeforeEach
    void feedAndOpen() throws Exception {
        if (!fed) {
            fed = true;
            List<no.mrs.contracts.EventPayload> events = new ArrayList<>(List.of(
                    national("2000", "Testland"), region("2100", "Nav Nord", "2000"), region("2200", "Nav Sør", "2000"),
                    office("2101", "Nav Alfa", "2100"), office("2102", "Nav Beta", "2100"),
                    office("2201", "Nav Gamma", "2200"),
                    ratio("TA.2", "Andel arbeidssøkere med overgang til arbeid"),
                    indicator("TB.2", "Antall fått jobben", no.mrs.contracts.goal.Measure.COUNT,
                            no.mrs.contracts.goal.Direction.HIGHER_IS_BETTER, no.mrs.contracts.goal.Perspective.USER),
                    indicator("TC.2", "Trivsel", no.mrs.contracts.goal.Measure.SCORE,
                            no.mrs.contracts.goal.Direction.HIGHER_IS_BETTER, no.mrs.contracts.goal.Perspective.EMPLOYEE),
                    centralGoal("2000", "TA.2", 2021, 60), localGoal("2101", "TA.2", 2021, 55)));
            String[] offices = { "2101", "2102", "2201" };
            for (int year = 2020; year <= 2021; year++) {
                for (int month = 1; month <= (year == 2021 ? 6 : 12); month++) {
                    String period = String.format("%d-%02d", year, month);
                    for (int i = 0; i < offices.length; i++) {
                        events.add(result(offices[i], "TA.2", period, 40 + 3 * i + month, 100,
                                month == 5 && i == 0 ? "Færre tiltaksplasser i mai" : null));
                        events.add(count(offices[i], "TB.2", period, 20 + i * 5 + month));
                        events.add(result(offices[i], "TC.2", period, 4.2 * (10 + i), 10 + i));
                    }
                }
            }
            Api.publish(events.toArray(no.mrs.contracts.EventPayload[]::new));
        }
        profile = Files.createTempDirectory("chromium-profile");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,1000", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void close() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    @Test
    void showsTheNationalScorecardAndOpensAUnitsRow() {
        browser.get(page + "#token=" + Api.VIEWER);
        chooseMonth("2021-06");
        Select unit = new Select(browser.findElement(By.id("unit")));
        unit.selectByValue("2000");
        awaitText(By.id("title"), "Testland");

        List<WebElement> rows = browser.findElements(By.cssSelector("#scorecard tr.row"));
        assertThat(rows).extracting(r -> r.getAttribute("data-indicator")).containsExactly("TA.2", "TB.2", "TC.2");
        WebElement share = row("TA.2");
        assertThat(share.getText()).contains("Andel arbeidssøkere", "%", "sentralt");
        assertThat(browser.findElements(By.cssSelector("#scorecard .perspective"))).extracting(WebElement::getText)
                .containsExactly("Brukerperspektivet", "Medarbeiderperspektivet");
        wait(10).until(d -> !d.findElements(By.cssSelector("tr.row[data-indicator='TA.2'] svg.spark polyline")).isEmpty());

        unit.selectByValue("2100");
        awaitText(By.id("title"), "Nav Nord");
        row("TA.2").click();
        wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("detail")));
        wait(10).until(d -> d.findElements(By.cssSelector("#comparison tbody tr")).size() == 2);
        assertThat(browser.findElements(By.cssSelector("#comparison tbody tr"))).extracting(r -> r.getAttribute("data-unit"))
                .containsExactly("2102", "2101");
        assertThat(browser.findElements(By.cssSelector("#chart svg polyline.target"))).isNotEmpty();

        unit.selectByValue("2101");
        awaitText(By.id("title"), "Nav Alfa");
        assertThat(row("TA.2").getText()).contains("lokalt");
        row("TA.2").click();
        awaitText(By.id("comments"), "Færre tiltaksplasser i mai");

        assertThat(severeConsoleEntries()).isEmpty();
    }

    @Test
    void saysSoWhenAMonthHasNoData() {
        browser.get(page + "#token=" + Api.VIEWER);
        chooseMonth("2021-06");
        new Select(browser.findElement(By.id("unit"))).selectByValue("2000");
        awaitText(By.id("title"), "Testland");

        chooseMonth("2015-06");

        awaitText(By.id("message"), "Ingen data for Testland");
        assertThat(browser.findElement(By.id("card")).isDisplayed()).isFalse();
        assertThat(severeConsoleEntries()).isEmpty();
    }

    @Test
    void opensTheUnitAndMonthGivenInTheAddress() {
        browser.get(page + "?unit=2200&period=2021-03#token=" + Api.VIEWER);

        awaitText(By.id("title"), "Nav Sør – mars 2021");
        assertThat(new Select(browser.findElement(By.id("unit"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("2200");
        assertThat(browser.findElements(By.cssSelector("#scorecard tr.row"))).hasSize(3);
        assertThat(severeConsoleEntries()).isEmpty();
    }

    @Test
    void offersEveryUnitEvenWhenTheyFillMoreThanOnePage() {
        List<no.mrs.contracts.EventPayload> events = new ArrayList<>(List.of(region("2300", "Nav Mange", "2000")));
        for (int i = 2301; i <= 2430; i++) {
            events.add(office(String.valueOf(i), "Nav " + i, "2300"));
        }
        Api.publish(events.toArray(no.mrs.contracts.EventPayload[]::new));

        // GET /api/units answers 100 a page by default (docs/PAGING.md): the picker follows the next links
        browser.get(page + "#token=" + Api.VIEWER);
        chooseMonth("2021-06");
        wait(15).until(d -> d.findElements(By.cssSelector("#unit option[value='2430']")).size() == 1);
        assertThat(browser.findElements(By.cssSelector("#unit option"))).hasSizeGreaterThan(130);
        assertThat(severeConsoleEntries()).isEmpty();
    }

    private void chooseMonth(String month) {
        wait(15).until(d -> !d.findElements(By.cssSelector("#unit option")).isEmpty());
        WebElement input = browser.findElement(By.id("month"));
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", input, month);
        wait(15).until(d -> d.findElements(By.cssSelector("#unit option[value='2000']")).size() == 1);
    }

    private WebElement row(String indicatorId) {
        return browser.findElement(By.cssSelector("#scorecard tr.row[data-indicator='" + indicatorId + "']"));
    }

    private void awaitText(By locator, String text) {
        wait(15).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    private WebDriverWait wait(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private List<LogEntry> severeConsoleEntries() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    }
}
