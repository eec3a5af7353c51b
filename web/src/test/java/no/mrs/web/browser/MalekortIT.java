package no.mrs.web.browser;

import io.restassured.path.json.JsonPath;
import no.mrs.devstack.DemoSeeder;
import no.mrs.devstack.DevTokens;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Målekort (issue 12): the scorecard in the web app — the figures reporting-service answers, each indicator's series,
 * comments and comparison, and drill-down by clicking a unit of the comparison. Reads only the demo data (2021).
 */
class MalekortIT {

    static final String PERIOD = "2021-06";

    @Test
    void theNationsScorecardShowsTheServicesFiguresAndDrillsDownToAnOfficeByClick() throws Exception {
        JsonPath national = scorecard("0000", PERIOD);
        Map<String, Object> b15 = row(national, "B.15");
        String b15Name = (String) b15.get("name");
        try (Browser browser = Browser.loggedInAs("direktoratet", "/malekort/0000?periode=" + PERIOD)) {
            browser.heading("Målekort for Norge, juni 2021");
            // every row of the service's scorecard, with its four figures as the service computed them
            List<Map<String, Object>> rows = national.getList("perspectives.rows.flatten()");
            assertThat(rows).hasSizeGreaterThan(10);
            for (Map<String, Object> row : rows) {
                List<String> cells = cells(browser, (String) row.get("indicatorId"));
                assertThat(cells.get(1)).isEqualTo(row.get("name"));
                String measure = (String) row.get("measure");
                assertThat(cells.subList(5, 9)).as("the figures of " + row.get("indicatorId")).containsExactly(
                        figure(path(row, "yearToDate.thisYear"), measure), figure(path(row, "yearToDate.lastYear"), measure),
                        figure(path(row, "period.thisYear"), measure), figure(path(row, "period.lastYear"), measure));
            }
            assertThat(cells(browser, "B.15").get(2)).contains("Sentralt");
            assertThat(cells(browser, "B.15").get(3)).isEqualTo(statusText((String) b15.get("status")));
            browser.driver().findElement(By.xpath("//h2[normalize-space(.)='Brukerperspektivet'] | //th[normalize-space(.)='Brukerperspektivet']"));
            awaitSparklines(browser);
            browser.assertNoAxeViolations("the national scorecard");
            browser.screenshot("malekort");

            // one indicator: its series with the target line, its comparison of the regions
            browser.link(b15Name).click();
            browser.heading("B.15 " + b15Name + " – Norge");
            assertThat(query(browser)).contains("indikator=B.15", "periode=" + PERIOD);
            WebElement chart = browser.waitFor(By.cssSelector("figure svg[role='img']"));
            assertThat(chart.getAttribute("aria-label")).contains("B.15", "Norge", "mållinje");
            assertThat(chart.findElements(By.cssSelector("path.malekort-target"))).as("the target line").isNotEmpty();
            List<Map<String, Object>> regions = comparison("0000", "B.15", PERIOD);
            assertThat(regions).hasSizeGreaterThan(3);
            for (Map<String, Object> region : regions) {
                WebElement tr = browser.waitFor(By.cssSelector("tr[data-unit='" + region.get("unitId") + "']"));
                assertThat(spaces(tr.getText())).contains((String) region.get("unitName"),
                        figure(region.get("yearToDate") == null ? null
                        : ((Number) region.get("yearToDate")).doubleValue(), "RATIO"));
            }
            browser.assertNoAxeViolations("the national scorecard with B.15 open");
            browser.screenshot("malekort-detalj");

            // drill down: Nav Oslo by a click in the comparison, then Nav Sagene in Oslo's
            browser.driver().findElement(By.cssSelector("tr[data-unit='0300'] a")).click();
            browser.heading("Målekort for Nav Oslo, juni 2021");
            browser.heading("B.15 " + b15Name + " – Nav Oslo");
            assertThat(URI.create(browser.driver().getCurrentUrl()).getPath()).isEqualTo("/malekort/0300");
            assertThat(cells(browser, "B.15").get(7)).isEqualTo(figure(
                    path(row(scorecard("0300", PERIOD), "B.15"), "period.thisYear"), "RATIO"));
            browser.driver().findElement(By.cssSelector("tr[data-unit='0314'] a")).click();
            browser.heading("Målekort for Nav Sagene, juni 2021");
            browser.heading("B.15 " + b15Name + " – Nav Sagene");
            // the office's comment on the month, under the series; an office has no units below it
            browser.waitFor(By.xpath("//ul[contains(@class,'malekort-comments')]/li[contains(., "
                    + "'Færre ledige stillinger i bydelen i juni')]"));
            browser.waitFor(By.xpath("//*[normalize-space(.)='Enheten har ingen enheter under seg å sammenligne.']"));
            assertThat(cells(browser, "B.15").get(7)).isEqualTo(figure(
                    path(row(scorecard("0314", PERIOD), "B.15"), "period.thisYear"), "RATIO"));
            browser.assertNoAxeViolations("an office's scorecard with B.15 open");

            // the address is the view: opened afresh it shows the same
            browser.go("/malekort/0314?periode=" + PERIOD + "&indikator=B.15");
            browser.heading("B.15 " + b15Name + " – Nav Sagene");
        }
    }

