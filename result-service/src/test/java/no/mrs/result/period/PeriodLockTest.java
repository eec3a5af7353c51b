package no.mrs.result.period;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.result.fixtures.Organisation;
import no.mrs.result.fixtures.Results;
import no.mrs.result.fixtures.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static no.mrs.result.fixtures.Results.item;
import static no.mrs.result.fixtures.Results.submit;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** A locked month takes only corrections with a reason by a leader or the directorate. */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class PeriodLockTest {

    /** Each test locks a month of its own: locks are global. */
    static final AtomicInteger MONTHS = new AtomicInteger();

    @Inject
    Organisation organisation;

    String office;
    String ratio;
    String period;
    Results.Item reported;

    @BeforeEach
    void aReportedMonth() {
        office = organisation.office(Organisation.OSLO);
        ratio = organisation.ratio();
        period = YearMonth.of(2015, 1).plusMonths(MONTHS.incrementAndGet()).toString();
        reported = item(office, ratio, period).ratio(40, 100);
        submit(Tokens.reporter(Organisation.OSLO), reported).statusCode(200).body("accepted", equalTo(1));
        lock(period).statusCode(201).body("period", equalTo(period)).body("lockedBy", equalTo("directorate-user"));
    }

    static io.restassured.response.ValidatableResponse lock(String period) {
        return given().auth().oauth2(Tokens.directorate()).contentType(ContentType.JSON)
                .body("{\"reason\":\"Monthly figures published\"}").post("/api/periods/{p}/lock", period).then();
    }

    @Test
    void rejectsNewValuesAndCorrectionsByReportersInALockedMonth() {
        String other = organisation.ratio();
        submit(Tokens.reporter(Organisation.OSLO), item(office, other, period).ratio(1, 2)).statusCode(200)
                .body("rejected[0].errors.field", contains("period"))
                .body("rejected[0].errors.code", contains("period-locked"));
        submit(Tokens.reporter(Organisation.OSLO), item(office, ratio, period).ratio(41, 100).reason("typo"))
                .statusCode(200).body("rejected[0].errors.code", contains("period-locked"));
    }

    @Test
    void aLeaderOrTheDirectorateMayCorrectWithAReason() {
        submit(Tokens.leader(Organisation.OSLO), item(office, ratio, period).ratio(42, 100).reason("late registrations"))
                .statusCode(200).body("accepted", equalTo(1));
        submit(Tokens.directorate(), item(office, ratio, period).ratio(43, 100).reason("audit"))
                .statusCode(200).body("accepted", equalTo(1));
    }

    @Test
    void aLeaderWithoutAReasonIsStillRefused() {
        submit(Tokens.leader(Organisation.OSLO), item(office, ratio, period).ratio(42, 100))
                .statusCode(200).body("rejected[0].errors.code", contains("already-reported"));
        submit(Tokens.leader(Organisation.OSLO), item(office, organisation.ratio(), period).ratio(1, 2))
                .statusCode(200).body("rejected[0].errors.code", contains("period-locked"));
    }

    @Test
    void resendingWhatWasStoredBeforeTheLockIsStillADuplicate() {
        submit(Tokens.reporter(Organisation.OSLO), reported).statusCode(200).body("duplicates", equalTo(1));
    }

    @Test
    void aLockNeedsNoBody() {
        String another = YearMonth.of(2015, 1).plusMonths(MONTHS.incrementAndGet()).toString();
        given().auth().oauth2(Tokens.directorate()).post("/api/periods/{p}/lock", another)
                .then().statusCode(201).body("period", equalTo(another));
        given().auth().oauth2(Tokens.directorate()).contentType(ContentType.JSON)
                .body("{\"reason\":\"" + "x".repeat(1001) + "\"}").post("/api/periods/2014-02/lock")
                .then().statusCode(400).body("errors.field", contains("reason"));
        given().auth().oauth2(Tokens.directorate()).contentType(ContentType.JSON).body("{\"why\":1}")
                .post("/api/periods/2014-02/lock").then().statusCode(400).body("errors.code", contains("unknown-property"));
    }

    @Test
    void refusesABodyThatIsNotUtf8AndLocksNothing() {
        String another = YearMonth.of(2015, 1).plusMonths(MONTHS.incrementAndGet()).toString();
        byte[] notUtf8 = { '{', '"', 'r', 'e', 'a', 's', 'o', 'n', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}' };
        given().auth().oauth2(Tokens.directorate()).contentType(ContentType.JSON).body(notUtf8)
                .post("/api/periods/{p}/lock", another).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("reason"));
        given().auth().oauth2(Tokens.viewer()).get("/api/periods").then().statusCode(200)
                .body("period", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(another)));
    }

    @Test
    void aMonthIsLockedOnceOnlyByTheDirectorateAndNotInTheFuture() {
        lock(period).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:mrs:problem:already-locked"));
        given().auth().oauth2(Tokens.leader(Organisation.OSLO)).contentType(ContentType.JSON).body("{}")
                .post("/api/periods/{p}/lock", "2014-01").then().statusCode(403);
        lock(YearMonth.now().plusMonths(3).toString()).statusCode(400).body("errors.code", contains("future-period"));
        lock("2021-13").statusCode(400).body("errors.field", contains("period"));
        given().auth().oauth2(Tokens.viewer()).get("/api/periods").then().statusCode(200);
    }
}
