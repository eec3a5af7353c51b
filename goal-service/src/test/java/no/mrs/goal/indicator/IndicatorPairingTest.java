package no.mrs.goal.indicator;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.goal.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static no.mrs.goal.Api.DIRECTORATE;
import static no.mrs.goal.Api.as;
import static no.mrs.goal.Api.token;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The directorate pairs an activity indicator with the outcome it is meant to serve ({@code pairedOutcome}, for
 * goal displacement); an outcome that does not exist or is the indicator itself is a 400 naming the field, and
 * nothing is written.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class IndicatorPairingTest {

    static final String ACTIVITY = """
            {"name":"Andel i arbeidsrettet aktivitet","perspective":"USER","measure":"RATIO",
             "direction":"HIGHER_IS_BETTER","description":"%s"}""";

    @BeforeEach
    void catalogue() {
        Api.organisation();
        Api.indicator("P.45", ACTIVITY.formatted("aktivitet"));
    }

    @Test
    void theDirectoratePairsAnActivityWithItsOutcomeAndARedefinitionKeepsIt() {
        int version = as(DIRECTORATE).body("{\"pairedOutcome\":null}").put("/api/indicators/P.45/paired-outcome")
                .then().statusCode(200).body("pairedOutcome", nullValue()).extract().path("version");
        as(DIRECTORATE).body("{\"pairedOutcome\":\"B.15\"}").put("/api/indicators/P.45/paired-outcome")
                .then().statusCode(200).contentType("application/json").body("indicatorId", equalTo("P.45"))
                .body("pairedOutcome", equalTo("B.15")).body("version", equalTo(version + 1));
        as(token("viewer", "0314")).get("/api/indicators/P.45").then().statusCode(200)
                .body("pairedOutcome", equalTo("B.15"));

        // the same pairing again writes nothing
        as(DIRECTORATE).body("{\"pairedOutcome\":\"B.15\"}").put("/api/indicators/P.45/paired-outcome")
                .then().statusCode(200).body("version", equalTo(version + 1));
        // a redefinition keeps it
        as(DIRECTORATE).body(ACTIVITY.formatted("arbeidsrettet aktivitet, ny tekst")).put("/api/indicators/P.45")
                .then().statusCode(200).body("pairedOutcome", equalTo("B.15")).body("version", equalTo(version + 2));
        // removed
        as(DIRECTORATE).body("{\"pairedOutcome\":null}").put("/api/indicators/P.45/paired-outcome")
                .then().statusCode(200).body("pairedOutcome", nullValue()).body("version", equalTo(version + 3));
        as(token("viewer", "0314")).get("/api/indicators/B.15").then().statusCode(200)
                .body("pairedOutcome", nullValue());
    }

    @Test
    void anOutcomeThatDoesNotExistOrIsTheIndicatorItselfIsRefusedAndNothingIsWritten() {
        int version = as(DIRECTORATE).get("/api/indicators/P.45").then().extract().path("version");
        Object paired = as(DIRECTORATE).get("/api/indicators/P.45").then().extract().path("pairedOutcome");

        as(DIRECTORATE).body("{\"pairedOutcome\":\"P.45\"}").put("/api/indicators/P.45/paired-outcome")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("pairedOutcome")).body("errors.code", contains("paired-with-itself"));
        as(DIRECTORATE).body("{\"pairedOutcome\":\"Z.999\"}").put("/api/indicators/P.45/paired-outcome")
                .then().statusCode(400).body("errors.field", contains("pairedOutcome"))
                .body("errors.code", contains("unknown-indicator"));
        as(DIRECTORATE).body("{\"pairedOutcome\":\"b.15\"}").put("/api/indicators/P.45/paired-outcome")
                .then().statusCode(400).body("errors.field", contains("pairedOutcome"));
        as(DIRECTORATE).body("{\"pairedOutcome\":\"B.15\"}").put("/api/indicators/Z.998/paired-outcome")
                .then().statusCode(404).contentType("application/problem+json");

        as(DIRECTORATE).get("/api/indicators/P.45").then().body("version", equalTo(version))
                .body("pairedOutcome", equalTo(paired));
    }

    @Test
    void onlyTheDirectoratePairs() {
        as(token("leader", "0000")).body("{\"pairedOutcome\":\"B.15\"}").put("/api/indicators/P.45/paired-outcome")
                .then().statusCode(403).contentType("application/problem+json");
        as(token("viewer", "0000")).body("{\"pairedOutcome\":\"B.15\"}").put("/api/indicators/P.45/paired-outcome")
                .then().statusCode(403);
    }
}
