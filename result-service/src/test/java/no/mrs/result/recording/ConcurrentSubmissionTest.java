package no.mrs.result.recording;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.result.fixtures.Organisation;
import no.mrs.result.fixtures.Results;
import no.mrs.result.fixtures.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

/** Batches racing for the same result: one wins, the others are judged again and see its value. */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class ConcurrentSubmissionTest {

    static final int RACERS = 6;

    @Inject
    Organisation organisation;

    @Test
    void exactlyOneOfSeveralConcurrentFirstValuesIsAccepted() throws Exception {
        String office = organisation.office(Organisation.OSLO);
        String ratio = organisation.ratio();
        String reporter = Tokens.reporter(Organisation.OSLO);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            List<CompletableFuture<Integer>> accepted = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                Results.Item item = Results.item(office, ratio, "2021-05").ratio(i, 10);
                accepted.add(CompletableFuture.supplyAsync(() -> given().auth().oauth2(reporter)
                        .contentType(ContentType.JSON).body(Results.body(item)).post("/api/results")
                        .then().statusCode(200).extract().path("accepted"), pool));
            }
            int total = 0;
            for (CompletableFuture<Integer> future : accepted) {
                total += future.get();
            }
            assertThat(total).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(reporter)
                .get("/api/results/history?unitId={u}&indicatorId={i}&period=2021-05", office, ratio)
                .then().statusCode(200).body("", hasSize(1));
    }

    /**
     * The same measurement id raced for by different results: one is accepted, the others are judged again and
     * refused as a reused id — never a server error (the event log's measurement-id index keeps an id to one event).
     */
    @Test
    void oneMeasurementIdRacedForByDifferentResultsIsTakenOnce() throws Exception {
        String office = organisation.office(Organisation.OSLO);
        String ratio = organisation.ratio();
        String reporter = Tokens.reporter(Organisation.OSLO);
        String id = "race/" + java.util.UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        List<String> codes = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            List<CompletableFuture<Integer>> accepted = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                Results.Item item = Results.item(office, ratio, "2020-0" + (i + 1)).ratio(i, 10).id(id);
                accepted.add(CompletableFuture.supplyAsync(() -> {
                    io.restassured.response.Response response = given().auth().oauth2(reporter)
                            .contentType(ContentType.JSON).body(Results.body(item)).post("/api/results");
                    response.then().statusCode(200);
                    codes.addAll(response.jsonPath().getList("rejected.errors.flatten().code", String.class));
                    return response.jsonPath().getInt("accepted");
                }, pool));
            }
            int total = 0;
            for (CompletableFuture<Integer> future : accepted) {
                total += future.get();
            }
            assertThat(total).isEqualTo(1);
            assertThat(codes).hasSize(RACERS - 1).containsOnly("measurement-id-reused");
        } finally {
            pool.shutdownNow();
        }
    }
}
