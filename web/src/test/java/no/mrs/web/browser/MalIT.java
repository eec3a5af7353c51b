package no.mrs.web.browser;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import no.mrs.devstack.DevTokens;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The goal view (Mål): the goals in force for a unit and year with their origin and the goal budget's use, a goal's
 * history, revision (and a stale revision that must not overwrite), retirement, and local goals where the goal
 * above allows them. Goals this class changes are its own, in year 2047; the 2021 demo goals are only read.
 */
class MalIT {

    private static final int YEAR = 2047;
    private static final String SAGENE = DevTokens.token().subject("leder-sagene").roles("leader").units("0314").sign();
    private static final String OSLO = DevTokens.token().subject("leder-oslo").roles("leader").units("0300").sign();
    private static final String VIEWER = DevTokens.token().subject("innsyn-norge").roles("viewer").units("0000").sign();

    private static final Map<String, String> ORIGINS = Map.of("CENTRAL", "Sentralt", "REGIONAL", "Regionalt",
            "LOCAL", "Lokalt");

    @Test
    void aLeaderSeesTheUnitsGoalsWithTheirOriginsAndTheGoalBudget() throws Exception {
        List<Map<String, Object>> goals = api(VIEWER).get("/api/units/0314/goals?year=2021&limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> budget = api(VIEWER).get("/api/units/0314/goal-budget?year=2021").then().statusCode(200)
                .extract().jsonPath().getMap("$");
        List<Integer> letterYears = api(VIEWER).get("/api/goal-letters?limit=1000").then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.status == 'PUBLISHED' }.year");
        int latest = letterYears.stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertThat(goals).isNotEmpty();

        try (Browser browser = Browser.loggedInAs("leder-sagene", "/mal")) {
            // without an address the view opens the person's first unit in the latest year with goals
            browser.wait(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/mal/0314?ar=" + latest));

            browser.go("/mal/0314?ar=2021");
            browser.heading("Mål for Nav Sagene 2021");
            for (Map<String, Object> goal : goals) {
                WebElement row = row(browser, (String) goal.get("indicatorId"));
                assertThat(row.getText()).contains(ORIGINS.get((String) goal.get("origin")))
                        .contains("STEERING".equals(goal.get("classification")) ? "Styring" : "Følges");
            }
            assertThat(main(browser)).contains(budget.get("steeringGoals") + " av " + budget.get("maxSteeringGoals")
                    + " styringsmål");
            // the local adjustment of B.15 shows the central target it replaces
            assertThat(rowOnceItSays(browser, "B.15", "Tilpasset fra").getText()).contains("Lokalt");
            // M.01's adopted proposal made a steering goal of what the letter only follows, without a target value
            assertThat(rowOnceItSays(browser, "M.01", "Tilpasset fra sentralt mål uten målverdi").getText())
                    .contains("Lokalt");
            assertThat(browser.link("Nytt lokalt mål")).isNotNull();
            browser.assertNoAxeViolations("the goal list");
            browser.screenshot("mal-liste");

            // the unit picker changes the address
            new org.openqa.selenium.support.ui.Select(browser.field("Enhet")).selectByValue("0315");
            browser.wait(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/mal/0315?ar=2021"));
            browser.heading("Mål for Nav Grünerløkka 2021");
        }
    }

    @Test
    void aGoalsPageListsItsHistoryWithWhoWhenAndWhy() throws Exception {
        Map<String, Object> b15 = inForce("0314", 2021, "B.15");
        String goalId = (String) b15.get("goalId");
        List<Map<String, Object>> history = api(VIEWER).get("/api/goals/" + goalId + "/history").then()
                .statusCode(200).extract().jsonPath().getList("$");

        try (Browser browser = Browser.loggedInAs("veileder-sagene", "/mal/0314?ar=2021")) {
            row(browser, "B.15").findElement(By.tagName("a")).click();
            browser.heading("Historikk");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/mal/0314/" + goalId);
            WebElement table = historyTable(browser);
            for (Map<String, Object> entry : history) {
                assertThat(table.getText()).contains((String) entry.get("by")).contains((String) entry.get("reason"));
            }
            assertThat(table.getText()).contains("Satt som lokal tilpasning");
            // an employee sees everything, but no buttons to change it
            assertThat(browser.driver().findElements(By.xpath("//*[normalize-space(.)='Revider målet']"))).isEmpty();
            assertThat(browser.driver().findElements(By.xpath("//*[normalize-space(.)='Avslutt målet']"))).isEmpty();
            browser.assertNoAxeViolations("a goal's page with its history");
            browser.go("/mal/0314?ar=2021");
            browser.heading("Mål for Nav Sagene 2021");
            assertThat(browser.driver().findElements(By.xpath("//*[normalize-space(.)='Nytt lokalt mål']"))).isEmpty();
        }
    }

    @Test
    void aLeaderRevisesALocalGoalWithAReasonAndTheRevisionIsInTheHistory() throws Exception {
        String goalId = setLocalGoal(SAGENE, "0314", "B.16", "STEERING", 45, null);

        // by keyboard alone
        try (Browser browser = Browser.loggedInAs("leder-sagene", "/mal/0314/" + goalId)) {
            browser.heading("Historikk");
            browser.tabTo("Revider målet");
            browser.press(Keys.ENTER);
            browser.heading("Revider målet");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/mal/0314/" + goalId + "/revider");
            // nothing filled in: per-field errors and a summary, in Norwegian, and the focus on the summary
            browser.tabTo("Lagre revisjonen");
            browser.press(Keys.ENTER);
            browser.waitFor(By.xpath("//*[normalize-space(.)='For å gå videre må du rette opp følgende:']"));
            assertThat(main(browser)).contains("Oppgi et mål.").contains("Oppgi en begrunnelse.");
            assertThat(browser.driver().switchTo().activeElement().getText()).isEqualTo("For å gå videre må du rette opp følgende:");
            browser.assertNoAxeViolations("the revision form with errors");

            browser.tabTo("Nytt mål").sendKeys("47,5");
            // the new target counts from June; January to May keep 45 %
            browser.tabTo("Gjelder fra");
            browser.press("juni");
            browser.tabTo("Begrunnelse").sendKeys("Bydelen har fått flere tiltaksplasser");
            browser.tabTo("Lagre revisjonen");
            browser.press(Keys.ENTER);
            browser.waitFor(By.xpath("//*[normalize-space(.)='Revisjonen er lagret.']"));
            WebElement table = historyTable(browser);
            browser.wait(Duration.ofSeconds(30)).until(d -> table.getText().contains("Revidert"));
            assertThat(table.getText()).contains("Bydelen har fått flere tiltaksplasser").contains("leder-sagene")
                    .contains("45 % → 47,5 % fra juni " + YEAR);
            browser.assertNoAxeViolations("a goal's page after a revision");
            browser.screenshot("mal-historikk");
        }
        Response goal = api(VIEWER).get("/api/goals/" + goalId);
        assertThat(goal.jsonPath().getDouble("target")).isEqualTo(47.5);
        assertThat(goal.jsonPath().getLong("version")).isEqualTo(2);
        assertThat(api(VIEWER).get("/api/goals/" + goalId + "/history").jsonPath().getString("find { it.version == 2 }.effectiveFrom"))
                .isEqualTo(YEAR + "-06");
    }

    @Test
    void aStaleRevisionDoesNotOverwriteAndShowsTheNewerVersion() throws Exception {
        String goalId = setLocalGoal(SAGENE, "0314", "B.25", "STEERING", 60, null);

        try (Browser browser = Browser.loggedInAs("leder-sagene", "/mal/0314/" + goalId + "/revider")) {
            browser.heading("Revider målet");
            // meanwhile, Oslo's leader revises the same goal
            api(OSLO).header("If-Match", "\"1\"").body(Map.of("target", 62, "reason", "Regionen har justert målet"))
                    .post("/api/goals/" + goalId + "/revisions").then().statusCode(200);

            browser.field("Nytt mål").sendKeys("65");
            browser.field("Begrunnelse").sendKeys("Min endring");
            browser.button("Lagre revisjonen").click();
            browser.heading("Noen andre har endret målet");
            String text = main(browser);
            assertThat(text).contains("Noen andre har endret målet etter at du åpnet skjemaet")
                    .contains("leder-oslo").contains("Regionen har justert målet").contains("62 %")
                    .contains("Endringen din er ikke lagret");
            browser.assertNoAxeViolations("the revision form with a conflict");

            Response goal = api(VIEWER).get("/api/goals/" + goalId);
            assertThat(goal.jsonPath().getDouble("target")).isEqualTo(62.0);
            assertThat(goal.jsonPath().getLong("version")).isEqualTo(2);

            // starting again from the newer version saves
            browser.button("Start på nytt fra den nyeste versjonen").click();
            browser.field("Nytt mål").sendKeys("64");
            browser.field("Begrunnelse").sendKeys("Etter dialog med regionen");
            browser.button("Lagre revisjonen").click();
            browser.waitFor(By.xpath("//*[normalize-space(.)='Revisjonen er lagret.']"));
        }
        Response goal = api(VIEWER).get("/api/goals/" + goalId);
        assertThat(goal.jsonPath().getDouble("target")).isEqualTo(64.0);
        assertThat(goal.jsonPath().getLong("version")).isEqualTo(3);
        assertThat(api(VIEWER).get("/api/goals/" + goalId + "/history").jsonPath().getList("reason"))
                .doesNotContain("Min endring");
    }

    @Test
    void aLeaderRetiresAGoalWithAReason() throws Exception {
        String goalId = setLocalGoal(SAGENE, "0314", "B.26", "MONITORING", null, null);

        try (Browser browser = Browser.loggedInAs("leder-sagene", "/mal/0314/" + goalId)) {
            browser.link("Avslutt målet").click();
            browser.heading("Avslutt målet");
            browser.button("Avslutt målet").click();
            browser.waitFor(By.xpath("//*[normalize-space(.)='For å gå videre må du rette opp følgende:']"));
            assertThat(main(browser)).contains("Oppgi en begrunnelse.");
            browser.assertNoAxeViolations("the retirement form with an error");

            browser.field("Begrunnelse").sendKeys("Følges i den nasjonale statistikken i stedet");
            browser.button("Avslutt målet").click();
            browser.waitFor(By.xpath("//*[normalize-space(.)='Målet er avsluttet.']"));
            WebElement table = historyTable(browser);
            browser.wait(Duration.ofSeconds(30)).until(d -> table.getText().contains("Avsluttet"));
            assertThat(table.getText()).contains("Følges i den nasjonale statistikken i stedet");
            assertThat(browser.driver().findElements(By.xpath("//a[normalize-space(.)='Revider målet']"))).isEmpty();
            browser.assertNoAxeViolations("a retired goal's page");
        }
        assertThat(api(VIEWER).get("/api/goals/" + goalId).jsonPath().getString("status")).isEqualTo("RETIRED");
    }

    @Test
    void theLocalGoalFormSaysWhyWhenTheGoalAboveForbidsAdjustment() throws Exception {
        // Oslo's own goal letter for the year locks B.31 for the offices below
        String letterId = api(OSLO).body(Map.of("year", YEAR, "issuerUnitId", "0300", "title", "Målbrev Oslo " + YEAR,
                "mainGoals", List.of("Flere i arbeid"), "goals", List.of(
                        Map.of("indicatorId", "B.31", "classification", "STEERING", "target", 1500,
                                "mainGoal", "Flere i arbeid", "localAdjustment", "FORBIDDEN"),
                        Map.of("indicatorId", "B.32", "classification", "STEERING", "target", 1200,
                                "mainGoal", "Flere i arbeid", "localAdjustment", "ALLOWED"))))
                .post("/api/goal-letters").then().statusCode(201).extract().jsonPath().getString("letterId");
        api(OSLO).post("/api/goal-letters/" + letterId + "/publication").then().statusCode(200);
        String regional = (String) inForce("0314", YEAR, "B.31").get("goalId");
        String allowed = (String) inForce("0314", YEAR, "B.32").get("goalId");

        try (Browser browser = Browser.loggedInAs("leder-sagene", "/mal/0314/ny?ar=" + YEAR + "&indikator=B.31")) {
            browser.heading("Nytt lokalt mål for Nav Sagene " + YEAR);
            browser.wait(Duration.ofSeconds(30)).until(d -> main(browser).contains("tillater ikke lokal tilpasning"));
            assertThat(main(browser)).contains("Nav Oslo (regionalt)");
            assertThat(browser.driver().findElements(By.xpath("//button[normalize-space(.)='Sett målet']"))).isEmpty();
            browser.assertNoAxeViolations("the local goal form when adjustment is forbidden");

            // the goal's own page says so too, instead of offering an adjustment
            browser.go("/mal/0314/" + regional);
            browser.heading("Historikk");
            assertThat(main(browser)).contains("kan ikke tilpasses lokalt");
            assertThat(browser.driver().findElements(By.xpath("//a[normalize-space(.)='Tilpass lokalt']"))).isEmpty();

            // where the letter allows it, the office adapts the regional target
            browser.go("/mal/0314/" + allowed);
            browser.heading("Historikk");
            assertThat(browser.driver().findElements(By.xpath("//a[normalize-space(.)='Revider målet']"))).isEmpty();
            browser.link("Tilpass lokalt").click();
            browser.heading("Nytt lokalt mål for Nav Sagene " + YEAR);
            browser.wait(Duration.ofSeconds(30)).until(d -> main(browser).contains(
                    "Dette blir en lokal tilpasning av målet fra Nav Oslo (regionalt), som er 1 200."));
            browser.assertNoAxeViolations("the local adjustment form");
            browser.field("Mål").sendKeys("90");
            browser.field("Begrunnelse").sendKeys("Færre arbeidsgivere i bydelen");
            browser.button("Sett målet").click();
            browser.heading("Historikk");
            assertThat(historyTable(browser).getText()).contains("Satt som lokal tilpasning")
                    .contains("Færre arbeidsgivere i bydelen").contains("leder-sagene");
            browser.go("/mal/0314?ar=" + YEAR);
            assertThat(rowOnceItSays(browser, "B.32", "Tilpasset fra 1 200 (regionalt)").getText()).contains("Lokalt");
            assertThat(row(browser, "B.31").getText()).contains("Regionalt").contains("Kan ikke tilpasses");
        }
        assertThat(inForce("0314", YEAR, "B.31").get("goalId")).isEqualTo(regional);
        Map<String, Object> adjusted = inForce("0314", YEAR, "B.32");
        assertThat(adjusted.get("origin")).isEqualTo("LOCAL");
        assertThat(((Number) adjusted.get("target")).intValue()).isEqualTo(90);
    }

    @Test
    void aRefusedTargetShowsANorwegianFieldErrorAndNothingIsStored() throws Exception {
        try (Browser browser = Browser.loggedInAs("leder-sagene", "/mal/0314?ar=" + YEAR)) {
            browser.link("Nytt lokalt mål").click();
            browser.heading("Nytt lokalt mål for Nav Sagene " + YEAR);
            new org.openqa.selenium.support.ui.Select(browser.field("Indikator")).selectByValue("B.45");
            browser.wait(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("indikator=B.45"));
            browser.field("Mål").sendKeys("150");
            browser.field("Begrunnelse").sendKeys("Ambisiøst");
            browser.button("Sett målet").click();
            browser.waitFor(By.xpath("//*[normalize-space(.)='For å gå videre må du rette opp følgende:']"));
            assertThat(main(browser)).contains("Verdien er utenfor det tillatte området.");
            browser.assertNoAxeViolations("the local goal form with a refused value");
        }
        List<String> indicators = api(VIEWER).get("/api/units/0314/goals?year=" + YEAR + "&limit=1000").jsonPath()
                .getList("indicatorId");
        assertThat(indicators).doesNotContain("B.45");
    }

    @Test
    void theLocalGoalFormSaysWhenTheBudgetIsFullOrTheGoalExistsAndShowsARefusalInNorwegian() throws Exception {
        int year = YEAR + 1;
        // Oslo's leader, above Sagene, leaves no room for steering goals in this year
        api(OSLO).body(Map.of("year", year, "maxSteeringGoals", 0)).put("/api/units/0314/goal-budget").then()
                .statusCode(200);
        String existing = setLocalGoal(SAGENE, "0314", "B.14", "MONITORING", null, null, year);

        try (Browser browser = Browser.loggedInAs("leder-sagene", "/mal/0314/ny?ar=" + year + "&indikator=B.46")) {
            browser.heading("Nytt lokalt mål for Nav Sagene " + year);
            browser.wait(Duration.ofSeconds(30)).until(d -> main(browser).contains("0 av 0 styringsmål i " + year));
            assertThat(browser.driver().findElements(By.xpath("//button[normalize-space(.)='Sett målet']"))).isEmpty();
            browser.assertNoAxeViolations("the local goal form with a full goal budget");
            // a goal that is only followed does not count: the form can be sent
            browser.waitFor(By.xpath("//label[normalize-space(.)='Følges']")).click();
            browser.button("Sett målet");

            browser.go("/mal/0314/ny?ar=" + year + "&indikator=B.14");
            browser.wait(Duration.ofSeconds(30)).until(d -> main(browser).contains(
                    "Enheten har allerede et aktivt mål for denne indikatoren i " + year));
            browser.link("Gå til målet").click();
            browser.wait(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/mal/0314/" + existing));

            // the form is open when someone else sets the goal: the service's refusal is shown in Norwegian
            browser.go("/mal/0314/ny?ar=" + year + "&indikator=B.47");
            browser.waitFor(By.xpath("//label[normalize-space(.)='Følges']")).click();
            browser.field("Begrunnelse").sendKeys("Vi følger med");
            setLocalGoal(SAGENE, "0314", "B.47", "MONITORING", null, null, year);
            browser.button("Sett målet").click();
            browser.wait(Duration.ofSeconds(30)).until(d -> main(browser).contains(
                    "Enheten har allerede et aktivt mål for denne indikatoren dette året. Revider det i stedet."));
            browser.assertNoAxeViolations("the local goal form with a refusal");
        }
        assertThat(api(VIEWER).get("/api/units/0314/goals?year=" + year + "&limit=1000").jsonPath()
                .getList("findAll { it.indicatorId == 'B.47' }")).hasSize(1);
    }

    private static WebElement row(Browser browser, String indicatorId) {
        return browser.waitFor(By.xpath("//tr[.//a[starts-with(normalize-space(.), "
                + Browser.xpathLiteral(indicatorId + " ") + ")]]"));
    }

    /**
     * The goal's row once it contains {@code text}: what a goal adapts comes with a second request (the goals in
     * force above it), after the list itself has been drawn.
     */
    private static WebElement rowOnceItSays(Browser browser, String indicatorId, String text) {
        browser.wait(Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> row(browser, indicatorId).getText().contains(text));
        return row(browser, indicatorId);
    }

    private static WebElement historyTable(Browser browser) {
        return browser.waitFor(By.cssSelector("table[aria-label='Alle endringer av målet, eldste først']"));
    }

    private static String main(Browser browser) {
        return browser.driver().findElement(By.tagName("main")).getText();
    }

    private static Map<String, Object> inForce(String unitId, int year, String indicatorId) throws Exception {
        List<Map<String, Object>> goals = api(VIEWER).get("/api/units/" + unitId + "/goals?year=" + year
                + "&limit=1000").then().statusCode(200).extract().jsonPath().getList("$");
        return goals.stream().filter(g -> indicatorId.equals(g.get("indicatorId"))).findFirst().orElseThrow();
    }

    private static String setLocalGoal(String token, String unitId, String indicatorId, String classification,
            Integer target, String localAdjustment) throws Exception {
        return setLocalGoal(token, unitId, indicatorId, classification, target, localAdjustment, YEAR);
    }

    private static String setLocalGoal(String token, String unitId, String indicatorId, String classification,
            Integer target, String localAdjustment, int year) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("indicatorId", indicatorId, "year", year,
                "classification", classification, "rationale", "Satt av MalIT"));
        if (target != null) {
            body.put("target", target);
        }
        if (localAdjustment != null) {
            body.put("localAdjustment", localAdjustment);
        }
        return api(token).body(body).post("/api/units/" + unitId + "/goals").then().statusCode(201).extract()
                .jsonPath().getString("goalId");
    }

    private static io.restassured.specification.RequestSpecification api(String token) throws Exception {
        return RestAssured.given().baseUri(WebStack.get().urls().goal()).contentType(ContentType.JSON)
                .accept(ContentType.JSON).header("Authorization", "Bearer " + token);
    }
}
