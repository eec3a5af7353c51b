package no.mrs.goal;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import no.mrs.devstack.DevTokens;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.oneOf;

/**
 * The fixtures of the goal-service integration tests: tokens per role and unit, and an idempotent organisation and
 * catalogue (the tests share one database, so each test works in a year of its own).
 */
public final class Api {

    public static final String DIRECTORATE = token("directorate", "0000");

    private Api() {
    }

    public static String token(String role, String... units) {
        return DevTokens.token().subject(role + "-of-" + String.join("-", units)).roles(List.of(role))
                .units(List.of(units)).sign();
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /**
     * 0000 Norge; regions 0300 Oslo, 0400 Innlandet; offices 0314 Sagene and 0315 Grünerløkka under Oslo, 0502
     * Gjøvik under Innlandet. Indicators B.15, B.16, B.25, B.26 (RATIO), B.31, B.32 (COUNT), B.90 (SCORE 1–6).
     */
    public static void organisation() {
        unit("0000", "Norge", "NATIONAL", null);
        unit("0300", "Nav Oslo", "REGION", "0000");
        unit("0400", "Nav Innlandet", "REGION", "0000");
        unit("0314", "Nav Sagene", "OFFICE", "0300");
        unit("0315", "Nav Grünerløkka", "OFFICE", "0300");
        unit("0502", "Nav Gjøvik", "OFFICE", "0400");
        for (String id : List.of("B.15", "B.16", "B.25", "B.26")) {
            indicator(id, "{\"name\":\"Andel " + id + "\",\"perspective\":\"USER\",\"measure\":\"RATIO\","
                    + "\"direction\":\"HIGHER_IS_BETTER\"}");
        }
        for (String id : List.of("B.31", "B.32")) {
            indicator(id, "{\"name\":\"Antall " + id + "\",\"perspective\":\"USER\",\"measure\":\"COUNT\","
                    + "\"direction\":\"HIGHER_IS_BETTER\"}");
        }
        indicator("B.90", "{\"name\":\"Brukertilfredshet\",\"perspective\":\"USER\",\"measure\":\"SCORE\","
                + "\"direction\":\"HIGHER_IS_BETTER\",\"scaleMin\":1,\"scaleMax\":6}");
    }

    public static void unit(String unitId, String name, String level, String parentId) {
        String parent = parentId == null ? "" : ",\"parentId\":\"" + parentId + "\"";
        as(DIRECTORATE).body("{\"name\":\"" + name + "\",\"level\":\"" + level + "\"" + parent + "}")
                .put("/api/units/" + unitId).then().statusCode(oneOf(200, 201));
    }

    public static void indicator(String indicatorId, String body) {
        as(DIRECTORATE).body(body).put("/api/indicators/" + indicatorId).then().statusCode(oneOf(200, 201));
    }

    /** A local goal set by the directorate; returns its id. */
    public static String localGoal(String unitId, String indicatorId, int year, String target) {
        return as(DIRECTORATE).body("{\"indicatorId\":\"" + indicatorId + "\",\"year\":" + year
                + ",\"classification\":\"STEERING\",\"target\":" + target + ",\"rationale\":\"test\"}")
                .post("/api/units/" + unitId + "/goals").then().statusCode(201).extract().path("goalId");
    }

    /** A national letter with one goal per entry ("B.15=80" steering, "B.16" monitoring, "B.15=80!" forbidden). */
    public static String letter(int year, String issuerUnitId, String... goals) {
        StringBuilder items = new StringBuilder();
        for (String goal : goals) {
            boolean forbidden = goal.endsWith("!");
            String[] parts = (forbidden ? goal.substring(0, goal.length() - 1) : goal).split("=");
            if (items.length() > 0) {
                items.append(',');
            }
            items.append("{\"indicatorId\":\"").append(parts[0]).append("\",\"classification\":\"")
                    .append(parts.length > 1 ? "STEERING\",\"target\":" + parts[1] : "MONITORING\"")
                    .append(",\"mainGoal\":\"Flere i arbeid\",\"localAdjustment\":\"")
                    .append(forbidden ? "FORBIDDEN" : "ALLOWED").append("\"}");
        }
        return "{\"year\":" + year + ",\"issuerUnitId\":\"" + issuerUnitId + "\",\"title\":\"Mål- og disponeringsbrev "
                + year + "\",\"mainGoals\":[\"Bedre brukermøter\",\"Flere i arbeid\",\"Pålitelig forvaltning\"],"
                + "\"goals\":[" + items + "]}";
    }

    /** Drafts and publishes a letter as the given caller; returns the publication's response. */
    public static ValidatableResponse publishLetter(String token, String body) {
        String letterId = as(token).body(body).post("/api/goal-letters").then().statusCode(201).extract()
                .path("letterId");
        return as(token).post("/api/goal-letters/" + letterId + "/publication").then();
    }
}
