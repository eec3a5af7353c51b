package no.mrs.reporting.projection;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import no.mrs.contracts.result.ResultRecorded;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.reporting.support.Api;
import no.mrs.reporting.support.Feed;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static no.mrs.reporting.support.Events.corrected;
import static no.mrs.reporting.support.Events.national;
import static no.mrs.reporting.support.Events.office;
import static no.mrs.reporting.support.Events.ratio;
import static no.mrs.reporting.support.Events.region;
import static no.mrs.reporting.support.Events.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The read model loaded in the background, as at a start, against the real broker and database: while it loads,
 * reads wait or are answered 503 with Retry-After and readiness is DOWN, never from a model loaded in part; an
 * {@code asOf} read while the history loads answers as after it; records arriving during the load are applied once,
 * after it. The load is held open at its two points by {@link HeldLoadHooks} (latches).
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class BackgroundLoadTest {

    private static final Instant T0 = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
    private static final Instant T1 = T0.plus(Duration.ofDays(10));

    @Inject
    ReadModels models;

    @AfterEach
    void openTheLoad() {
        HeldLoadHooks.CURRENT.release();
        HeldLoadHooks.HISTORY.release();
        awaitLoaded();
    }

    private static void awaitLoaded() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                given().auth().oauth2(Api.OPERATOR).get("/api/admin/checksum").statusCode() == 200);
        Api.awaitCaughtUp();
    }

    private static ExtractableResponse<Response> get(String path, Instant asOf) {
        var request = given().auth().oauth2(Api.VIEWER).queryParam("period", "2021-02");
        if (asOf != null) {
            request = request.queryParam("asOf", asOf.toString());
        }
        return request.get(path).then().extract();
    }

    /**
     * A response's body without the model's {@code asOf} (the latest event's time: the slot keeps it to the
     * microsecond, a model that applied the event has its nanoseconds).
     */
    private static String body(ExtractableResponse<Response> response) {
        return response.body().asString().replaceAll(",\"asOf\":\"[^\"]*\"", "");
    }

    private static void assertStillLoading(ExtractableResponse<Response> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.jsonPath().getString("type")).isEqualTo("urn:mrs:problem:unavailable");
    }

    @Test
    void theStartsLoadBeginsRightAfterFlywaysMigrationNotAtTheStartupEvent() {
        // the rest of Quarkus's start overlaps the load that readiness waits for
        assertThat(models.startLoadWhen()).isEqualTo("after Flyway's migration");
    }

    @Test
    void aReadWhileTheModelLoadsIsAnswered503OrWaitsAndIsThenCompleteNeverPartial() throws Exception {
        Api.publish(national("9800", "Bgland"), region("9810", "Nav Bgvik", "9800"), office("9811", "Nav Bgby", "9810"),
                office("9812", "Nav Bgdal", "9810"), ratio("BG.1", "Andel lastet"),
                result("9811", "BG.1", "2021-02", 30, 100), result("9812", "BG.1", "2021-02", 50, 100));
        String before = body(get("/api/scorecards/9810", null));
        assertThat(before).contains("BG.1");

        HeldLoadHooks.CURRENT.hold();
        models.loadInBackground();
        HeldLoadHooks.CURRENT.awaitReached();
        // the slot is read, the model not yet answering: no read sees it, readiness is DOWN, liveness UP
        assertStillLoading(get("/api/scorecards/9810", null));
        assertStillLoading(get("/api/comparisons/9810/BG.1", null));
        given().get("/q/health/ready").then().statusCode(503);
        given().get("/q/health/live").then().statusCode(200);
        CompletableFuture<ExtractableResponse<Response>> waiting =
                CompletableFuture.supplyAsync(() -> get("/api/scorecards/9810", null));
        HeldLoadHooks.CURRENT.release();

        ExtractableResponse<Response> during = waiting.join();
        if (during.statusCode() != 503) {
            assertThat(during.statusCode()).isEqualTo(200);
            assertThat(body(during)).isEqualTo(before);
        } else {
            assertStillLoading(during);
        }
        awaitLoaded();
        assertThat(body(get("/api/scorecards/9810", null))).isEqualTo(before);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void anAsOfReadWhileTheHistoryLoadsAnswersAsAfterIt() throws Exception {
        ResultRecorded wrong = result("9821", "BG.2", "2021-02", 90, 100);
        Feed.sendAt(T0, national("9800", "Bgland"), region("9820", "Nav Bgøy", "9800"),
                office("9821", "Nav Bgnes", "9820"), ratio("BG.2", "Andel før"), wrong);
        Api.awaitCaughtUp();
        Feed.sendAt(T1, corrected(wrong, 30, 60, "Feil i fagsystemet"));
        Api.awaitCaughtUp();
        Instant between = T0.plus(Duration.ofDays(1));
        String asOf = body(get("/api/scorecards/9821", between));
        String now = body(get("/api/scorecards/9821", null));
        assertThat(asOf).contains("Feil i fagsystemet");
        String checksum = Api.checksum();

        HeldLoadHooks.HISTORY.hold();
        models.loadInBackground();
        HeldLoadHooks.HISTORY.awaitReached();
        // current reads are answered (and the replica is ready); the history is not in yet
        assertThat(body(get("/api/scorecards/9821", null))).isEqualTo(now);
        given().get("/q/health/ready").then().statusCode(200);
        CompletableFuture<ExtractableResponse<Response>> waiting =
                CompletableFuture.supplyAsync(() -> get("/api/scorecards/9821", between));
        HeldLoadHooks.HISTORY.release();

        ExtractableResponse<Response> during = waiting.join();
        if (during.statusCode() != 503) {
            assertThat(during.statusCode()).isEqualTo(200);
            assertThat(body(during)).isEqualTo(asOf);
        } else {
            assertStillLoading(during); // only if the machine stalled beyond the load wait
        }
        awaitLoaded();
        assertThat(body(get("/api/scorecards/9821", between))).isEqualTo(asOf);
        assertThat(Api.checksum()).isEqualTo(checksum);
    }

    @Test
    void recordsArrivingDuringTheLoadAreAppliedOnceAfterIt() throws Exception {
        ResultRecorded first = result("9831", "BG.3", "2021-02", 20, 100);
        Feed.sendAt(T0, national("9800", "Bgland"), region("9830", "Nav Bgmo", "9800"),
                office("9831", "Nav Bgli", "9830"), office("9832", "Nav Bgås", "9830"), ratio("BG.3", "Andel under"),
                first);
        Api.awaitCaughtUp();
        Instant before = T0.plus(Duration.ofDays(1));

        HeldLoadHooks.HISTORY.hold();
        models.loadInBackground();
        HeldLoadHooks.HISTORY.awaitReached();
        Feed.sendAt(T1, corrected(first, 40, 100, "Rettet under lasting"), result("9832", "BG.3", "2021-02", 10, 50));
        // the current model answers, but nothing is applied before its history is in
        assertThat(Api.row("9830", "2021-02", "BG.3").month()).isEqualTo(20.0);
        HeldLoadHooks.HISTORY.release();
        awaitLoaded();

        // (40 + 10) / (100 + 50): the correction and the new figure, each once
        assertThat(Api.row("9830", "2021-02", "BG.3").month()).isCloseTo(100.0 * 50 / 150, within(1e-9));
        assertThat(Api.row("9831", "2021-02", "BG.3").month()).isEqualTo(40.0);
        String asOf = body(get("/api/scorecards/9831", before));
        assertThat(asOf).contains("\"corrections\":1").contains("Rettet under lasting");

        // the model equals one loaded from the slot after everything
        String live = Api.checksum();
        models.loadInBackground();
        awaitLoaded();
        assertThat(Api.checksum()).isEqualTo(live);
        assertThat(body(get("/api/scorecards/9831", before))).isEqualTo(asOf);
        assertThat(Api.row("9830", "2021-02", "BG.3").month()).isCloseTo(100.0 * 50 / 150, within(1e-9));
    }
}
