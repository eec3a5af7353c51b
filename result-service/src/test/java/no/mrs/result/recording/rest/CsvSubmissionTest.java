package no.mrs.result.recording.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.result.fixtures.Organisation;
import no.mrs.result.fixtures.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static no.mrs.result.fixtures.Results.submitCsv;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The same submission as CSV: RFC 4180 quoting, empty cells, a UTF-8 byte order mark, Windows line ends. */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class CsvSubmissionTest {

    static final String HEADER = "measurementId,unitId,indicatorId,period,numerator,denominator,value,comment,correctionReason";

    @Inject
    Organisation organisation;

    String office;
    String ratio;
    String count;
    String reporter;

    @BeforeEach
    void catalogue() {
        office = organisation.office(Organisation.OSLO);
        ratio = organisation.ratio();
        count = organisation.count();
        reporter = Tokens.reporter(Organisation.OSLO);
    }

    String id() {
        return "csv-" + UUID.randomUUID();
    }

    @Test
    void readsQuotedCellsWithCommasQuotesAndLineBreaks() {
        String csv = HEADER + "\n"
                + id() + "," + office + "," + ratio + ",2021-05,77,100,,\"Fewer, but \"\"better\"\" meetings\nsee notes\",\n";
        submitCsv(reporter, csv.getBytes(StandardCharsets.UTF_8)).statusCode(200).body("accepted", equalTo(1));
        given().auth().oauth2(reporter).get("/api/results?unitId={u}&indicatorId={i}", office, ratio)
                .then().body("[0].comment", equalTo("Fewer, but \"better\" meetings\nsee notes"))
                .body("[0].value", equalTo(null));
    }

    @Test
    void treatsEmptyCellsAsAbsent() {
        String csv = HEADER + "\n"
                + id() + "," + office + "," + count + ",2021-05,,,12,,\n"
                + id() + "," + office + "," + ratio + ",2021-05,,100,,,\n";
        submitCsv(reporter, csv.getBytes(StandardCharsets.UTF_8)).statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected[0].index", equalTo(1))
                .body("rejected[0].errors.field", contains("numerator"))
                .body("rejected[0].errors.code", contains("required"));
    }

    @Test
    void acceptsAByteOrderMarkAndWindowsLineEnds() {
        String csv = "\uFEFF" + HEADER + "\r\n"
                + id() + "," + office + "," + ratio + ",2021-04,1,2,,Bjørn's office,\r\n"
                + id() + "," + office + "," + count + ",2021-04,,,5,,\r\n";
        submitCsv(reporter, csv.getBytes(StandardCharsets.UTF_8)).statusCode(200).body("accepted", equalTo(2));
        given().auth().oauth2(reporter).get("/api/results?unitId={u}&indicatorId={i}", office, ratio)
                .then().body("[0].comment", equalTo("Bjørn's office"));
    }

    @Test
    void acceptsColumnsInAnyOrderAndLeavingOutOptionalOnes() {
        String csv = "period,unitId,indicatorId,measurementId,value\n2021-03," + office + "," + count + "," + id() + ",4\n";
        submitCsv(reporter, csv.getBytes(StandardCharsets.UTF_8)).statusCode(200).body("accepted", equalTo(1));
    }

    @Test
    void rejectsARowWithTheWrongNumberOfCellsAndKeepsTheOthers() {
        String csv = HEADER + "\n"
                + id() + "," + office + "," + ratio + ",2021-02,1,2\n"
                + id() + "," + office + "," + ratio + ",2021-02,1,2,,,\n";
        submitCsv(reporter, csv.getBytes(StandardCharsets.UTF_8)).statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", hasSize(1))
                .body("rejected[0].index", equalTo(0)).body("rejected[0].errors.code", contains("malformed-row"));
    }

    @Test
    void rejectsAnUnknownColumnOrAnUnclosedQuoteAsAWhole() {
        submitCsv(reporter, ("measurementId,unitId,indicatorId,period,colour\nm,0314,B.15,2021-01,red\n")
                .getBytes(StandardCharsets.UTF_8)).statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("colour")).body("errors.code", contains("unknown-property"));
        submitCsv(reporter, (HEADER + "\nm,0314,B.15,2021-01,1,2,,\"not closed,\n").getBytes(StandardCharsets.UTF_8))
                .statusCode(400).body("type", equalTo("urn:mrs:problem:malformed-body"));
    }

    @Test
    void rejectsTextInANumberCell() {
        String csv = HEADER + "\n" + id() + "," + office + "," + ratio + ",2021-01,many,2,,,\n";
        submitCsv(reporter, csv.getBytes(StandardCharsets.UTF_8)).statusCode(200)
                .body("rejected[0].errors.field", contains("numerator"))
                .body("rejected[0].errors.code", contains("invalid-type"));
    }
}