    @Test
    void aLeaderStartsOnTheNewestMonthOfTheirOwnUnitAndWorksByKeyboardAlone() throws Exception {
        String last = given().auth().oauth2(viewer()).get(reporting() + "/api/periods").then().statusCode(200)
                .extract().path("last");
        try (Browser browser = Browser.loggedInAs("leder-oslo", "/malekort")) {
            browser.wait(Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/malekort/0300?periode=" + last));
            browser.waitFor(By.cssSelector("tr[data-indicator]"));
            browser.go("/malekort/0300?periode=" + PERIOD);
            browser.heading("Målekort for Nav Oslo, juni 2021");
            String name = (String) row(scorecard("0300", PERIOD), "B.16").get("name");

            browser.tabTo(name);
            browser.press(Keys.ENTER);
            // the detail opens with the focus on its heading
            browser.wait(Duration.ofSeconds(30)).until(d -> d.switchTo().activeElement().getText()
                    .equals("B.16 " + name + " – Nav Oslo"));
            browser.waitFor(By.cssSelector("tr[data-unit='0315']"));
            browser.tabTo("Nav Grünerløkka");
            browser.press(Keys.ENTER);
            browser.heading("Målekort for Nav Grünerløkka, juni 2021");
            assertThat(URI.create(browser.driver().getCurrentUrl()).getPath()).isEqualTo("/malekort/0315");
            browser.heading("B.16 " + name + " – Nav Grünerløkka");

            // the month picker by keyboard: the address follows
            browser.field("Måned").sendKeys(Keys.DOWN);
            browser.heading("Målekort for Nav Grünerløkka, mai 2021");
            assertThat(query(browser)).contains("periode=2021-05", "indikator=B.16");

            // closing the detail keeps the scorecard
            browser.tabTo("Lukk detaljene");
            browser.press(Keys.ENTER);
            browser.wait(Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("indikator="));
            assertThat(browser.driver().findElements(By.id("malekort-detalj"))).isEmpty();
        }
    }

    @Test
    void aUnitWithoutFiguresAndAnUnknownUnitAreToldInNorwegian() throws Exception {
        try (Browser browser = Browser.loggedInAs("innsyn-norge", "/malekort/0502?periode=2019-03")) {
            browser.waitFor(By.xpath("//*[contains(normalize-space(.), 'Ingen tall for Nav Gjøvik i mars 2019')]"));
            browser.assertNoAxeViolations("an empty scorecard");
            browser.go("/malekort/9999?periode=" + PERIOD);
            browser.waitFor(By.xpath("//*[normalize-space(.)='Enheten 9999 finnes ikke i rapporteringen. Velg en annen enhet.']"));
        }
    }

    @Test
    void anOfficeFillingTheSlotsOfAnActivityWhileItsOutcomeFallsIsFlaggedWithBothSeriesSideBySide() throws Exception {
        // the demo: B.45 (activity) is paired with B.15 (its outcome); Nav Nordstrand pushes B.45 while B.15 drops
        Map<String, Object> nordstrand = row(scorecard("0318", PERIOD), "B.45");
        assertThat(nordstrand).containsEntry("pairedOutcome", "B.15").containsEntry("displacement", true);
        assertThat(row(scorecard("0314", PERIOD), "B.45")).containsEntry("displacement", false);
        try (Browser browser = Browser.loggedInAs("leder-oslo", "/malekort/0318?periode=" + PERIOD)) {
            browser.heading("Målekort for Nav Nordstrand, juni 2021");
            assertThat(cells(browser, "B.45").get(1)).contains("Mulig målforskyvning");
            assertThat(cells(browser, "B.15").get(1)).doesNotContain("Mulig målforskyvning");
            browser.link((String) nordstrand.get("name")).click();
            browser.heading("Aktivitet og resultat: B.45 og B.15");
            browser.waitFor(By.xpath("//*[contains(normalize-space(.), 'Mulig målforskyvning: aktiviteten B.45')]"));
            browser.wait(Duration.ofSeconds(30)).until(d -> d.findElements(
                    By.cssSelector("section[aria-labelledby='malekort-par'] figure svg[role='img']")).size() == 2);
            browser.assertNoAxeViolations("a flagged activity with its outcome beside it");
            browser.screenshot("malekort-malforskyvning");

            browser.go("/malekort/0314?periode=" + PERIOD);
            browser.heading("Målekort for Nav Sagene, juni 2021");
            assertThat(cells(browser, "B.45").get(1)).doesNotContain("Mulig målforskyvning");
        }
    }

    @Test
    void noneOfTheDemosMonthsIsMarkedAsAnOutlier() throws Exception {
        // the demo data went in through result-service's REST API like any submission, outlier check included
        int checked = 0;
        for (DemoSeeder.Unit office : DemoSeeder.UNITS) {
            if (!office.level().equals("OFFICE")) {
                continue;
            }
            List<Map<String, Object>> results = given().auth().oauth2(viewer()).get(WebStack.get().urls().result()
                    + "/api/results?unitId=" + office.id() + "&from=2020-01&to=2021-12&limit=1000").then()
                    .statusCode(200).extract().jsonPath().getList("$");
            assertThat(results).as("demo results of " + office.id()).hasSize(24 * DemoSeeder.INDICATORS.size());
            assertThat(results).as("demo results of " + office.id() + " marked as outliers")
                    .allSatisfy(r -> assertThat(r.get("outlier")).as(r.get("measurementId").toString()).isNull());
            checked += results.size();
        }
        assertThat(checked).isEqualTo(DemoSeeder.results().size());
    }

    @Test
    void anOfficesFigureFarFromItsHistoryIsMarkedOnTheRowAndTheSeriesPointInWordsWithTheExpectedRange()
            throws Exception {
        // a reporting system sends Nav Bjerke's B.32 for February 2022 ten times its usual level
        String system = DevTokens.issue(List.of("reporter"), List.of("0300"));
        int usual = given().auth().oauth2(viewer()).get(WebStack.get().urls().result()
                + "/api/results?unitId=0330&indicatorId=B.32&from=2021-12&to=2021-12").then().statusCode(200)
                .extract().jsonPath().getInt("[0].value");
        given().auth().oauth2(system).contentType("application/json").body(Map.of("results", List.of(Map.of(
                "measurementId", "malekort-it/2022-02/0330/B.32", "unitId", "0330", "indicatorId", "B.32",
                "period", "2022-02", "value", usual * 10)))).post(WebStack.get().urls().result() + "/api/results")
                .then().statusCode(200).body("accepted", org.hamcrest.Matchers.equalTo(1))
                .body("warnings[0].code", org.hamcrest.Matchers.equalTo("outlier"));
        try (Browser browser = Browser.loggedInAs("leder-oslo", "/malekort/0330?periode=2022-02")) {
            browser.heading("Målekort for Nav Bjerke, februar 2022");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                browser.go("/malekort/0330?periode=2022-02");
                assertThat(cells(browser, "B.32").get(1)).contains("Uvanlig tall").containsPattern("Forventet \\d+–\\d+");
            });
            Map<String, Object> mark = row(scorecard("0330", "2022-02"), "B.32");
            @SuppressWarnings("unchecked")
            Map<String, Object> outlier = (Map<String, Object>) mark.get("outlier");
            assertThat(cells(browser, "B.32").get(1)).contains("Forventet "
                    + figure(((Number) outlier.get("expectedLow")).doubleValue(), "COUNT") + "–"
                    + figure(((Number) outlier.get("expectedHigh")).doubleValue(), "COUNT"));
            awaitSparklines(browser);
            browser.assertNoAxeViolations("a scorecard with a marked figure");

            // the detail says it in words, and the series table marks the month's point
            browser.go("/malekort/0330?periode=2022-02&indikator=B.32");
            assertThat(spaces(browser.waitFor(By.xpath("//section[@aria-labelledby='malekort-detalj']")).getText()))
                    .contains("Uvanlig tall i februar 2022: " + figure((double) usual * 10, "COUNT"));
            browser.button("Vis tallene som tabell").click();
            WebElement point = browser.waitFor(By.xpath("//table[caption[contains(., 'B.32 for Nav Bjerke per måned')]]"
                    + "//tr[th[normalize-space(.)='februar 2022']]"));
            assertThat(spaces(point.getText())).containsPattern("Uvanlig tall, forventet \\d+–\\d+");
            WebElement earlier = browser.waitFor(By.xpath("//table[caption[contains(., 'B.32 for Nav Bjerke per måned')]]"
                    + "//tr[th[normalize-space(.)='januar 2022']]"));
            assertThat(earlier.getText()).doesNotContain("Uvanlig");
            browser.assertNoAxeViolations("the detail of a marked figure");
        }
    }

    @Test
    void theScorecardDownloadsAsAWorkbookAndAsCsvForNorwegianExcel() throws Exception {
        try (Browser browser = Browser.loggedInAs("leder-oslo", "/malekort/0300?periode=" + PERIOD)) {
            browser.heading("Målekort for Nav Oslo, juni 2021");
            browser.button("Last ned Excel").click();
            byte[] workbook = java.nio.file.Files.readAllBytes(browser.downloaded("malekort-0300-2021-06.xlsx"));
            assertThat(new String(workbook, 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).as("a zip: .xlsx")
                    .isEqualTo("PK");
            browser.button("Last ned CSV").click();
            byte[] csv = java.nio.file.Files.readAllBytes(browser.downloaded("malekort-0300-2021-06.csv"));
            String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text).startsWith("\uFEFF").contains(";").contains("B.15");
            browser.button("Alle kontorer i Excel").click();
            assertThat(browser.downloaded("malekort-kontorer-0300-2021-06.xlsx")).isNotEmptyFile();
        }
    }

    /** The texts of the scorecard row of an indicator, cell by cell. */
    static List<String> cells(Browser browser, String indicatorId) {
        WebElement row = browser.waitFor(By.cssSelector("tr[data-indicator='" + indicatorId + "']"));
        return row.findElements(By.xpath("./td|./th")).stream().map(e -> spaces(e.getText()).trim()).toList();
    }

    /** Intl writes no-break spaces between thousands; the driver's text may give them as plain spaces. */
    static String spaces(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    static void awaitSparklines(Browser browser) {
        browser.wait(Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector("tr[data-indicator]")).stream()
                .allMatch(tr -> !tr.findElements(By.cssSelector("svg.malekort-spark[role='img']")).isEmpty()));
    }

    static String query(Browser browser) {
        return URI.create(browser.driver().getCurrentUrl()).getQuery();
    }

    /** A figure as the web app writes it (nb-NO): one decimal for shares, two for scores, whole counts. */
    static String figure(Double value, String measure) {
        if (value == null) {
            return "–";
        }
        int digits = switch (measure) {
            case "RATIO" -> 1;
            case "SCORE" -> 2;
            default -> 0;
        };
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP).stripTrailingZeros();
        String plain = rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
        String[] parts = plain.split("\\.");
        String whole = parts[0].replaceAll("(\\d)(?=(\\d{3})+$)", "$1 ");
        String text = (whole + (parts.length > 1 ? "," + parts[1] : "")).replace("-", "\u2212");
        return "RATIO".equals(measure) ? text + " %" : text;
    }

    static String statusText(String status) {
        return switch (status) {
            case "ON_TARGET" -> "Nådd";
            case "NEAR_TARGET" -> "Nær målet";
            case "OFF_TARGET" -> "Ikke nådd";
            case "NO_TARGET" -> "Uten mål";
            default -> "Ingen tall";
        };
    }

    static Double path(Map<String, Object> row, String path) {
        String[] parts = path.split("\\.");
        @SuppressWarnings("unchecked")
        Map<String, Object> pair = (Map<String, Object>) row.get(parts[0]);
        Object value = pair.get(parts[1]);
        return value == null ? null : ((Number) value).doubleValue();
    }

    static JsonPath scorecard(String unitId, String period) throws Exception {
        return given().auth().oauth2(viewer()).get(reporting() + "/api/scorecards/" + unitId + "?period=" + period)
                .then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> row(JsonPath scorecard, String indicatorId) {
        return scorecard.getMap("perspectives.rows.flatten().find { it.indicatorId == '" + indicatorId + "' }");
    }

    static List<Map<String, Object>> comparison(String unitId, String indicatorId, String period) throws Exception {
        return given().auth().oauth2(viewer()).get(reporting() + "/api/comparisons/" + unitId + "/" + indicatorId
                + "?period=" + period).then().statusCode(200).extract().jsonPath().getList("$");
    }

    static String viewer() {
        return DevTokens.issue(List.of("viewer"), List.of("0000"));
    }

    static String reporting() throws Exception {
        return WebStack.get().urls().reporting();
    }
}
