package no.mrs.web.browser;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import no.mrs.devstack.DevTokens;
import no.mrs.devstack.MrsService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The goal-letter view: the directorate drafts, edits, sees what the letter costs each unit's goal budget and
 * publishes; a region's leader drafts for its offices; an employee only reads. The letters here are for 2025 (no
 * other test's year); a unit's budget changed here (Vestre Aker, 0334, in 2025) is set back.
 */
class MalbrevIT {

    private static final int YEAR = 2025;
    private static final String DIRECTORATE = DevTokens.issue(List.of("directorate"), List.of("0000"));

    @Test
    void theDirectorateDraftsALetterSeesItsBudgetCostAndPublishesIt() throws Exception {
        try (Browser browser = Browser.loggedInAs("direktoratet", "/malbrev")) {
            browser.heading("Målbrev");
            browser.link("Mål- og disponeringsbrev 2021");
            browser.assertNoAxeViolations("the letter list");

            browser.link("Nytt målbrev").click();
            browser.heading("Nytt målbrev");
            type(browser.field("År"), String.valueOf(YEAR));
            assertThat(new Select(browser.field("Utsteder")).getFirstSelectedOption().getText()).isEqualTo("Norge (0000)");
            type(browser.field("Tittel"), "Mål- og disponeringsbrev " + YEAR);
            type(browser.field("Hovedmål"), "Flere i arbeid" + Keys.ENTER + "Bedre brukermøter");
            new Select(goalField(browser, 1, "Indikator")).selectByValue("B.15");
            new Select(goalField(browser, 1, "Hovedmål for målet")).selectByVisibleText("Flere i arbeid");
            type(goalField(browser, 1, "Mål for året"), "120");
            browser.button("Lagre utkastet").click();

            // goal-service refuses the target; the field says why, in Norwegian, and the summary has the focus
            WebElement summary = browser.waitFor(By.cssSelector(".aksel-error-summary"));
            assertThat(summary.getText()).contains("Målet er utenfor det tillatte området. Andel i prosent, fra 0 til 100.");
            browser.wait(Duration.ofSeconds(10)).until(d -> summary.equals(d.switchTo().activeElement())
                    || summary.findElements(By.xpath(".//*")).contains(d.switchTo().activeElement()));
            assertThat(goalFieldset(browser, 1).getText()).contains("Målet er utenfor det tillatte området");
            browser.assertNoAxeViolations("the letter editor with a field error");

            type(goalField(browser, 1, "Mål for året"), "81,5");
            browser.button("Legg til mål").click();
            new Select(goalField(browser, 2, "Indikator")).selectByValue("B.31");
            type(goalField(browser, 2, "Mål for året"), "2100");
            goalFieldset(browser, 2).findElement(By.xpath(".//label[contains(., 'tilpasse målet lokalt')]")).click();
            browser.button("Legg til mål").click();
            new Select(goalField(browser, 3, "Indikator")).selectByValue("B.90");
            new Select(goalField(browser, 3, "Type mål")).selectByValue("MONITORING");
            browser.button("Legg til mål").click();
            browser.button("Fjern mål 4").click();
            assertThat(browser.driver().findElements(By.xpath("//fieldset[legend[normalize-space(.)='Mål 4']]"))).isEmpty();
            browser.assertNoAxeViolations("the letter editor");
            browser.button("Lagre utkastet").click();

            browser.heading("Mål- og disponeringsbrev " + YEAR);
            browser.waitFor(By.xpath("//*[normalize-space(.)='Utkastet er lagret.']"));
            String letterId = browser.driver().getCurrentUrl().replaceAll(".*/malbrev/([^/?]+).*", "$1");
            JsonPath drafted = api("/api/goal-letters/" + letterId);
            assertThat(drafted.getString("status")).isEqualTo("DRAFT");
            assertThat(drafted.getList("goals.indicatorId")).containsExactly("B.15", "B.31", "B.90");
            assertThat(drafted.getString("goals[1].localAdjustment")).isEqualTo("FORBIDDEN");
            assertThat(drafted.getDouble("goals[0].target")).isEqualTo(81.5);
            assertThat(browser.driver().findElement(By.tagName("table")).getText()).contains("B.15", "81,5 %", "Styring",
                    "B.90", "Følges", "Ikke tillatt");
            browser.screenshot("malbrev-utkast");

            // edit the draft: B.15's target changes
            browser.link("Endre utkastet").click();
            browser.heading("Endre utkast");
            type(goalField(browser, 1, "Mål for året"), "82");
            browser.button("Lagre utkastet").click();
            browser.waitFor(By.xpath("//*[normalize-space(.)='Utkastet er lagret.']"));
            assertThat(api("/api/goal-letters/" + letterId).getDouble("goals[0].target")).isEqualTo(82.0);

            // Vestre Aker may have only one steering goal in 2025: the preview marks it, publication is refused
            int vestreAkerNow = api("/api/units/0334/goal-budget?year=" + YEAR).getInt("steeringGoals");
            setBudget("0334", vestreAkerNow + 1);
            int sageneNow = api("/api/units/0314/goal-budget?year=" + YEAR).getInt("steeringGoals");
            List<String> sageneInForce = api("/api/units/0314/goals?year=" + YEAR + "&limit=1000").getList("indicatorId");
            long sageneAdded = List.of("B.15", "B.31").stream().filter(i -> !sageneInForce.contains(i)).count();
            try {
                browser.link("Se kostnad og publiser").click();
                browser.heading("Publiser målbrev");
                WebElement vestreAker = costRow(browser, "Nav Vestre Aker (0334)");
                assertThat(vestreAker.getText()).contains("Over budsjettet");
                WebElement sagene = costRow(browser, "Nav Sagene (0314)");
                assertThat(cells(sagene)).startsWith(String.valueOf(sageneNow), String.valueOf(sageneNow + sageneAdded), "8");
                assertThat(sagene.getText()).contains("Innenfor budsjettet");
                browser.waitFor(By.xpath("//*[contains(., 'vil få flere styringsmål enn budsjettet tillater')]"));
                browser.assertNoAxeViolations("the budget cost preview");

                browser.button("Publiser").click();
                browser.heading("Publisere målbrevet?");
                browser.button("Ja, publiser").click();
                WebElement refused = browser.waitFor(By.xpath("//*[@role='alert'][contains(., 'Publiseringen ble avvist')]"));
                assertThat(refused.getText()).contains("Nav Vestre Aker (0334): " + (vestreAkerNow + 2)
                        + " styringsmål, budsjett " + (vestreAkerNow + 1));
                assertThat(api("/api/goal-letters/" + letterId).getString("status")).isEqualTo("DRAFT");
                browser.assertNoAxeViolations("the refused publication");
            } finally {
                setBudget("0334", 8);
            }

            browser.go("/malbrev/" + letterId + "/publiser");
            browser.waitFor(By.xpath("//*[normalize-space(.)='Alle enhetene holder seg innenfor målbudsjettet.']"));
            browser.button("Publiser").click();
            browser.heading("Publisere målbrevet?");
            browser.button("Ja, publiser").click();
            browser.heading("Mål- og disponeringsbrev " + YEAR);
            browser.waitFor(By.xpath("//*[contains(., 'Målbrevet er publisert. Målene gjelder nå.')]"));
            assertThat(browser.driver().findElements(By.xpath("//a[normalize-space(.)='Endre utkastet']"))).isEmpty();
        }

        JsonPath published = api("/api/goal-letters?year=" + YEAR + "&issuerUnitId=0000");
        assertThat(published.getList("status")).containsExactly("PUBLISHED");
        JsonPath inForce = api("/api/units/0314/goals?year=" + YEAR + "&limit=1000");
        List<Map<String, Object>> fromLetter = inForce.getList("findAll { it.sourceUnitId == '0000' }");
        assertThat(fromLetter).extracting(g -> g.get("indicatorId")).contains("B.31", "B.90");
        assertThat(fromLetter).extracting(g -> g.get("letterId")).containsOnly(published.getString("[0].letterId"));
    }

