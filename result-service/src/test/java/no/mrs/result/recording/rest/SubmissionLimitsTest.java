package no.mrs.result.recording.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.result.fixtures.Organisation;
import no.mrs.result.fixtures.Results;
import no.mrs.result.fixtures.Tokens;
import org.junit.jupiter.api.Test;

import java.net.Socket;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * What is refused as a whole: unparseable or empty bodies (400), too many items or too many bytes (413), wrong roles.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class SubmissionLimitsTest {

    final String reporter = Tokens.reporter(Organisation.OSLO);

    @Test
    void refusesABodyThatIsNotJson() {
        given().auth().oauth2(reporter).contentType(ContentType.JSON).body("{\"results\":[")
                .post("/api/results").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:mrs:problem:malformed-body"));
    }

    @Test
    void refusesABodyWithoutAResultsArray() {
        given().auth().oauth2(reporter).contentType(ContentType.JSON).body("[{\"unitId\":\"0314\"}]")
                .post("/api/results").then().statusCode(400).body("type", equalTo("urn:mrs:problem:malformed-body"));
        given().auth().oauth2(reporter).contentType(ContentType.JSON).body("{\"results\":[],\"extra\":1}")
                .post("/api/results").then().statusCode(400).body("errors[0].code", equalTo("unknown-property"));
    }

    @Test
    void refusesMoreThanTenThousandItemsWith413() {
        List<Results.Item> items = new ArrayList<>();
        for (int i = 0; i <= 10_000; i++) {
            items.add(Results.item("0314", "B.15", "2021-06").ratio(1, 2));
        }
        given().auth().oauth2(reporter).contentType(ContentType.JSON).body(Results.body(items))
                .post("/api/results").then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:mrs:problem:payload-too-large")).body("maxItems", equalTo(10_000));
    }

    @Test
    void refusesTooManyCsvRowsWith413() {
        StringBuilder csv = new StringBuilder("measurementId,unitId,indicatorId,period,numerator,denominator\n");
        for (int i = 0; i <= 10_000; i++) {
            csv.append("m").append(i).append(",0314,B.15,2021-06,1,2\n");
        }
        Results.submitCsv(reporter, csv.toString().getBytes(StandardCharsets.UTF_8)).statusCode(413);
    }

    @Test
    void refusesABodyOverTheConfiguredSizeWith413ProblemBeforeReadingIt() throws Exception {
        String response = sendHeadersOnly("/api/results", 11 * 1024 * 1024, reporter);
        assertThat(response).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"type\":\"urn:mrs:problem:payload-too-large\"")
                .contains("\"maxBodyBytes\":10485760").contains("\"instance\":\"/api/results\"");
    }

    @Test
    void refusesAnOversizedBodyWith413ProblemOnEveryPathBeforeAuthentication() throws Exception {
        // the limit is the server's, not the resource's: an unknown path and no token get the same answer
        String response = sendHeadersOnly("/api/nothing-here", 10 * 1024 * 1024 + 1, null);
        assertThat(response).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"type\":\"urn:mrs:problem:payload-too-large\"");
    }

    /**
     * Sends only the head of a POST that announces a body of {@code length} bytes (Expect: 100-continue) and reads
     * the answer until the server closes: a 413 must come without the body ever being sent.
     */
    static String sendHeadersOnly(String path, long length, String token) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                    + "Content-Length: " + length + "\r\nExpect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void onlyReportersLeadersAndTheDirectorateSubmit() {
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body("{\"results\":[]}")
                .post("/api/results").then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"results\":[]}")
                .post("/api/results").then().statusCode(401);
    }

    @Test
    void refusesAnEmptyBatch() {
        given().auth().oauth2(reporter).contentType(ContentType.JSON).body("{\"results\":[]}")
                .post("/api/results").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:mrs:problem:empty-batch"));
        Results.submitCsv(reporter, "measurementId,unitId,indicatorId,period,numerator,denominator\r\n\r\n"
                .getBytes(StandardCharsets.UTF_8)).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:mrs:problem:empty-batch"));
    }

    @Test
    void refusesACsvThatIsNotUtf8() {
        byte[] csv = "measurementId,unitId,indicatorId,period,numerator,denominator,comment\nm1,0314,B.15,2021-06,1,2,x?\n"
                .getBytes(StandardCharsets.UTF_8);
        csv[csv.length - 2] = (byte) 0xff;
        Results.submitCsv(reporter, csv).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:mrs:problem:malformed-body"));
    }
}
