package no.mrs.result.recording.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import no.mrs.devstack.DevTokens;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.result.fixtures.Organisation;
import no.mrs.result.fixtures.Results;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static no.mrs.result.fixtures.Results.item;
import static no.mrs.result.fixtures.Results.submit;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

/** Over its rate a caller gets 429 with Retry-After, and what it sent is not stored; other callers are not slowed. */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
@TestProfile(SubmissionRateLimitTest.TwoRequestsThenOneEvery100Seconds.class)
class SubmissionRateLimitTest {

    public static class TwoRequestsThenOneEvery100Seconds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mrs.limits.submissions.per-caller.requests-per-second", "0.01",
                    "mrs.limits.submissions.per-caller.burst", "2");
        }
    }

    @Inject
    Organisation organisation;

    String office;
    String ratio;

    @BeforeEach
    void catalogue() {
        office = organisation.office(Organisation.OSLO);
        ratio = organisation.ratio();
    }

    static String reporter(String subject) {
        return DevTokens.token().subject(subject).roles("reporter").units(Organisation.OSLO).sign();
    }

    @Test
    void refusesTheRequestOverTheBurstWith429AndRetryAfterAndStoresNothing() {
        String token = reporter("busy-system");
        submit(token, item(office, ratio, "2021-01").ratio(1, 2)).statusCode(200).body("accepted", equalTo(1));
        submit(token, item(office, ratio, "2021-02").ratio(1, 2)).statusCode(200).body("accepted", equalTo(1));
        Results.Item refused = item(office, ratio, "2021-03").ratio(1, 2);
        submit(token, refused).statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", Integer::parseInt, allOf(greaterThanOrEqualTo(90), lessThanOrEqualTo(100)))
                .body("type", equalTo("urn:mrs:problem:rate-limited"))
                .body("status", equalTo(429)).body("detail", notNullValue());
        String csv = "measurementId,unitId,indicatorId,period,numerator,denominator\n"
                + "csv-limited," + office + "," + ratio + ",2021-04,1,2\n";
        Results.submitCsv(token, csv.getBytes(StandardCharsets.UTF_8)).statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue());
        // nothing of the refused requests was stored: sent again by another caller, both are new, not duplicates
        submit(reporter("patient-system"), refused).statusCode(200).body("accepted", equalTo(1));
        Results.submitCsv(reporter("patient-system"), csv.getBytes(StandardCharsets.UTF_8)).statusCode(200)
                .body("accepted", equalTo(1));
    }

    @Test
    void eachCallerHasItsOwnAllowance() {
        String first = reporter("first-system");
        String second = reporter("second-system");
        submit(first, item(office, ratio, "2020-01").ratio(1, 2)).statusCode(200);
        submit(first, item(office, ratio, "2020-02").ratio(1, 2)).statusCode(200);
        submit(first, item(office, ratio, "2020-03").ratio(1, 2)).statusCode(429);
        submit(second, item(office, ratio, "2020-03").ratio(1, 2)).statusCode(200).body("accepted", equalTo(1));
    }
}
