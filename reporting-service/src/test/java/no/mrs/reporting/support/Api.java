package no.mrs.reporting.support;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import no.mrs.devstack.DevTokens;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;

/** The reporting API as the tests call it. */
public final class Api {

    public static final String DIRECTORATE = DevTokens.issue(List.of("directorate"), List.of("0000"));
    public static final String VIEWER = DevTokens.issue(List.of("viewer"), List.of("0300"));
    /** The operator role, for /api/admin (no units: it acts on no unit). */
    public static final String OPERATOR = DevTokens.issue(List.of("operator"), List.of());

    /** Figures are compared at full precision: doubles, not RestAssured's default floats. */
    static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

    private Api() {
    }

    public static JsonPath json(String body) {
        return new JsonPath(body).using(DOUBLES);
    }

    /** Waits until every record on both topics has been applied (lag 0 on every partition). */
    public static void awaitCaughtUp() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonPath status = given().auth().oauth2(VIEWER).get("/api/status").then().statusCode(200)
                    .extract().jsonPath();
            return status.getLong("lag") == 0 && !status.getList("partitions").isEmpty();
        });
    }

    /** Publishes the events and waits until they are applied. */
    public static List<Feed.Sent> publish(no.mrs.contracts.EventPayload... events) {
        List<Feed.Sent> sent = Feed.send(events);
        awaitCaughtUp();
        return sent;
    }

    public static JsonPath scorecard(String unitId, String period) {
        return json(given().auth().oauth2(VIEWER).queryParam("period", period).get("/api/scorecards/" + unitId)
                .then().statusCode(200).extract().asString());
    }

    /** The row of an indicator in a scorecard. */
    public static Row row(String unitId, String period, String indicatorId) {
        JsonPath card = scorecard(unitId, period);
        String path = "perspectives.rows.flatten().find { it.indicatorId == '" + indicatorId + "' }";
        if (card.getMap(path) == null) {
            return null;
        }
        return new Row(card, path);
    }

    /** Rebuilds the read models from the topics and waits until the rebuild has completed. */
    public static void rebuild() {
        String rebuildId = given().auth().oauth2(OPERATOR).post("/api/admin/rebuilds").then().statusCode(202)
                .extract().path("rebuildId");
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> "COMPLETED".equals(given()
                .auth().oauth2(OPERATOR).get("/api/admin/rebuilds/" + rebuildId).then().extract().path("state")));
    }

    public static String checksum() {
        return given().auth().oauth2(OPERATOR).get("/api/admin/checksum").then().statusCode(200)
                .extract().path("checksum");
    }

    /** One scorecard row, read by field. */
    public record Row(JsonPath card, String path) {
        public Double ytd() {
            return number("yearToDate.thisYear");
        }

        public Double ytdLastYear() {
            return number("yearToDate.lastYear");
        }

        public Double month() {
            return number("period.thisYear");
        }

        public Double monthLastYear() {
            return number("period.lastYear");
        }

        public Double target() {
            return number("goal.target");
        }

        public String origin() {
            return card.getString(path + ".goal.origin");
        }

        public String goalId() {
            return card.getString(path + ".goal.goalId");
        }

        public String status() {
            return card.getString(path + ".status");
        }

        public String trend() {
            return card.getString(path + ".trend");
        }

        public boolean hasGoal() {
            return card.get(path + ".goal") != null;
        }

        private Double number(String field) {
            Object value = card.get(path + "." + field);
            return value == null ? null : ((Number) value).doubleValue();
        }
    }
}
