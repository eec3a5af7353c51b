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

import java.time.YearMonth;

import static no.mrs.result.fixtures.Results.item;
import static no.mrs.result.fixtures.Results.submit;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Each validation rule rejects the item with the field and a code, never a 5xx, and keeps the batch going. */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class ValidationTest {

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

    void rejected(Results.Item item, String field, String code) {
        submit(reporter, item).statusCode(200)
                .body("accepted", equalTo(0))
                .body("rejected", hasSize(1))
                .body("rejected[0].index", equalTo(0))
                .body("rejected[0].errors.field", contains(field))
                .body("rejected[0].errors.code", contains(code));
    }

    @Test
    void acceptsAGoodItemAndRejectsABadOneInTheSameBatch() {
        Results.Item good = item(office, ratio, PERIOD).ratio(77, 100);
        Results.Item bad = item(office, ratio, "2021-07").ratio(101, 100);
        submit(reporter, good, bad).statusCode(200)
                .body("accepted", equalTo(1)).body("duplicates", equalTo(0))
                .body("rejected[0].index", equalTo(1))
                .body("rejected[0].measurementId", equalTo(bad.measurementId()))
                .body("rejected[0].errors.code", contains("numerator-exceeds-denominator"));
    }

    @Test
    void rejectsMissingAndOverlongMeasurementIds() {
        rejected(item(office, ratio, PERIOD).ratio(1, 2).id(null), "measurementId", "required");
        rejected(item(office, ratio, PERIOD).ratio(1, 2).id("x".repeat(129)), "measurementId", "too-long");
    }

    @Test
    void rejectsMeasurementIdsThatASpreadsheetWouldReadAsAFormula() {
        for (String formula : new String[] { "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", " padded", "a b",
                "<b>x</b>", "a,b" }) {
            rejected(item(office, ratio, PERIOD).ratio(1, 2).id(formula), "measurementId", "invalid-format");
        }
    }

    @Test
    void acceptsTheMeasurementIdsInUse() {
        // the shapes of the demo seeder, the benchmark, the chaos suite, the system tests and the README
        String[] ids = { "demo/2021-06/0314/B.15", "ingest/2019-03/0314/B.15", "curve100/2019-03/0314/B.15",
                "kafka-chain/7", "probe/12", "m-42", "csv-7", "2021-06/0314/B.15/a1",
                "3f2b6f9e-6c1d-4f0a-9d65-0c8f3d1e2a7b", "sys:2021-06T10:00+01:00#1", "x_1.2@nav" };
        for (int i = 0; i < ids.length; i++) {
            String period = YearMonth.of(2010, 1).plusMonths(i).toString();
            submit(reporter, item(office, ratio, period).ratio(1, 2).id(ids[i])).statusCode(200)
                    .body("accepted", equalTo(1));
        }
    }

    @Test
    void rejectsMalformedUnknownAndNonOfficeUnits() {
        rejected(item("03", ratio, PERIOD).ratio(1, 2), "unitId", "malformed-unit");
        rejected(item("9999", ratio, PERIOD).ratio(1, 2), "unitId", "unknown-unit");
        rejected(item(Organisation.OSLO, ratio, PERIOD).ratio(1, 2), "unitId", "not-an-office");
    }

    @Test
    void rejectsAUnitOutsideTheCallersUnits() {
        String elsewhere = organisation.office(Organisation.INNLANDET);
        rejected(item(elsewhere, ratio, PERIOD).ratio(1, 2), "unitId", "forbidden-unit");
    }

    @Test
    void rejectsUnknownIndicatorsAndLocalIndicatorsOutsideTheirOwner() {
        rejected(item(office, "Z.999", PERIOD).ratio(1, 2), "indicatorId", "unknown-indicator");
        String innlandetOnly = organisation.localRatio(Organisation.INNLANDET);
        rejected(item(office, innlandetOnly, PERIOD).ratio(1, 2), "indicatorId", "indicator-not-in-scope");
        String osloOnly = organisation.localRatio(Organisation.OSLO);
        submit(reporter, item(office, osloOnly, PERIOD).ratio(1, 2)).statusCode(200).body("accepted", equalTo(1));
    }

    @Test
    void rejectsMalformedAndFuturePeriods() {
        rejected(item(office, ratio, "2021-13").ratio(1, 2), "period", "malformed-period");
        rejected(item(office, ratio, "June 2021").ratio(1, 2).id("june-2021/" + java.util.UUID.randomUUID()), "period",
                "malformed-period");
        rejected(item(office, ratio, YearMonth.now().plusMonths(2).toString()).ratio(1, 2), "period", "future-period");
    }

    @Test
    void ratiosTakeWholeNumbersWithinTheDenominator() {
        rejected(item(office, ratio, PERIOD).with("numerator", 1.5).with("denominator", 2), "numerator",
                "not-whole-number");
        rejected(item(office, ratio, PERIOD).ratio(-1, 2), "numerator", "out-of-range");
        rejected(item(office, ratio, PERIOD).ratio(0, 0), "denominator", "out-of-range");
        rejected(item(office, ratio, PERIOD).ratio(3, 2), "numerator", "numerator-exceeds-denominator");
        rejected(item(office, ratio, PERIOD).with("numerator", 1), "denominator", "required");
        rejected(item(office, ratio, PERIOD).ratio(1, 2).count(1), "value", "not-applicable");
    }

    @Test
    void countsTakeAWholeNumberOfZeroOrMore() {
        String count = organisation.count();
        rejected(item(office, count, PERIOD).count(-1), "value", "out-of-range");
        rejected(item(office, count, PERIOD).with("value", 2.5), "value", "not-whole-number");
        rejected(item(office, count, PERIOD).with("numerator", 1).count(3), "numerator", "not-applicable");
        rejected(item(office, count, PERIOD), "value", "required");
        submit(reporter, item(office, count, PERIOD).count(0)).statusCode(200).body("accepted", equalTo(1));
    }

    @Test
    void scoresNeedRespondentsAndAMeanWithinTheScale() {
        String score = organisation.score(1, 6);
        rejected(item(office, score, PERIOD).ratio(10, 0), "denominator", "out-of-range");
        rejected(item(office, score, PERIOD).ratio(70, 10), "numerator", "out-of-scale");
        rejected(item(office, score, PERIOD).ratio(5, 10), "numerator", "out-of-scale");
        submit(reporter, item(office, score, PERIOD).with("numerator", 45.5).with("denominator", 10))
                .statusCode(200).body("accepted", equalTo(1));
    }

    @Test
    void rejectsMissingKeys() {
        rejected(item(office, ratio, PERIOD).ratio(1, 2).with("unitId", null), "unitId", "required");
        rejected(item(office, ratio, PERIOD).ratio(1, 2).with("indicatorId", null), "indicatorId", "required");
        rejected(item(office, ratio, PERIOD).ratio(1, 2).with("period", null), "period", "required");
    }

    @Test
    void rejectsOverlongCommentsAndReasonsAndUnknownProperties() {
        rejected(item(office, ratio, PERIOD).ratio(1, 2).comment("x".repeat(1001)), "comment", "too-long");
        rejected(item(office, ratio, PERIOD).ratio(1, 2).reason("x".repeat(1001)), "correctionReason", "too-long");
        rejected(item(office, ratio, PERIOD).ratio(1, 2).with("colour", "red"), "colour", "unknown-property");
        rejected(item(office, ratio, PERIOD).with("numerator", "many").with("denominator", 2), "numerator",
                "invalid-type");
    }
}