    @Test
    void aRegionsLeaderDraftsALetterForItsOffices() throws Exception {
        try (Browser browser = Browser.loggedInAs("leder-oslo", "/malbrev?ar=" + YEAR)) {
            browser.heading("Målbrev");
            browser.link("Nytt målbrev").click();
            browser.heading("Nytt målbrev");
            assertThat(new Select(browser.field("Utsteder")).getOptions()).extracting(WebElement::getText)
                    .containsExactly("Nav Oslo (0300)");
            type(browser.field("År"), String.valueOf(YEAR));
            String title = "Nav Oslos målbrev " + YEAR + " " + System.nanoTime();
            type(browser.field("Tittel"), title);
            new Select(goalField(browser, 1, "Indikator")).selectByValue("B.16");
            type(goalField(browser, 1, "Mål for året"), "50");
            browser.button("Lagre utkastet").click();

            browser.heading(title);
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("Utkast", "Nav Oslo og kontorene under");
            String letterId = browser.driver().getCurrentUrl().replaceAll(".*/malbrev/([^/?]+).*", "$1");
            JsonPath letter = api("/api/goal-letters/" + letterId);
            assertThat(letter.getString("issuerUnitId")).isEqualTo("0300");
            assertThat(letter.getString("status")).isEqualTo("DRAFT");

            browser.link("Se kostnad og publiser").click();
            browser.heading("Publiser målbrev");
            costRow(browser, "Nav Oslo (0300)");
            costRow(browser, "Nav Sagene (0314)");
            assertThat(browser.driver().findElements(By.xpath("//th[@scope='row'][contains(., '(0502)')]"))).isEmpty();
        }
    }

