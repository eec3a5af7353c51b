package no.mrs.reporting.rebuild;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import no.mrs.contracts.EventPayload;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.reporting.support.Api;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static no.mrs.reporting.support.Events.national;
import static no.mrs.reporting.support.Events.office;
import static no.mrs.reporting.support.Events.ratio;
import static no.mrs.reporting.support.Events.region;
import static no.mrs.reporting.support.Events.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A rebuild replays the topics into fresh tables while the API keeps answering, and ends with the same content. */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class RebuildTest {

    @Test
    void aRebuildWhileReadsContinueEndsWithTheSameChecksum() throws Exception {
        List<EventPayload> events = new ArrayList<>(List.of(national("4000", "Testland"),
                region("4100", "Nav Nord", "4000"), ratio("TR.4", "Andel")));
        for (int office = 1; office <= 20; office++) {
            String id = "41" + String.format("%02d", office);
            events.add(office(id, "Nav " + id, "4100"));
            for (int month = 1; month <= 12; month++) {
                events.add(result(id, "TR.4", String.format("2021-%02d", month), office, 100));
            }
        }
        Api.publish(events.toArray(EventPayload[]::new));
        String before = Api.checksum();
        String slotBefore = slot();
        double expected = Api.row("4100", "2021-12", "TR.4").ytd();
        assertThat(expected).isCloseTo(100.0 * 12 * (20 * 21 / 2) / (12 * 20 * 100), within(1e-9));

        String rebuildId = given().auth().oauth2(Api.OPERATOR).post("/api/admin/rebuilds")
                .then().statusCode(202).extract().path("rebuildId");

        AtomicInteger reads = new AtomicInteger();
        AtomicReference<String> state = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20)).until(() -> {
            // every read during the rebuild answers in full from the old (or, at the end, the new) models
            assertThat(Api.row("4100", "2021-12", "TR.4").ytd()).isCloseTo(expected, within(1e-9));
            reads.incrementAndGet();
            state.set(given().auth().oauth2(Api.OPERATOR).get("/api/admin/rebuilds/" + rebuildId)
                    .then().statusCode(200).extract().path("state"));
            return !"RUNNING".equals(state.get());
        });

        assertThat(state.get()).isEqualTo("COMPLETED");
        assertThat(reads.get()).isPositive();
        assertThat(slot()).isNotEqualTo(slotBefore);
        assertThat(Api.checksum()).isEqualTo(before);
        given().auth().oauth2(Api.OPERATOR).get("/api/admin/rebuilds/" + rebuildId).then().statusCode(200)
                .body("percent", org.hamcrest.Matchers.equalTo(100))
                .body("eventsApplied", org.hamcrest.Matchers.greaterThanOrEqualTo(events.size()));
    }

    @Test
    void eventsArrivingAfterARebuildAreAppliedToTheNewModels() {
        Api.publish(national("4500", "Testland"), region("4510", "Nav Sør", "4500"), office("4511", "Nav Sørby", "4510"),
                ratio("TS.4", "Andel"), result("4511", "TS.4", "2021-01", 1, 2));
        String rebuildId = given().auth().oauth2(Api.OPERATOR).post("/api/admin/rebuilds")
                .then().statusCode(202).extract().path("rebuildId");
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> "COMPLETED".equals(given()
                .auth().oauth2(Api.OPERATOR).get("/api/admin/rebuilds/" + rebuildId).then().extract().path("state")));

        Api.publish(result("4511", "TS.4", "2021-02", 3, 4));

        assertThat(Api.row("4510", "2021-02", "TS.4").ytd()).isCloseTo(100.0 * 4 / 6, within(1e-9));
    }

    @Test
    void onlyTheOperatorRoleMayRebuildOrReadTheChecksum() {
        for (String businessRole : new String[] { Api.DIRECTORATE, Api.VIEWER }) {
            given().auth().oauth2(businessRole).post("/api/admin/rebuilds").then().statusCode(403)
                    .contentType("application/problem+json").body("type", org.hamcrest.Matchers.equalTo("urn:mrs:problem:forbidden"));
            given().auth().oauth2(businessRole).get("/api/admin/checksum").then().statusCode(403);
        }
        given().post("/api/admin/rebuilds").then().statusCode(401);
        // the operator reads the projection's status (lag), not the business data
        given().auth().oauth2(Api.OPERATOR).get("/api/status").then().statusCode(200);
        given().auth().oauth2(Api.OPERATOR).queryParam("period", "2021-06").get("/api/scorecards/0300").then()
                .statusCode(403);
    }

    private static String slot() {
        return given().auth().oauth2(Api.OPERATOR).get("/api/admin/checksum").then().extract().path("slot");
    }
}
