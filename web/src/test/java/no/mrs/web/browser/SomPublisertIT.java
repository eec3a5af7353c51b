package no.mrs.web.browser;

import no.mrs.devstack.DevTokens;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static no.mrs.web.browser.MalekortIT.cells;
import static no.mrs.web.browser.MalekortIT.figure;
import static no.mrs.web.browser.MalekortIT.row;
import static no.mrs.web.browser.MalekortIT.scorecard;
import static no.mrs.web.browser.MalekortIT.spaces;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Målekort "som publisert" (issue 13): the scorecard as it was published at a moment, with the rows changed since
 * marked with the figures now and the correction's reason; chosen by keyboard, shared by its address. The test
 * corrects its own figure (Nav Sarpsborg's B.77 for March 2021) and reads the rest of the demo as it is.
 */
class SomPublisertIT {

    private static final String OFFICE = "0105";
    private static final String PERIOD = "2021-03";
    private static final String REASON = "Feil i fagsystemet (som publisert-test)";

    @Test
    void aScorecardAsPublishedBeforeACorrectionShowsTheOldFigureAndMarksTheRowWithTheReason() throws Exception {
        Map<String, Object> before = row(scorecard(OFFICE, PERIOD), "B.77");
        Double old = MalekortIT.path(before, "period.thisYear");
        Instant published = Instant.now();
        Thread.sleep(5); // the correction's event time comes after the moment shown as published

        // Nav Østfold's leader corrects the office's figure, with a reason
        String leader = DevTokens.issue(List.of("leader"), List.of("0200"));
        given().auth().oauth2(leader).contentType("application/json").body(Map.of("results", List.of(Map.of(
                "measurementId", "som-publisert-it/" + OFFICE + "/B.77/" + PERIOD, "unitId", OFFICE,
                "indicatorId", "B.77", "period", PERIOD, "numerator", 1, "denominator", 100,
                "correctionReason", REASON)))).post(WebStack.get().urls().result() + "/api/results").then()
                .statusCode(200).body("accepted", org.hamcrest.Matchers.equalTo(1));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Double.valueOf(1.0).equals(MalekortIT.path(row(scorecard(OFFICE, PERIOD), "B.77"), "period.thisYear")));

        String address = "/malekort/" + OFFICE + "?periode=" + PERIOD + "&publisert=" + published;
        try (Browser browser = Browser.loggedInAs("direktoratet", address)) {
            browser.waitFor(By.xpath("//h1[starts-with(normalize-space(.), 'Målekort for Nav Sarpsborg, mars 2021, som"
                    + " publisert')]"));
            // the figure as it was, and the row marked with the figure now and why it changed
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<String> cells = cells(browser, "B.77");
                assertThat(cells.get(7)).isEqualTo(figure(old, "RATIO"));
                assertThat(cells.get(1)).contains("Endret siden").contains("denne måneden 1 %")
                        .contains("1 retting: " + REASON);
            });
            assertThat(spaces(browser.waitFor(By.cssSelector(".navds-alert, .aksel-alert")).getText()))
                    .contains("Viser målekortet slik det var publisert");
            MalekortIT.awaitSparklines(browser);
            browser.assertNoAxeViolations("a scorecard as published");
            browser.screenshot("malekort-som-publisert");

            // back to the figures as they stand, by keyboard
            browser.tabTo("Vis gjeldende tall");
            browser.press(Keys.ENTER);
            browser.heading("Målekort for Nav Sarpsborg, mars 2021");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<String> cells = cells(browser, "B.77");
                assertThat(cells.get(7)).isEqualTo(figure(1.0, "RATIO"));
                assertThat(cells.get(1)).doesNotContain("Endret siden");
            });

            // choosing a day by keyboard: today at the end of the day is now, so nothing has changed since
            String today = LocalDate.now(ZoneId.of("Europe/Oslo")).format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
            browser.field("Som publisert dato").sendKeys(today);
            browser.tabTo("Vis som publisert");
            browser.press(Keys.ENTER);
            browser.waitFor(By.xpath("//h1[starts-with(normalize-space(.), 'Målekort for Nav Sarpsborg, mars 2021, som"
                    + " publisert')]"));
            assertThat(MalekortIT.query(browser)).contains("publisert=");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(cells(browser, "B.77").get(7)).isEqualTo(figure(1.0, "RATIO")));
            browser.assertNoAxeViolations("the as-published form");

            // a time that is not one is told in Norwegian
            browser.tabTo("Vis gjeldende tall");
            browser.press(Keys.ENTER);
            browser.heading("Målekort for Nav Sarpsborg, mars 2021");
            browser.field("Som publisert dato").sendKeys(today);
            browser.field("Klokkeslett").sendKeys("25:99");
            browser.tabTo("Vis som publisert");
            browser.press(Keys.ENTER);
            assertThat(browser.waitFor(By.xpath("//*[contains(., 'Skriv klokkeslettet som tt:mm')]")).isDisplayed())
                    .isTrue();
        }
    }
}
