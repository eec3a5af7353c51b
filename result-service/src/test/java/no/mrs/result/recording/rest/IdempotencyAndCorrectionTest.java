package no.mrs.result.recording.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.result.fixtures.Organisation;
import no.mrs.result.fixtures.Results;
import no.mrs.result.fixtures.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static no.mrs.result.fixtures.Results.item;
import static no.mrs.result.fixtures.Results.submit;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** measurementId is the idempotency key; one current value per (unit, indicator, period), corrected with a reason. */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class IdempotencyAndCorrectionTest {

    static final String PERIOD = "2021-06";

    @Inject
    Organisation organisation;

    String office;
    String ratio;
    String reporter;

    @BeforeEach
    void catalogue() {
        office = organisation.office(Organisation.OSLO);
        ratio = organisation.ratio();
        reporter = Tokens.reporter(Organisation.OSLO);
    }

    @Test
    void theSameMeasurementAgainIsADuplicateAndStoresNothingNew() {
        Results.Item first = item(office, ratio, PERIOD).ratio(77, 100).comment("as reported");
        submit(reporter, first).statusCode(200).body("accepted", equalTo(1));
        submit(reporter, first).statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(1))
                .body("rejected", hasSize(0));
        history().body("", hasSize(1));
    }

    @Test
    void theSameIdWithOtherContentIsRejectedAsReused() {
        Results.Item first = item(office, ratio, PERIOD).ratio(77, 100);
        submit(reporter, first).statusCode(200).body("accepted", equalTo(1));
        submit(reporter, item(office, ratio, PERIOD).id(first.measurementId()).ratio(78, 100)).statusCode(200)
                .body("rejected[0].errors.field", contains("measurementId"))
                .body("rejected[0].errors.code", contains("measurement-id-reused"));
    }

    @Test
    void aSecondValueForTheSameMonthWithoutAReasonIsRejected() {
        submit(reporter, item(office, ratio, PERIOD).ratio(77, 100)).statusCode(200).body("accepted", equalTo(1));
        submit(reporter, item(office, ratio, PERIOD).ratio(78, 100)).statusCode(200)
                .body("rejected[0].errors.field", contains("correctionReason"))
                .body("rejected[0].errors.code", contains("already-reported"));
    }

    @Test
    void aCorrectionWithAReasonSupersedesTheValueAndKeepsTheOldOneInTheHistory() {
        Results.Item first = item(office, ratio, PERIOD).ratio(77, 100);
        submit(reporter, first).statusCode(200).body("accepted", equalTo(1));
        Results.Item correction = item(office, ratio, PERIOD).ratio(75, 100).reason("two transitions counted twice");
        submit(Tokens.leader(Organisation.OSLO), correction).statusCode(200).body("accepted", equalTo(1));

        given().auth().oauth2(Tokens.viewer())
                .get("/api/results?unitId={u}&indicatorId={i}&from=2021-01&to=2021-12", office, ratio)
                .then().statusCode(200).body("", hasSize(1))
                .body("[0].measurementId", equalTo(correction.measurementId()))
                .body("[0].numerator", equalTo(75)).body("[0].version", equalTo(2));
        history().body("", hasSize(2))
                .body("measurementId", contains(first.measurementId(), correction.measurementId()))
                .body("numerator", contains(77, 75))
                .body("correctionReason", contains(nullValue(), equalTo("two transitions counted twice")))
                .body("reportedBy", contains("reporter-0300", "leader-0300"))
                .body("[1].receivedAt", notNullValue());
    }

    @Test
    void aBatchMayHoldAValueAndItsCorrection() {
        submit(reporter, item(office, ratio, PERIOD).ratio(10, 20),
                item(office, ratio, PERIOD).ratio(11, 20).reason("late registrations"))
                .statusCode(200).body("accepted", equalTo(2));
        history().body("numerator", contains(10, 11));
    }

    @Test
    void readsNeedAValidUnitIdAndAToken() {
        given().auth().oauth2(Tokens.viewer()).get("/api/results?unitId=03")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("unitId"));
        given().get("/api/results?unitId=0314").then().statusCode(401);
    }

    io.restassured.response.ValidatableResponse history() {
        return given().auth().oauth2(Tokens.viewer())
                .get("/api/results/history?unitId={u}&indicatorId={i}&period={p}", office, ratio, PERIOD)
                .then().statusCode(200);
    }
}
