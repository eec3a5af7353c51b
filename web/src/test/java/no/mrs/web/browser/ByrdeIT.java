package no.mrs.web.browser;

import io.restassured.path.json.JsonPath;
import no.mrs.devstack.DevTokens;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rapporteringsbyrde (issue 14, item 3): the burden of every unit as reporting-service answers it, each office's
 * figures equal to a count made here from goal-service's and result-service's own public APIs (the goal budget's
 * steering goals and cap, the current results of the year with their versions), the heaviest first, by keyboard.
 * Reads only the demo data (2021).
 */
class ByrdeIT {

    @Test
    void theBurdenOfOslosOfficesEqualsWhatGoalServiceAndResultServiceCount() throws Exception {
        JsonPath burden = burden("0300", "unit");
        List<String> offices = burden.getList("units.findAll { it.level == 'OFFICE' }.unitId");
        assertThat(offices).contains("0313", "0314", "0315", "0318", "0330", "0334");
        for (String office : offices) {
            Map<String, Object> entry = burden.getMap("units.find { it.unitId == '" + office + "' }");
            JsonPath budget = JsonPath.from(given().auth().oauth2(viewer()).get(WebStack.get().urls().goal()
                    + "/api/units/" + office + "/goal-budget?year=2021").then().statusCode(200).extract().asString());
            assertThat(entry.get("steeringGoals")).as(office + " steering goals").isEqualTo(budget.getInt("steeringGoals"));
            assertThat(entry.get("goalBudget")).as(office + " goal budget").isEqualTo(budget.getInt("maxSteeringGoals"));
            List<Integer> versions = given().auth().oauth2(viewer()).get(WebStack.get().urls().result()
                    + "/api/results?unitId=" + office + "&from=2021-01&to=2021-12&limit=1000").then().statusCode(200)
                    .extract().jsonPath().getList("version", Integer.class);
            assertThat(entry.get("submissions")).as(office + " submissions").isEqualTo(versions.size());
            assertThat(entry.get("corrections")).as(office + " corrections")
                    .isEqualTo(versions.stream().mapToInt(v -> v - 1).sum());
        }
        assertThat(burden.getInt("units.find { it.unitId == '0300' }.submissions")).isEqualTo(
                offices.stream().mapToInt(o -> burden.getInt("units.find { it.unitId == '" + o + "' }.submissions")).sum());

        try (Browser browser = Browser.loggedInAs("direktoratet", "/byrde/0000?ar=2021")) {
            browser.heading("Rapporteringsbyrde for Norge og enhetene under, 2021");
            List<String> heaviest = burden("0000", "heaviest").getList("units.unitId");
            awaitRows(browser, heaviest.size());
            assertThat(rows(browser)).as("the heaviest first").isEqualTo(heaviest);
            Map<String, Object> sagene = burden.getMap("units.find { it.unitId == '0314' }");
            String text = browser.waitFor(By.cssSelector("tr[data-unit='0314']")).getText();
            assertThat(text).contains("Nav Sagene (0314)", "Kontor",
                    sagene.get("steeringGoals") + " av " + sagene.get("goalBudget"),
                    String.valueOf(sagene.get("indicatorsPerMonth")), String.valueOf(sagene.get("submissions")));
            browser.assertNoAxeViolations("the burden of the nation, heaviest first");
            browser.screenshot("rapporteringsbyrde");

            // by keyboard alone: by unit number, then offices only; the address follows each choice
            WebElement order = browser.tabTo("Tyngst først");
            assertThat(order.getAttribute("id")).isEqualTo(browser.field("Rekkefølge").getAttribute("id"));
            order.sendKeys(Keys.DOWN);
            browser.wait(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("sortering=enhet"));
            List<String> byUnit = burden("0000", "unit").getList("units.unitId");
            browser.wait(Duration.ofSeconds(30)).until(d -> rows(browser).equals(byUnit));
            WebElement level = browser.tabTo("Alle nivåer");
            assertThat(level.getAttribute("id")).isEqualTo(browser.field("Nivå").getAttribute("id"));
            level.sendKeys(Keys.DOWN);
            browser.wait(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("niva=REGION"));
            browser.field("Nivå").sendKeys(Keys.DOWN);
            browser.wait(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("niva=OFFICE"));
            List<String> allOffices = burden("0000", "unit&level=OFFICE").getList("units.unitId");
            assertThat(allOffices).isSorted().hasSizeGreaterThan(10);
            browser.wait(Duration.ofSeconds(30)).until(d -> rows(browser).equals(allOffices));
            browser.assertNoAxeViolations("the offices by unit number");
        }
    }

    @Test
    void anUnknownUnitIsToldInNorwegian() throws Exception {
        try (Browser browser = Browser.loggedInAs("innsyn-norge", "/byrde/9999?ar=2021")) {
            browser.waitFor(By.xpath("//*[normalize-space(.)='Enheten 9999 finnes ikke i rapporteringen. Velg en annen enhet.']"));
            browser.assertNoAxeViolations("an unknown unit's burden");
        }
    }

    private static void awaitRows(Browser browser, int count) {
        browser.wait(Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector("tr[data-unit]")).size() == count);
    }

    private static List<String> rows(Browser browser) {
        return browser.driver().findElements(By.cssSelector("tr[data-unit]")).stream()
                .map((WebElement tr) -> tr.getAttribute("data-unit")).toList();
    }

    private static JsonPath burden(String unitId, String sort) throws Exception {
        return JsonPath.from(given().auth().oauth2(viewer()).get(WebStack.get().urls().reporting() + "/api/burden/"
                + unitId + "?year=2021&sort=" + sort).then().statusCode(200).extract().asString());
    }

    private static String viewer() {
        return DevTokens.issue(List.of("viewer"), List.of("0000"));
    }
}