    @Test
    void anEmployeeReadsTheLettersButHasNoDraftButton() throws Exception {
        try (Browser browser = Browser.loggedInAs("veileder-sagene", "/malbrev")) {
            browser.heading("Målbrev");
            browser.link("Mål- og disponeringsbrev 2021").click();
            browser.heading("Mål- og disponeringsbrev 2021");
            assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("Publisert", "Hele landet");
            browser.go("/malbrev");
            browser.link("Mål- og disponeringsbrev 2021");
            assertThat(browser.driver().findElements(By.xpath("//*[normalize-space(.)='Nytt målbrev']"))).isEmpty();
        }
    }

    private static WebElement goalFieldset(Browser browser, int n) {
        return browser.waitFor(By.xpath("//fieldset[legend[normalize-space(.)='Mål " + n + "']]"));
    }

    private static WebElement goalField(Browser browser, int n, String label) {
        WebElement labelElement = goalFieldset(browser, n)
                .findElement(By.xpath(".//label[normalize-space(.)=" + Browser.xpathLiteral(label) + "]"));
        return browser.driver().findElement(By.id(labelElement.getAttribute("for")));
    }

    private static WebElement costRow(Browser browser, String unit) {
        return browser.wait(Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//tr[th[@scope='row'][normalize-space(.)=" + Browser.xpathLiteral(unit) + "]]")));
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }

    private static void type(WebElement field, String text) {
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
    }

    static JsonPath api(String path) throws Exception {
        return RestAssured.given().auth().oauth2(DIRECTORATE)
                .get(WebStack.get().url(MrsService.GOAL) + path).then().statusCode(200).extract().jsonPath();
    }

    private static void setBudget(String unitId, int max) throws Exception {
        RestAssured.given().auth().oauth2(DIRECTORATE).contentType("application/json")
                .body(Map.of("year", YEAR, "maxSteeringGoals", max))
                .put(WebStack.get().url(MrsService.GOAL) + "/api/units/" + unitId + "/goal-budget")
                .then().statusCode(200);
    }
}
