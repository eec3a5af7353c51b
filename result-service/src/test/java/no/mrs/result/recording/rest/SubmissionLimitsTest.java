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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** What is refused as a whole: unparseable bodies (400), too many items or too many bytes (413), wrong roles. */
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
    void refusesABodyOverTheConfiguredSizeWith413() throws Exception {
        byte[] huge = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        // Expect: 100-continue lets the server refuse on Content-Length before the client streams 11 MB
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/results"))
                .header("Authorization", "Bearer " + reporter).header("Content-Type", "application/json")
                .expectContinue(true).POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void onlyReportersLeadersAndTheDirectorateSubmit() {
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body("{\"results\":[]}")
                .post("/api/results").then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"results\":[]}")
                .post("/api/results").then().statusCode(401);
    }

    @Test
    void anEmptyBatchIsFine() {
        given().auth().oauth2(reporter).contentType(ContentType.JSON).body("{\"results\":[]}")
                .post("/api/results").then().statusCode(200).body("accepted", equalTo(0));
    }
}
