package no.mrs.result.outlier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import no.mrs.devstack.test.EventSchemas;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.result.fixtures.Organisation;
import no.mrs.result.fixtures.Results;
import no.mrs.result.fixtures.Tokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static no.mrs.result.fixtures.Results.item;
import static no.mrs.result.fixtures.Results.submit;
import static no.mrs.result.outlier.OutlierWarningTest.PLANTED;
import static no.mrs.result.outlier.OutlierWarningTest.ordinaryYear;
import static no.mrs.result.outlier.OutlierWarningTest.submitAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * A leader confirms a flagged figure with a reason (audited as {@code OutlierConfirmed}); a correction runs the check
 * again. Who may confirm, and what is refused.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class OutlierConfirmationTest {

    @Inject
    Organisation organisation;

    @Inject
    ObjectMapper mapper;

    /** An office whose {@link OutlierWarningTest#PLANTED} month of a count is flagged; returns its measurement. */
    Results.Item flagged(String office, String count) {
        submitAll(Tokens.reporter(Organisation.OSLO), ordinaryYear(office, count)).statusCode(200);
        Results.Item planted = item(office, count, PLANTED.toString()).count(410);
        submit(Tokens.reporter(Organisation.OSLO), planted).statusCode(200).body("warnings", hasSize(1));
        return planted;
    }

    static ValidatableResponse confirm(String token, String office, String indicator, String period, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/results/{unit}/{indicator}/{period}/outlier-confirmation", office, indicator, period)
                .then();
    }

    @Test
    void aLeaderAboveTheOfficeConfirmsWithAReasonAndTheConfirmationIsPublished() throws Exception {
        String office = organisation.office(Organisation.OSLO);
        String count = organisation.count();
        Results.Item planted = flagged(office, count);

        confirm(Tokens.leader(Organisation.OSLO), office, count, PLANTED.toString(),
                "{\"reason\":\"A job fair with 400 hires in June\"}").statusCode(201)
                .body("measurementId", equalTo(planted.measurementId()))
                .body("reason", equalTo("A job fair with 400 hires in June"))
                .body("confirmedBy", equalTo("leader-0300")).body("confirmedAt", notNullValue())
                .body("figure", equalTo(410));

        given().auth().oauth2(Tokens.viewer()).queryParam("unitId", office).queryParam("indicatorId", count)
                .queryParam("from", PLANTED.toString()).queryParam("to", PLANTED.toString()).get("/api/results")
                .then().statusCode(200).body("[0].outlier.confirmedBy", equalTo("leader-0300"))
                .body("[0].outlier.confirmationReason", equalTo("A job fair with 400 hires in June"));

        JsonNode event = OutlierWarningTest.published(mapper, office, planted.measurementId(), "OutlierConfirmed");
        EventSchemas.assertValid(mapper.writeValueAsString(event));
        assertThat(event.path("data").path("actor").asText()).isEqualTo("leader-0300");
        assertThat(event.path("data").path("reason").asText()).isEqualTo("A job fair with 400 hires in June");
        assertThat(event.path("streamid").asText()).isEqualTo("result:" + office + "/" + count + "/" + PLANTED);
        assertThat(event.path("streamversion").asLong()).isEqualTo(2);

        // once confirmed, there is nothing left to confirm
        confirm(Tokens.directorate(), office, count, PLANTED.toString(), "{\"reason\":\"again\"}").statusCode(409)
                .body("type", equalTo("urn:mrs:problem:already-confirmed"));
    }

    @Test
    void aCorrectionAfterAConfirmationFollowsItOnTheStreamAndIsCheckedAgain() {
        String office = organisation.office(Organisation.OSLO);
        String count = organisation.count();
        flagged(office, count);
        confirm(Tokens.leader(office), office, count, PLANTED.toString(), "{\"reason\":\"checked\"}")
                .statusCode(201);
        // corrected to an ordinary figure: no warning, no mark
        submit(Tokens.leader(office), item(office, count, PLANTED.toString()).count(41).reason("typed one 0 too many"))
                .statusCode(200).body("accepted", equalTo(1)).body("warnings", empty());
        given().auth().oauth2(Tokens.viewer()).queryParam("unitId", office).queryParam("indicatorId", count)
                .queryParam("from", PLANTED.toString()).queryParam("to", PLANTED.toString()).get("/api/results")
                .then().statusCode(200).body("[0].value", equalTo(41)).body("[0].version", equalTo(3))
                .body("[0].outlier", nullValue());
        // corrected to a wild figure again: the warning is back, unconfirmed
        submit(Tokens.leader(office), item(office, count, PLANTED.toString()).count(4100).reason("a new count"))
                .statusCode(200).body("accepted", equalTo(1)).body("warnings[0].code", equalTo("outlier"));
        given().auth().oauth2(Tokens.viewer()).queryParam("unitId", office).queryParam("indicatorId", count)
                .queryParam("from", PLANTED.toString()).queryParam("to", PLANTED.toString()).get("/api/results")
                .then().statusCode(200).body("[0].outlier.figure", equalTo(4100))
                .body("[0].outlier.confirmedBy", nullValue());
    }

    @Test
    void onlyALeaderOfTheOfficeOrAboveOrTheDirectorateMayConfirm() {
        String office = organisation.office(Organisation.OSLO);
        String count = organisation.count();
        flagged(office, count);
        String reason = "{\"reason\":\"checked\"}";
        confirm(Tokens.reporter(Organisation.OSLO), office, count, PLANTED.toString(), reason).statusCode(403);
        confirm(Tokens.viewer(), office, count, PLANTED.toString(), reason).statusCode(403);
        confirm(Tokens.leader(Organisation.INNLANDET), office, count, PLANTED.toString(), reason).statusCode(403)
                .body("type", equalTo("urn:mrs:problem:forbidden"));
        given().contentType(ContentType.JSON).body(reason)
                .post("/api/results/{unit}/{indicator}/{period}/outlier-confirmation", office, count, PLANTED.toString())
                .then().statusCode(401);
        confirm(Tokens.directorate(), office, count, PLANTED.toString(), reason).statusCode(201);
    }

    @Test
    void badConfirmationsAreRefusedAndChangeNothing() {
        String office = organisation.office(Organisation.OSLO);
        String count = organisation.count();
        flagged(office, count);
        String leader = Tokens.leader(Organisation.OSLO);
        String period = PLANTED.toString();
        confirm(leader, office, count, period, "{}").statusCode(400)
                .body("errors[0].field", equalTo("reason")).body("errors[0].code", equalTo("required"));
        confirm(leader, office, count, period, "{\"reason\":\"  \"}").statusCode(400)
                .body("errors[0].code", equalTo("required"));
        confirm(leader, office, count, period, "{\"reason\":\"" + "x".repeat(1001) + "\"}").statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        confirm(leader, office, count, period, "{\"reason\":\"ok\",\"extra\":1}").statusCode(400);
        confirm(leader, office, count, period, "{\"reason\":42}").statusCode(400);
        confirm(leader, office, count, period, "{\"reason\":\"ok\\u0000\"}").statusCode(400)
                .body("errors[0].code", equalTo("invalid-character"));
        confirm(leader, office, count, period, "not json").statusCode(400);
        confirm(leader, office, count, "2020-13", "{\"reason\":\"ok\"}").statusCode(400);
        confirm(leader, "03x4", count, period, "{\"reason\":\"ok\"}").statusCode(400);
        // no figure there
        confirm(leader, office, count, PLANTED.minusYears(3).toString(), "{\"reason\":\"ok\"}").statusCode(404);
        // a figure without a warning
        confirm(leader, office, count, PLANTED.minusMonths(1).toString(), "{\"reason\":\"ok\"}").statusCode(409)
                .body("type", equalTo("urn:mrs:problem:not-an-outlier"));
        // nothing of the above confirmed it
        given().auth().oauth2(Tokens.viewer()).queryParam("unitId", office).queryParam("indicatorId", count)
                .queryParam("from", period).queryParam("to", period).get("/api/results")
                .then().statusCode(200).body("[0].outlier.figure", equalTo(410))
                .body("[0].outlier.confirmedBy", nullValue()).body("[0].version", equalTo(1));
    }
}
