package no.mrs.goal;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import no.mrs.devstack.test.RestartablePostgres;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static no.mrs.goal.Api.DIRECTORATE;
import static no.mrs.goal.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * While goal-service's PostgreSQL (a server of this test's own, {@link RestartablePostgres}) is stopped, reads and
 * writes answer 503 {@code unavailable} with {@code Retry-After} — not 500 — and change nothing; readiness is DOWN.
 * Once the server is back, the same requests succeed and readiness is UP, without restarting the service.
 */
@QuarkusTest
@WithTestResource(RestartablePostgres.class)
class DatabaseOutageTest {

    static final String OFFICE = "{\"name\":\"Nav Nordstrand\",\"level\":\"OFFICE\",\"parentId\":\"0300\"}";

    @Test
    void anOutageOfTheDatabaseAnswers503WithRetryAfterAndTheServiceRecoversByItself() throws Exception {
        Api.unit("0000", "Norge", "NATIONAL", null);
        Api.unit("0300", "Nav Oslo", "REGION", "0000");
        given().get("/q/health/ready").then().statusCode(200);

        RestartablePostgres.stopServer();
        try {
            as(DIRECTORATE).get("/api/units/0300").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "5")
                    .body("type", equalTo("urn:mrs:problem:unavailable")).body("status", equalTo(503))
                    .body("retryAfterSeconds", equalTo(5)).body("instance", equalTo("/api/units/0300"))
                    .body("detail", not(org.hamcrest.Matchers.containsString("SQL")));
            as(DIRECTORATE).body(OFFICE).put("/api/units/0318").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "5")
                    .body("type", equalTo("urn:mrs:problem:unavailable"));
            as(DIRECTORATE).get("/api/units").then().statusCode(503).header("Retry-After", "5");
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.findAll { it.status == 'DOWN' }.name", hasItem("Database connections health check"));
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            RestartablePostgres.startServer();
        }

        // the pool reconnects by itself: the first answers may still be 503 (a connection cut by the restart)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                as(DIRECTORATE).get("/api/units/0300").then().statusCode(200).body("name", equalTo("Nav Oslo")));
        as(DIRECTORATE).get("/api/units/0318").then().statusCode(404);
        as(DIRECTORATE).body(OFFICE).put("/api/units/0318").then().statusCode(201);
        as(DIRECTORATE).get("/api/units/0300").then().statusCode(200).body("children", hasItem("0318"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }
}
