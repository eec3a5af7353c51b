package no.mrs.web.browser;

import io.restassured.path.json.JsonPath;
import no.mrs.devstack.DevTokens;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Forslag (issue 12): anyone in a unit proposes a goal, the unit's leader adopts or rejects it with a reason, and
 * everyone sees the decision. Each test works on an indicator of its own in 2024 at Nav Sagene (0314), so that the
 * order of tests does not matter.
 */
class ForslagIT {

    static final String SAGENE = "0314";
    static final int YEAR = 2024;

    @Test
    void anEmployeeProposesTheLeaderAdoptsWithAReasonAndTheEmployeeSeesTheDecision() throws Exception {
        String rationale = "Flere unge med situasjonsbestemt innsats bør få oppfølging hver måned";
        String reason = "Vedtatt i ledermøtet: passer med satsingen på unge";
        try (Browser employee = Browser.loggedInAs("veileder-sagene", "/forslag")) {
            employee.heading("Forslag til mål");
            assertThat(employee.driver().getCurrentUrl()).endsWith("/forslag/" + SAGENE);
            employee.heading("Åpne forslag (" + openCount() + ")");
            employee.assertNoAxeViolations("the empty proposal form and the list");
            assertThat(decisionButtons(employee)).as("an employee does not decide").isEmpty();

            new Select(employee.field("Indikator")).selectByValue("B.47");
            new Select(employee.field("År")).selectByValue(String.valueOf(YEAR));
            employee.field("Mål").sendKeys("65,5");
            employee.field("Begrunnelse").sendKeys(rationale);
            employee.screenshot("forslag-ny");
            employee.button("Send forslag").click();

            WebElement sent = employee.waitFor(By.xpath("//*[contains(text(), 'Forslaget om B.47 for 2024 er sendt')]"));
            assertThat(sent.isDisplayed()).isTrue();
            WebElement card = card(employee, "forslag-apne", rationale);
            assertThat(card.getText()).contains("65,5 %", "veileder-sagene (deg)", "Åpent");

            Map<String, Object> stored = proposal("B.47");
            assertThat(stored).containsEntry("status", "PROPOSED").containsEntry("proposedBy", "veileder-sagene")
                    .containsEntry("rationale", rationale);

            String goalId;
            try (Browser leader = Browser.loggedInAs("leder-sagene", "/forslag/" + SAGENE)) {
                card(leader, "forslag-apne", rationale).findElement(By.tagName("button")).click();
                leader.heading("Behandle forslaget");
                leader.button("Vedta forslaget").click();
                leader.waitFor(By.xpath("//a[normalize-space(.)='Skriv en begrunnelse for vedtaket.']"));
                assertThat(proposal("B.47")).as("nothing decided without a reason").containsEntry("status", "PROPOSED");
                leader.assertNoAxeViolations("the decision dialog with an error");
                leader.field("Begrunnelse for vedtaket").sendKeys(reason);
                leader.screenshot("forslag-behandle");
                leader.assertNoAxeViolations("the decision dialog");
                leader.button("Vedta forslaget").click();

                leader.waitFor(By.xpath("//*[contains(text(), 'Forslaget om B.47 for 2024 er vedtatt')]"));
                WebElement decided = card(leader, "forslag-behandlede", rationale);
                assertThat(decided.getText()).contains("Vedtatt av leder-sagene (deg)", reason);
                String href = decided.findElement(By.linkText("Se målet for B.47 i 2024")).getAttribute("href");
                goalId = href.substring(href.lastIndexOf('/') + 1);
                assertThat(href).endsWith("/mal/" + SAGENE + "/" + goalId);
            }

            assertThat(proposal("B.47")).containsEntry("status", "ADOPTED").containsEntry("decidedBy", "leder-sagene")
                    .containsEntry("decisionReason", reason).containsEntry("goalId", goalId);

            employee.go("/forslag/" + SAGENE);
            WebElement decided = card(employee, "forslag-behandlede", rationale);
            assertThat(decided.getText()).contains("Vedtatt av leder-sagene", reason, "Foreslått av",
                    "veileder-sagene (deg)");
            assertThat(decided.findElement(By.linkText("Se målet for B.47 i 2024")).getAttribute("href"))
                    .endsWith("/mal/" + SAGENE + "/" + goalId);
            employee.assertNoAxeViolations("the list with a decided proposal");

            // the adopted proposal is a local goal on Sagene's scorecard, in the web app's Målekort
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Map<String, Object> row = scorecardRow("B.47");
                assertThat(row).as("B.47 on Sagene's scorecard for June 2024").isNotNull();
                @SuppressWarnings("unchecked")
                Map<String, Object> goal = (Map<String, Object>) row.get("goal");
                assertThat(goal).containsEntry("origin", "LOCAL").containsEntry("goalId", goalId);
            });
            employee.go("/malekort/" + SAGENE + "?periode=" + YEAR + "-06");
            employee.heading("Målekort for Nav Sagene, juni 2024");
            assertThat(MalekortIT.cells(employee, "B.47").get(2)).contains("65,5 %", "Lokalt");
            employee.link(MalekortIT.cells(employee, "B.47").get(1)).click();
            employee.link("Se målet og historikken").click();
            employee.wait(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/mal/" + SAGENE + "/" + goalId));
            // its history: set by the leader who adopted it
            employee.wait(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.tagName("main"), "Satt 65,5 % leder-sagene"));
            assertThat(employee.driver().findElement(By.tagName("main")).getText()).contains("Lokalt (Nav Sagene)");
        }
    }

    @Test
    void aLeaderRejectsAProposalWithAReasonFromItsOwnAddress() throws Exception {
        String rationale = "Vi bør måle aktivitet for unge med spesielt tilpasset innsats som eget mål";
        String proposalId = proposeByApi("B.46", "58", rationale);
        try (Browser leader = Browser.loggedInAs("leder-sagene", "/forslag/" + SAGENE + "?behandle=" + proposalId)) {
            leader.heading("Behandle forslaget");
            leader.field("Begrunnelse for vedtaket").sendKeys("Vi har nok styringsmål for unge i år");
            leader.button("Avvis forslaget").click();

            leader.waitFor(By.xpath("//*[contains(text(), 'Forslaget om B.46 for 2024 er avvist')]"));
            assertThat(leader.driver().getCurrentUrl()).doesNotContain("behandle=");
            WebElement decided = card(leader, "forslag-behandlede", rationale);
            assertThat(decided.getText()).contains("Avvist", "Avvist av leder-sagene (deg)",
                    "Vi har nok styringsmål for unge i år");
            assertThat(decided.findElements(By.tagName("a"))).as("a rejected proposal links to no goal").isEmpty();
        }
        assertThat(proposal("B.46")).containsEntry("status", "REJECTED")
                .containsEntry("decisionReason", "Vi har nok styringsmål for unge i år");
    }

    @Test
    void aProposalWithoutTargetOrJustificationShowsNorwegianFieldErrorsAndStoresNothing() throws Exception {
        try (Browser employee = Browser.loggedInAs("veileder-sagene", "/forslag/" + SAGENE)) {
            new Select(employee.field("Indikator")).selectByValue("B.45");
            new Select(employee.field("År")).selectByValue(String.valueOf(YEAR));
            employee.button("Send forslag").click();

            employee.heading("Forslaget kan ikke sendes før du har rettet dette:");
            awaitFocusOn(employee, "Forslaget kan ikke sendes før du har rettet dette:");
            WebElement summary = employee.driver().findElement(By.cssSelector(".aksel-error-summary"));
            assertThat(summary.getText()).contains("Skriv inn et mål.", "Skriv en begrunnelse for forslaget.")
                    .doesNotContain("Velg en indikator.");
            assertThat(fieldError(employee, "Mål")).isEqualTo("Skriv inn et mål.");
            assertThat(fieldError(employee, "Begrunnelse")).isEqualTo("Skriv en begrunnelse for forslaget.");
            employee.assertNoAxeViolations("the proposal form with errors");

            // a target the service refuses (a share above 100 %): its field error, in Norwegian
            employee.field("Mål").sendKeys("150");
            employee.field("Begrunnelse").sendKeys("Alle unge skal ha dialog");
            employee.button("Send forslag").click();
            employee.wait(Duration.ofSeconds(30)).until(d -> "Verdien er utenfor det tillatte området."
                    .equals(fieldError(employee, "Mål")));
            assertThat(employee.driver().findElements(By.xpath("//*[normalize-space(.)='Skriv en begrunnelse for forslaget.']")))
                    .isEmpty();
        }
        assertThat(proposal("B.45")).as("nothing stored").isNull();
    }

    @Test
    void aProposalIsMadeAndAdoptedByKeyboardAlone() throws Exception {
        String rationale = "Tastaturforslag: dialog med unge med spesielt tilpasset innsats";
        try (Browser employee = Browser.loggedInAs("veileder-sagene", "/forslag/" + SAGENE)) {
            employee.heading("Nytt forslag");
            WebElement indicator = employee.tabTo("Indikator");
            employee.press("B.48");
            assertThat(new Select(indicator).getFirstSelectedOption().getAttribute("value")).isEqualTo("B.48");
            WebElement year = employee.tabTo("År");
            employee.press(String.valueOf(YEAR));
            assertThat(new Select(year).getFirstSelectedOption().getAttribute("value")).isEqualTo("2024");
            employee.tabTo("Mål");
            employee.press("61");
            employee.tabTo("Begrunnelse");
            employee.press(rationale);
            employee.tabTo("Send forslag");
            employee.press(Keys.ENTER);
            awaitFocusOn(employee, "Forslaget om B.48 for 2024 er sendt");
        }
        assertThat(proposal("B.48")).containsEntry("status", "PROPOSED").containsEntry("rationale", rationale);

        try (Browser leader = Browser.loggedInAs("leder-sagene", "/forslag/" + SAGENE)) {
            card(leader, "forslag-apne", rationale);
            leader.tabTo("Behandle forslaget om B.48 for 2024");
            leader.press(Keys.ENTER);
            leader.heading("Behandle forslaget");
            leader.tabTo("Begrunnelse for vedtaket");
            leader.press("Godt forslag, vedtatt med tastaturet");
            leader.tabTo("Vedta forslaget");
            leader.press(Keys.ENTER);
            awaitFocusOn(leader, "Forslaget om B.48 for 2024 er vedtatt");
        }
        assertThat(proposal("B.48")).containsEntry("status", "ADOPTED")
                .containsEntry("decisionReason", "Godt forslag, vedtatt med tastaturet");
    }

    /** The adopted goal on the office's scorecard in the Målekort view, and in its history in the Mål view. */
    @Test
    void adoptedGoalShowsOnTheScorecardAsLocalAndInItsHistory() throws Exception {
        String rationale = "Flere unge bør ha arbeidsrettet aktivitet, også ved Nav Sagene";
        String proposalId = proposeByApi("B.49", "66", rationale);
        String goalId = given().auth().oauth2(DevTokens.issue(List.of("leader"), List.of(SAGENE)))
                .contentType("application/json").body("{\"decision\":\"ADOPT\",\"reason\":\"Vedtatt\"}")
                .post(goal() + "/api/goal-proposals/" + proposalId + "/decision").then().statusCode(200)
                .extract().path("goalId");
        await().atMost(Duration.ofSeconds(60)).until(() -> scorecardRow("B.49") != null
                && scorecardRow("B.49").get("goal") instanceof Map<?, ?> goal && goalId.equals(goal.get("goalId")));
        assertThat(((Map<?, ?>) scorecardRow("B.49").get("goal")).get("origin")).isEqualTo("LOCAL");

        try (Browser leader = Browser.loggedInAs("leder-sagene", "/malekort/" + SAGENE + "?periode=" + YEAR + "-06")) {
            leader.heading("Målekort for Nav Sagene, juni 2024");
            assertThat(MalekortIT.cells(leader, "B.49").get(2)).contains("66 %", "Lokalt");
            leader.go("/mal/" + SAGENE + "/" + goalId);
            leader.wait(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.tagName("main"), "Lokalt"));
            assertThat(leader.driver().findElement(By.tagName("main")).getText()).contains("leader@" + SAGENE);
        }
    }

    /** Waits until the focused element shows this text (focus moved to a summary or a confirmation). */
    static void awaitFocusOn(Browser browser, String text) {
        browser.wait(Duration.ofSeconds(30)).until(d -> d.switchTo().activeElement().getText().contains(text));
    }

    /** The proposal's card in the open ("forslag-apne") or decided ("forslag-behandlede") part of the list. */
    static WebElement card(Browser browser, String part, String rationale) {
        return browser.waitFor(By.xpath("//section[@aria-labelledby=" + Browser.xpathLiteral(part) + "]//article[.//*["
                + "normalize-space(.)=" + Browser.xpathLiteral(rationale) + "]]"));
    }

    static List<WebElement> decisionButtons(Browser browser) {
        return browser.driver().findElements(By.xpath("//button[starts-with(normalize-space(.), 'Behandle forslaget')]"));
    }

    /** The error message shown under the field with this label (Aksel links it by aria-describedby). */
    static String fieldError(Browser browser, String label) {
        WebElement field = browser.field(label);
        String describedBy = field.getAttribute("aria-describedby");
        if (describedBy == null) {
            return null;
        }
        for (String id : describedBy.split(" ")) {
            List<WebElement> found = browser.driver().findElements(By.id(id));
            if (!found.isEmpty() && found.get(0).getAttribute("class").contains("error")) {
                return found.get(0).getText().trim();
            }
        }
        return null;
    }

    static int openCount() {
        return (int) proposals().stream().filter(p -> "PROPOSED".equals(p.get("status"))).count();
    }

    static List<Map<String, Object>> proposals() {
        return given().auth().oauth2(DevTokens.issue(List.of("viewer"), List.of(SAGENE)))
                .get(goal() + "/api/units/" + SAGENE + "/goal-proposals?limit=1000").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    /** This test's proposal (its own indicator in 2024) as goal-service has stored it, or null. */
    static Map<String, Object> proposal(String indicatorId) {
        return proposals().stream()
                .filter(p -> indicatorId.equals(p.get("indicatorId")) && Integer.valueOf(YEAR).equals(p.get("year")))
                .findFirst().orElse(null);
    }

    static String proposeByApi(String indicatorId, String target, String rationale) {
        return given().auth().oauth2(DevTokens.issue(List.of("employee"), List.of(SAGENE))).contentType("application/json")
                .body("{\"indicatorId\":\"" + indicatorId + "\",\"year\":" + YEAR + ",\"classification\":\"STEERING\","
                        + "\"target\":" + target + ",\"rationale\":\"" + rationale + "\"}")
                .post(goal() + "/api/units/" + SAGENE + "/goal-proposals").then().statusCode(201)
                .extract().path("proposalId");
    }

    /** The row of Sagene's scorecard for June 2024 for the indicator, or null. */
    static Map<String, Object> scorecardRow(String indicatorId) throws Exception {
        JsonPath scorecard = given().auth().oauth2(DevTokens.issue(List.of("viewer"), List.of(SAGENE)))
                .get(WebStack.get().urls().reporting() + "/api/scorecards/" + SAGENE + "?period=" + YEAR + "-06")
                .then().statusCode(200).extract().jsonPath();
        return scorecard.getMap("perspectives.rows.flatten().find { it.indicatorId == '" + indicatorId + "' }");
    }

    static String goal() {
        try {
            return WebStack.get().urls().goal();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
