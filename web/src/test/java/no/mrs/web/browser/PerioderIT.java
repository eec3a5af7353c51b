package no.mrs.web.browser;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import no.mrs.devstack.DevTokens;
import no.mrs.devstack.MrsService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The periods view: the directorate locks a month with a confirm step, a month locked meanwhile is reported in
 * Norwegian, and others see the months without the lock button. The months here are 2019's (no demo data, no
 * other test's).
 */
class PerioderIT {

    private static final String DIRECTORATE = DevTokens.issue(List.of("directorate"), List.of("0000"));

    @Test
    void theDirectorateLocksAMonthAndSeesItLocked() throws Exception {
        try (Browser browser = Browser.loggedInAs("direktoratet", "/perioder?ar=2019")) {
            browser.heading("Perioder");
            WebElement march = row(browser, "mars 2019");
            assertThat(march.getText()).contains("Åpen");
            browser.assertNoAxeViolations("the months of 2019");

            browser.button("Lås mars 2019").click();
            browser.heading("Låse mars 2019?");
            browser.field("Begrunnelse (valgfritt)").sendKeys("Månedstallene er publisert");
            browser.assertNoAxeViolations("the lock confirmation");
            browser.button("Ja, lås måneden").click();

            browser.waitFor(By.xpath("//*[normalize-space(.)='mars 2019 er låst.']"));
            browser.wait(java.time.Duration.ofSeconds(30)).until(d -> row(browser, "mars 2019").getText().contains("Låst"));
            assertThat(row(browser, "mars 2019").getText()).contains("direktoratet", "Månedstallene er publisert");
            assertThat(browser.driver().findElements(By.xpath("//button[normalize-space(.)='Lås mars 2019']"))).isEmpty();
            Map<String, Object> lock = locks().getMap("find { it.period == '2019-03' }");
            assertThat(lock).containsEntry("lockedBy", "direktoratet").containsEntry("reason", "Månedstallene er publisert");
            browser.assertNoAxeViolations("the months of 2019 with one locked");
            browser.screenshot("perioder");

            // someone locks April meanwhile: the view says so in Norwegian, and shows it locked
            RestAssured.given().auth().oauth2(DIRECTORATE)
                    .post(WebStack.get().url(MrsService.RESULT) + "/api/periods/2019-04/lock").then().statusCode(201);
            browser.button("Lås april 2019").click();
            browser.button("Ja, lås måneden").click();
            browser.waitFor(By.xpath("//*[normalize-space(.)='april 2019 var allerede låst.']"));
            browser.wait(java.time.Duration.ofSeconds(30)).until(d -> row(browser, "april 2019").getText().contains("Låst"));
        }
    }

    @Test
    void aLeaderSeesTheMonthsWithoutTheLockButton() throws Exception {
        try (Browser browser = Browser.loggedInAs("leder-sagene", "/perioder?ar=2020")) {
            browser.heading("Perioder");
            assertThat(row(browser, "desember 2020").getText()).containsAnyOf("Åpen", "Låst");
            assertThat(browser.driver().findElements(By.xpath("//button[starts-with(normalize-space(.), 'Lås ')]")))
                    .isEmpty();
            browser.assertNoAxeViolations("the months of 2020 for a leader");
        }
    }

    private static WebElement row(Browser browser, String month) {
        return browser.waitFor(By.xpath("//tr[th[@scope='row'][normalize-space(.)=" + Browser.xpathLiteral(month) + "]]"));
    }

    private static JsonPath locks() throws Exception {
        return RestAssured.given().auth().oauth2(DIRECTORATE).get(WebStack.get().url(MrsService.RESULT)
                + "/api/periods?limit=1000").then().statusCode(200).extract().jsonPath();
    }
}
