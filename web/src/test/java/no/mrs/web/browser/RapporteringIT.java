package no.mrs.web.browser;

import io.restassured.path.json.JsonPath;
import no.mrs.devstack.DevTokens;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Result entry (issue 12): an office's month as a form judged item by item, corrections with a reason, a CSV
 * upload, and the region's view of who has reported. Each test has a month of its own in 2022 (the demo data ends
 * in 2021), so they do not depend on each other; what is stored is checked through result-service's API.
 */
class RapporteringIT {

    private static final String LEADER_SAGENE = DevTokens.token().subject("rapportering-it").roles("leader")
            .units("0314").sign();
    private static final String DIRECTORATE = DevTokens.issue(List.of("directorate"), List.of("0000"));

    @Test
    void aLeaderEntersAMonthTheScorecardShowsItAndRefusedRowsStoreNothing() throws Exception {
        try (Browser browser = Browser.loggedInAs("leder-sagene", "/rapportering/0314?periode=2022-01")) {
            browser.heading("Resultater for Nav Sagene, januar 2022");
            // the indicators 0314 reported in January 2021 are asked for, with the fields of their measure
            assertThat(legend(browser, "B.15").getText()).contains("Ikke rapportert");
            assertThat(labels(browser, "B.90")).contains("Snitt", "Antall svar");
            assertThat(labels(browser, "B.31")).contains("Antall");
            browser.assertNoAxeViolations("the empty form");

            type(field(browser, "B.15", "Teller"), "77");
            type(field(browser, "B.15", "Nevner"), "100");
            type(field(browser, "B.15", "Kommentar (valgfritt)"), "To nye arbeidsgivere i bydelen");
            // about Nav Sagene's level in the demo data (168 a month): a figure far from it would be marked as an outlier
            type(field(browser, "B.31", "Antall"), "171");
            type(field(browser, "B.90", "Snitt"), "4,5");
            type(field(browser, "B.90", "Antall svar"), "120");
            type(field(browser, "B.16", "Teller"), "60");
            type(field(browser, "B.16", "Nevner"), "50");
            type(field(browser, "B.32", "Antall"), "-3");
            browser.button("Send inn").click();

            WebElement summary = browser.heading("Rett opp dette før du sender inn på nytt:");
            assertThat(errorOf(browser, field(browser, "B.16", "Teller")))
                    .isEqualTo("Telleren kan ikke være større enn nevneren.");
            assertThat(errorOf(browser, field(browser, "B.32", "Antall"))).isEqualTo("Antallet kan ikke være negativt.");
            assertThat(summary.findElement(By.xpath("./ancestor::*[@tabindex='-1'][1]")).getText())
                    .contains("B.16 Teller: Telleren kan ikke være større enn nevneren.");
            assertThat(browser.driver().switchTo().activeElement().getText()).contains("Rett opp dette");
            assertThat(legend(browser, "B.15").getText()).contains("Rapportert: 77 % (77 av 100)");
            assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("3 tall er lagret.");
            browser.assertNoAxeViolations("the form with refused rows");
            browser.screenshot("rapportering-skjema");
        }

        Map<String, Map<String, Object>> stored = current("0314", "2022-01");
        assertThat(stored.get("B.15")).containsEntry("numerator", 77).containsEntry("denominator", 100)
                .containsEntry("comment", "To nye arbeidsgivere i bydelen").containsEntry("reportedBy", "leder-sagene");
        assertThat(stored.get("B.31")).containsEntry("value", 171).containsEntry("outlier", null);
        assertThat(((Number) stored.get("B.90").get("numerator")).doubleValue()).isEqualTo(540.0);
        assertThat(stored.get("B.90")).containsEntry("denominator", 120);
        // nothing of a refused row is stored
        assertThat(stored).doesNotContainKeys("B.16", "B.32");

        // the scorecard in the web app shows them (the figure of the month, "Denne måneden – I år")
        try (Browser browser = Browser.loggedInAs("leder-sagene", "/malekort/0314?periode=2022-01")) {
            browser.heading("Målekort for Nav Sagene, januar 2022");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                browser.go("/malekort/0314?periode=2022-01");
                assertThat(MalekortIT.cells(browser, "B.15").get(7)).isEqualTo("77 %");
                assertThat(MalekortIT.cells(browser, "B.31").get(7)).isEqualTo("171");
                assertThat(MalekortIT.cells(browser, "B.90").get(7)).isEqualTo("4,5");
            });
        }
    }

    @Test
    void changingAReportedFigureAsksForAReasonShowsTheEarlierValueAndWorksByKeyboard() throws Exception {
        submit(LEADER_SAGENE, Map.of("measurementId", "rapportering-it/2022-06/0314/B.16", "unitId", "0314",
                "indicatorId", "B.16", "period", "2022-06", "numerator", 45, "denominator", 100));
        try (Browser browser = Browser.loggedInAs("leder-sagene", "/rapportering/0314?periode=2022-06")) {
            browser.heading("Resultater for Nav Sagene, juni 2022");
            assertThat(legend(browser, "B.16").getText()).contains("Rapportert: 45 % (45 av 100)");
            assertThat(field(browser, "B.16", "Teller").getAttribute("value")).isEqualTo("45");

            WebElement numerator = browser.tabTo("Teller 45");
            numerator.sendKeys(Keys.chord(Keys.CONTROL, "a"), "50");
            WebElement reason = field(browser, "B.16", "Begrunnelse for retting");
            assertThat(descriptionOf(browser, reason)).contains("Tidligere: 45 % (45 av 100)");
            browser.tabTo("Send inn");
            browser.press(Keys.ENTER);

            browser.heading("Rett opp dette før du sender inn på nytt:");
            assertThat(errorOf(browser, field(browser, "B.16", "Begrunnelse for retting")))
                    .isEqualTo("Tallet er allerede rapportert. Skriv en begrunnelse for rettingen.");
            assertThat(current("0314", "2022-06").get("B.16")).containsEntry("numerator", 45);
            browser.assertNoAxeViolations("a correction without a reason");

            // the error summary's link takes the keyboard to the field
            browser.tabTo("B.16 Begrunnelse for retting:");
            browser.press(Keys.ENTER);
            WebElement reasonField = field(browser, "B.16", "Begrunnelse for retting");
            browser.wait(Duration.ofSeconds(10)).until(d -> d.switchTo().activeElement().equals(reasonField));
            browser.press("To overganger var telt to ganger");
            browser.tabTo("Send inn");
            browser.press(Keys.ENTER);
            browser.wait(Duration.ofSeconds(30)).until(d -> legend(browser, "B.16").getText()
                    .contains("Rapportert: 50 % (50 av 100)"));
            assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("1 tall er lagret.");
        }
        assertThat(current("0314", "2022-06").get("B.16")).containsEntry("numerator", 50)
                .containsEntry("correctionReason", "To overganger var telt to ganger");
        List<Object> history = given().auth().oauth2(LEADER_SAGENE).get(WebStack.get().urls().result()
                + "/api/results/history?unitId=0314&indicatorId=B.16&period=2022-06").then().statusCode(200)
                .extract().jsonPath().getList("numerator");
        assertThat(history).containsExactly(45, 50);
    }

    @Test
    void aFigureFarFromTheOfficesHistoryIsAcceptedWithAWarningAndMarkedUntilALeaderConfirmsIt() throws Exception {
        // Nav Sagene reports about 168 "Fått jobben" (B.31) a month in the demo data; 1 680 has a digit too many
        try (Browser browser = Browser.loggedInAs("leder-sagene", "/rapportering/0314?periode=2022-03")) {
            browser.heading("Resultater for Nav Sagene, mars 2022");
            type(field(browser, "B.31", "Antall"), "1680");
            browser.button("Send inn").click();
            browser.heading("Uvanlige tall");
            String main = MalekortIT.spaces(browser.driver().findElement(By.tagName("main")).getText());
            assertThat(main).contains("1 tall er lagret.")
                    .containsPattern("B\\.31: 1 680 ligger langt unna kontorets egne tall \\(forventet \\d+–\\d+\\)");
            // the row says so in words, with the range, and offers the leader a confirmation
            assertThat(legend(browser, "B.31").getText()).contains("Uvanlig tall", "forventet");
            assertThat(labels(browser, "B.31")).contains("Begrunnelse for at tallet er riktig");
            browser.assertNoAxeViolations("a figure marked as an outlier");
            browser.screenshot("rapportering-uvanlig-tall");
        }
        assertThat(outlier("0314", "2022-03", "B.31")).containsEntry("figure", 1680)
                .containsEntry("confirmedBy", null);

        // the scorecard marks the office's row, with the expected range in text
        try (Browser browser = Browser.loggedInAs("leder-sagene", "/malekort/0314?periode=2022-03")) {
            browser.heading("Målekort for Nav Sagene, mars 2022");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                browser.go("/malekort/0314?periode=2022-03");
                assertThat(MalekortIT.cells(browser, "B.31").get(1)).contains("Uvanlig tall", "Forventet");
            });
            browser.assertNoAxeViolations("the scorecard with a marked figure");
        }

        // a leader confirms it with a reason; without one it is refused
        try (Browser browser = Browser.loggedInAs("leder-sagene", "/rapportering/0314?periode=2022-03")) {
            browser.heading("Resultater for Nav Sagene, mars 2022");
            browser.button("Bekreft tallet for B.31").click();
            assertThat(errorOf(browser, field(browser, "B.31", "Begrunnelse for at tallet er riktig")))
                    .isEqualTo("Skriv en begrunnelse for at tallet er riktig.");
            assertThat(outlier("0314", "2022-03", "B.31")).containsEntry("confirmedBy", null);
            type(field(browser, "B.31", "Begrunnelse for at tallet er riktig"), "Jobbmessen i mars: 1 500 fikk jobb");
            browser.button("Bekreft tallet for B.31").click();
            browser.wait(Duration.ofSeconds(30)).until(d -> legend(browser, "B.31").getText()
                    .contains("Bekreftet av leder-sagene: «Jobbmessen i mars: 1 500 fikk jobb»"));
            browser.assertNoAxeViolations("a confirmed figure");
        }
        assertThat(outlier("0314", "2022-03", "B.31")).containsEntry("confirmedBy", "leder-sagene")
                .containsEntry("confirmationReason", "Jobbmessen i mars: 1 500 fikk jobb");

        // and the mark goes from the scorecard
        try (Browser browser = Browser.loggedInAs("leder-sagene", "/malekort/0314?periode=2022-03")) {
            browser.heading("Målekort for Nav Sagene, mars 2022");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                browser.go("/malekort/0314?periode=2022-03");
                assertThat(MalekortIT.cells(browser, "B.31").get(1)).doesNotContain("Uvanlig tall");
                assertThat(MalekortIT.cells(browser, "B.31").get(7)).isEqualTo("1 680");
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> outlier(String unitId, String period, String indicatorId) throws Exception {
        Map<String, Object> mark = (Map<String, Object>) current(unitId, period).get(indicatorId).get("outlier");
        return mark == null ? Map.of() : new java.util.HashMap<>(mark);
    }

    @Test
    void aLockedMonthSaysSo() throws Exception {
        given().auth().oauth2(DIRECTORATE).contentType("application/json").body("{\"reason\":\"rapportering-it\"}")
                .post(WebStack.get().urls().result() + "/api/periods/2019-07/lock").then().statusCode(201);
        try (Browser browser = Browser.loggedInAs("leder-sagene", "/rapportering/0314?periode=2019-07")) {
            browser.heading("Resultater for Nav Sagene, juli 2019");
            assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("Måneden er låst")
                    .contains("En leder kan rette et rapportert tall med begrunnelse.");
        }
    }

    @Test
    void aCsvUploadNamesTheLineAndReasonOfWhatWasRefused() throws Exception {
        Path file = Files.createTempFile("rapportering-it", ".csv");
        Files.writeString(file, String.join("\r\n",
                "measurementId,unitId,indicatorId,period,numerator,denominator,value,comment,correctionReason",
                "rapportering-it/2022-09/0314/B.15,0314,B.15,2022-09,70,100,,\"Flere, men bedre møter\",",
                "",
                "rapportering-it/2022-09/0314/B.16,0314,B.16,2022-09,120,100,,,",
                "rapportering-it/2022-09/0314/B.31,0314,B.31,2022-09,,,12,,") + "\r\n", StandardCharsets.UTF_8);
        try (Browser browser = Browser.loggedInAs("leder-sagene", "/rapportering/0314?periode=2022-09")) {
            browser.heading("Last opp CSV-fil");
            browser.driver().findElement(By.cssSelector("input[type='file']")).sendKeys(file.toString());
            browser.waitFor(By.xpath("//*[contains(normalize-space(.), '" + file.getFileName() + "')]"));
            browser.button("Last opp").click();

            WebElement result = browser.heading("Resultat av opplastingen");
            assertThat(browser.driver().switchTo().activeElement()).isEqualTo(result);
            String section = result.findElement(By.xpath("./ancestor::section[1]")).getText();
            assertThat(section).contains("2 rader er lagret.").contains("1 rad ble avvist:");
            String row = browser.waitFor(By.xpath("//caption[normalize-space(.)='Avviste linjer']"
                    + "/ancestor::table//tbody/tr")).getText();
            assertThat(row).startsWith("4 rapportering-it/2022-09/0314/B.16")
                    .contains("numerator").contains("Telleren kan ikke være større enn nevneren.");
            browser.assertNoAxeViolations("the CSV result");
            // the form shows what the upload stored
            browser.wait(Duration.ofSeconds(30)).until(d -> legend(browser, "B.31").getText().contains("Rapportert: 12"));
        } finally {
            Files.deleteIfExists(file);
        }
        Map<String, Map<String, Object>> stored = current("0314", "2022-09");
        assertThat(stored).containsKeys("B.15", "B.31").doesNotContainKey("B.16");
        assertThat(stored.get("B.15")).containsEntry("comment", "Flere, men bedre møter");
    }

    @Test
    void aRegionLeaderSeesWhichOfficesHaveNotReported() throws Exception {
        // Sagene reports every indicator it reported in November 2021; the other Oslo offices report nothing
        List<Map<String, Object>> lastYear = given().auth().oauth2(LEADER_SAGENE).get(WebStack.get().urls().result()
                + "/api/results?unitId=0314&from=2021-11&to=2021-11&limit=1000").then().statusCode(200).extract()
                .jsonPath().getList("");
        Map<String, String> measures = new java.util.HashMap<>();
        given().auth().oauth2(LEADER_SAGENE).get(WebStack.get().urls().goal() + "/api/indicators?limit=1000").then()
                .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("")
                .forEach(i -> measures.put((String) i.get("indicatorId"), (String) i.get("measure")));
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> r : lastYear) {
            String indicator = (String) r.get("indicatorId");
            Map<String, Object> item = new java.util.HashMap<>(Map.of("measurementId",
                    "rapportering-it/2022-11/0314/" + indicator, "unitId", "0314", "indicatorId", indicator,
                    "period", "2022-11"));
            switch (measures.get(indicator)) {
                case "COUNT" -> item.put("value", 7);
                case "SCORE" -> item.putAll(Map.of("numerator", 40, "denominator", 10));
                default -> item.putAll(Map.of("numerator", 4, "denominator", 10));
            }
            items.add(item);
        }
        submit(LEADER_SAGENE, items.toArray(Map[]::new));

        try (Browser browser = Browser.loggedInAs("leder-oslo", "/rapportering?periode=2022-11")) {
            // a region's leader starts on the status of the offices below the region
            browser.heading("Rapporteringsstatus");
            assertThat(browser.driver().getCurrentUrl()).contains("/rapportering/status/0300?periode=2022-11");
            WebElement sagene = officeRow(browser, "Nav Sagene (0314)");
            WebElement grunerlokka = officeRow(browser, "Nav Grünerløkka (0315)");
            int expected = lastYear.size();
            assertThat(sagene.getText()).contains(expected + " av " + expected).doesNotContain("Mangler");
            assertThat(grunerlokka.getText()).contains("0 av " + expected).contains("Mangler")
                    .doesNotContain("Rapportert");
            // the status is text, and an icon whose text alternative says the same
            assertThat(sagene.findElements(By.cssSelector("svg[role='img'] title")).get(0).getAttribute("textContent"))
                    .isEqualTo("Rapportert");
            browser.assertNoAxeViolations("the status view");
            browser.screenshot("rapportering-status");

            browser.driver().findElement(By.xpath("//label[normalize-space(.)='Bare manglende']")).click();
            browser.wait(Duration.ofSeconds(10)).until(d -> d.findElements(officeRowBy("Nav Sagene (0314)")).isEmpty());
            assertThat(browser.driver().getCurrentUrl()).contains("vis=manglende").contains("periode=2022-11");
            assertThat(officeRow(browser, "Nav Grünerløkka (0315)").getText()).contains("Mangler");
            assertThat(officeRow(browser, "Nav St. Hanshaugen (0313)").getText()).contains("Mangler");
            browser.assertNoAxeViolations("the status view, only missing");
        }
    }

    private static WebElement legend(Browser browser, String indicatorId) {
        return browser.waitFor(By.xpath("//fieldset/legend[starts-with(normalize-space(.), '" + indicatorId
                + " ')]/ancestor::fieldset[1]"));
    }

    private static List<String> labels(Browser browser, String indicatorId) {
        return legend(browser, indicatorId).findElements(By.tagName("label")).stream().map(WebElement::getText)
                .toList();
    }

    private static WebElement field(Browser browser, String indicatorId, String label) {
        WebElement labelElement = legend(browser, indicatorId).findElement(By.xpath(".//label[normalize-space(.)='"
                + label + "']"));
        return browser.driver().findElement(By.id(labelElement.getAttribute("for")));
    }

    private static void type(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    /** The error message the field is described by (Aksel links it with aria-describedby). */
    private static String errorOf(Browser browser, WebElement field) {
        browser.wait(Duration.ofSeconds(10)).until(d -> "true".equals(field.getAttribute("aria-invalid")));
        return describedBy(browser, field, ".aksel-error-message, .navds-error-message").trim();
    }

    private static String descriptionOf(Browser browser, WebElement field) {
        return describedBy(browser, field, "*");
    }

    private static String describedBy(Browser browser, WebElement field, String selector) {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("""
                return (arguments[0].getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean)
                  .map(id => document.getElementById(id)).filter(e => e)
                  .map(e => e.matches(arguments[1]) ? e : e.querySelector(arguments[1]) || (arguments[1] === '*' ? e : null))
                  .filter(e => e).map(e => e.textContent).join(' ');
                """, field, selector);
    }

    private static By officeRowBy(String office) {
        return By.xpath("//table//tr[th[normalize-space(.)='" + office + "']]");
    }

    private static WebElement officeRow(Browser browser, String office) {
        return browser.waitFor(officeRowBy(office));
    }

    @SafeVarargs
    private static void submit(String token, Map<String, Object>... items) throws Exception {
        given().auth().oauth2(token).contentType("application/json").body(Map.of("results", List.of(items)))
                .post(WebStack.get().urls().result() + "/api/results").then().statusCode(200)
                .body("accepted", org.hamcrest.Matchers.equalTo(items.length));
    }

    private static Map<String, Map<String, Object>> current(String unitId, String period) throws Exception {
        List<Map<String, Object>> results = given().auth().oauth2(LEADER_SAGENE).get(WebStack.get().urls().result()
                + "/api/results?unitId=" + unitId + "&from=" + period + "&to=" + period + "&limit=1000").then()
                .statusCode(200).extract().jsonPath().getList("");
        Map<String, Map<String, Object>> out = new java.util.HashMap<>();
        results.forEach(r -> out.put((String) r.get("indicatorId"), r));
        return out;
    }
}
