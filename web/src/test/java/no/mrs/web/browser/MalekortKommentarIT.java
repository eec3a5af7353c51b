package no.mrs.web.browser;

import no.mrs.devstack.DevTokens;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Comments on aggregates (issue 14, item 4) in the Målekort view: Nav Oslo's leader comments on the region's B.16
 * figure by keyboard; the comment is listed with unit, author and time, beside the offices' comments below the
 * region; reporting-service's series and CSV carry it. Only the region's leaders and the directorate see the form.
 * Comments this class writes are on B.16 in May 2021 (each with a text of its own).
 */
class MalekortKommentarIT {

    static final String PERIOD = "2021-05";

    @Test
    void aRegionsLeaderCommentsOnTheRegionsFigureByKeyboardAndSeesItWithTheOfficesComments() throws Exception {
        String text = "Oslo samlet: flere tiltaksplasser i mai " + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = Browser.loggedInAs("leder-oslo", "/malekort/0300?periode=" + PERIOD + "&indikator=B.16")) {
            browser.heading("Kommenter tallet for Nav Oslo, mai 2021");
            browser.assertNoAxeViolations("the region's indicator with the comment form");

            // an empty comment is refused in the form, with a summary that takes the focus
            browser.tabTo("Lagre kommentar");
            browser.press(Keys.ENTER);
            browser.waitFor(By.xpath("//*[normalize-space(.)='Kommentaren kan ikke lagres ennå']"));
            browser.wait(Duration.ofSeconds(30)).until(d -> d.switchTo().activeElement().getText()
                    .equals("Kommentaren kan ikke lagres ennå"));
            browser.assertNoAxeViolations("the comment form with an error");

            browser.tabTo("Kommentar");
            browser.press(text);
            browser.tabTo("Lagre kommentar");
            browser.press(Keys.ENTER);
            browser.waitFor(By.xpath("//*[normalize-space(.)='Kommentaren er lagret.']"));
            String item = browser.waitFor(By.xpath("//ul[contains(@class,'malekort-comments')]/li[contains(., "
                    + "'" + text + "')]")).getText();
            assertThat(item).contains("mai 2021", "Nav Oslo (0300)", "leder-oslo", text);
            browser.assertNoAxeViolations("the region's indicator with the comment saved");
            browser.screenshot("malekort-kommentar");
        }

        // the region's series lists it with author and time, before the comments of the offices below it
        List<Map<String, Object>> comments = await().atMost(Duration.ofSeconds(30)).until(() -> seriesComments("0300"),
                list -> list.stream().anyMatch(c -> text.equals(c.get("comment"))));
        Map<String, Object> mine = comments.stream().filter(c -> text.equals(c.get("comment"))).findFirst().orElseThrow();
        assertThat(mine).containsEntry("unitId", "0300").containsEntry("unitName", "Nav Oslo")
                .containsEntry("author", "leder-oslo");
        assertThat(mine.get("at")).isNotNull();
        assertThat(comments.stream().map(c -> (String) c.get("unitId")).toList().indexOf("0300"))
                .as("the region's own comments first").isZero();
        // the nation's series lists the region's comment too, and the region's CSV carries it in Kommentar
        assertThat(seriesComments("0000")).anyMatch(c -> text.equals(c.get("comment")));
        byte[] csv = given().auth().oauth2(viewer()).get(WebStack.get().urls().reporting()
                + "/api/series/0300/B.16?from=" + PERIOD + "&to=" + PERIOD + "&format=csv").then().statusCode(200)
                .extract().asByteArray();
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("0300 Nav Oslo (leder-oslo, ", text);

        // whoever may not comment sees the comments and no form
        try (Browser browser = Browser.loggedInAs("leder-sagene", "/malekort/0300?periode=" + PERIOD + "&indikator=B.16")) {
            browser.waitFor(By.xpath("//ul[contains(@class,'malekort-comments')]/li[contains(., '" + text + "')]"));
            assertThat(browser.driver().findElements(By.id("malekort-kommenter"))).isEmpty();
        }
    }

    @Test
    void theDirectorateCommentsOnTheNationsFigureAndAViewerSeesNoForm() throws Exception {
        String text = "Landet: stabilt i mai " + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = Browser.loggedInAs("direktoratet", "/malekort/0000?periode=" + PERIOD + "&indikator=B.16")) {
            browser.heading("Kommenter tallet for Norge, mai 2021");
            browser.field("Kommentar").sendKeys(text);
            browser.button("Lagre kommentar").click();
            browser.waitFor(By.xpath("//ul[contains(@class,'malekort-comments')]/li[contains(., '" + text + "')]"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> seriesComments("0000").stream()
                .anyMatch(c -> text.equals(c.get("comment")) && "direktoratet".equals(c.get("author"))));
        try (Browser browser = Browser.loggedInAs("innsyn-norge", "/malekort/0000?periode=" + PERIOD + "&indikator=B.16")) {
            browser.waitFor(By.xpath("//ul[contains(@class,'malekort-comments')]/li[contains(., '" + text + "')]"));
            assertThat(browser.driver().findElements(By.id("malekort-kommenter"))).isEmpty();
            browser.assertNoAxeViolations("the nation's comments for a viewer");
        }
    }

    private static List<Map<String, Object>> seriesComments(String unitId) throws Exception {
        return given().auth().oauth2(viewer()).get(WebStack.get().urls().reporting() + "/api/series/" + unitId
                + "/B.16?from=" + PERIOD + "&to=" + PERIOD).then().statusCode(200).extract().jsonPath()
                .getList("[0].comments");
    }

    private static String viewer() {
        return DevTokens.issue(List.of("viewer"), List.of("0000"));
    }
}
