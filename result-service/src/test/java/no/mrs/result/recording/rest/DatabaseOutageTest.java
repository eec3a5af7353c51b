package no.mrs.result.recording.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.mrs.devstack.test.RestartablePostgres;
import no.mrs.result.fixtures.Organisation;
import no.mrs.result.fixtures.Results;
import no.mrs.result.fixtures.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static no.mrs.result.fixtures.Results.item;
import static no.mrs.result.fixtures.Results.submit;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * While result-service's PostgreSQL (a server of this test's own, {@link RestartablePostgres}) is stopped, a
 * submission and a read answer 503 {@code unavailable} with {@code Retry-After} — not 500 — and readiness is DOWN;
 * once it is back, the same submission is accepted and stored once, without restarting the service.
 */
@QuarkusTest
@WithTestResource(RestartablePostgres.class)
class DatabaseOutageTest {

    static final String PERIOD = "2021-06";

    @Inject
    Organisation organisation;

    @Test
    void anOutageOfTheDatabaseAnswers503WithRetryAfterAndASubmissionSentAgainIsStoredOnce() throws Exception {
        String office = organisation.office(Organisation.OSLO);
        String ratio = organisation.ratio();
        String reporter = Tokens.reporter(Organisation.OSLO);
        Results.Item item = item(office, ratio, PERIOD).ratio(61, 100);
        given().get("/q/health/ready").then().statusCode(200);

        RestartablePostgres.stopServer();
        try {
            submit(reporter, item).statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "5").body("type", equalTo("urn:mrs:problem:unavailable"))
                    .body("status", equalTo(503)).body("retryAfterSeconds", equalTo(5))
                    .body("instance", equalTo("/api/results"));
            history(office, ratio).statusCode(503).contentType("application/problem+json").header("Retry-After", "5");
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.findAll { it.status == 'DOWN' }.name", hasItem("Database connections health check"));
        } finally {
            RestartablePostgres.startServer();
        }

        // a careful client sends the same batch again until it gets a 200
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> submit(reporter, item).statusCode(200));
        history(office, ratio).statusCode(200).body("", hasSize(1))
                .body("measurementId", contains(item.measurementId())).body("numerator", contains(61));
        submit(reporter, item).statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(1));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    static io.restassured.response.ValidatableResponse history(String office, String ratio) {
        return given().auth().oauth2(Tokens.viewer())
                .get("/api/results/history?unitId={u}&indicatorId={i}&period={p}", office, ratio, PERIOD).then();
    }
}
