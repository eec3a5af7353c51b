package no.mrs.result.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import no.mrs.devstack.test.EventSchemas;
import no.mrs.devstack.test.KafkaTestClient;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.devstack.test.Pages;
import no.mrs.devstack.test.TestInfrastructure;
import no.mrs.result.fixtures.Organisation;
import no.mrs.result.fixtures.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * Operators' handling of the DLQ against the real broker and database: a record rejected because the catalogue did
 * not yet know its indicator is re-submitted once the indicator is defined, stored once however often it is
 * re-submitted, and audited; an unreadable record cannot be re-submitted and is discarded with a reason.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class DeadLetterTest {

    static final String SUBMISSIONS = "mrs.result-submissions";
    static final String DLQ = "mrs.result-submissions.dlq";

    @Inject
    Organisation organisation;

    @Inject
    ObjectMapper mapper;

    String bootstrap;
    String office;

    @BeforeEach
    void setUp() {
        bootstrap = TestInfrastructure.shared().bootstrapServers();
        office = organisation.office(Organisation.OSLO);
    }

    @Test
    void aRecordRejectedForAnUnknownIndicatorIsResubmittedOnceTheIndicatorExistsAndStoredOnce() throws Exception {
        String indicator = organisation.undefinedRatio();
        String value = "{\"systemId\":\"oslo-reporting\",\"measurementId\":\"dlq-" + UUID.randomUUID()
                + "\",\"unitId\":\"" + office + "\",\"indicatorId\":\"" + indicator
                + "\",\"period\":\"2021-03\",\"numerator\":40,\"denominator\":100}";
        ConsumerRecord<String, String> letter = deadLetter(value);
        String path = "/api/admin/dlq/" + letter.partition() + "/" + letter.offset();

        operator().get(path).then().statusCode(200).body("state", equalTo("PENDING"))
                .body("reason", equalTo("rejected")).body("errors.code", contains("unknown-indicator"))
                .body("key", equalTo(office)).body("value", equalTo(value))
                .body("originalTopic", equalTo(SUBMISSIONS)).body("action", nullValue());
        List<Map<String, Object>> pending = Pages.followAll(Tokens.operator(), "/api/admin/dlq?state=PENDING&limit=50",
                "", 50);
        assertThat(pending).anyMatch(e -> e.get("offset").equals((int) letter.offset())
                && e.get("partition").equals(letter.partition()));

        // still failing: nothing changes
        resubmit(path, "trying before the fix").statusCode(422).body("type", equalTo("urn:mrs:problem:still-rejected"))
                .body("errors.code", contains("unknown-indicator"));
        operator().get(path).then().body("state", equalTo("PENDING"));

        // only operators
        given().auth().oauth2(Tokens.directorate()).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .post(path + "/resubmission").then().statusCode(403);
        given().auth().oauth2(Tokens.directorate()).get("/api/admin/dlq").then().statusCode(403);

        organisation.defineRatio(indicator);
        resubmit(path, "indicator " + indicator + " is defined now").statusCode(200)
                .body("state", equalTo("RESUBMITTED")).body("action.by", equalTo("operator-user"))
                .body("action.reason", equalTo("indicator " + indicator + " is defined now"))
                .body("action.outcome", equalTo("ACCEPTED"));
        String firstAt = operator().get(path).then().extract().path("action.at");

        // idempotent: the same answer, the result stored once
        resubmit(path, "again, by mistake").statusCode(200).body("state", equalTo("RESUBMITTED"))
                .body("action.at", equalTo(firstAt)).body("action.reason", equalTo("indicator " + indicator
                        + " is defined now"));
        given().auth().oauth2(Tokens.viewer())
                .get("/api/results/history?unitId={u}&indicatorId={i}&period=2021-03", office, indicator)
                .then().statusCode(200).body("", hasSize(1)).body("[0].numerator", equalTo(40))
                .body("[0].reportedBy", equalTo("oslo-reporting"));
        discard(path, "no longer wanted").statusCode(409).body("type", equalTo("urn:mrs:problem:already-resubmitted"));

        // audited: who, when and why, published beside the result
        String stream = "dead-letter:" + DLQ + "/" + letter.partition() + "/" + letter.offset();
        List<ConsumerRecord<String, String>> events = KafkaTestClient.readUntil(bootstrap, "mrs.result-events",
                rs -> rs.stream().anyMatch(r -> stream.equals(r.key())), Duration.ofSeconds(60)).stream()
                .filter(r -> stream.equals(r.key())).toList();
        assertThat(events).hasSize(1);
        EventSchemas.assertValid(events.get(0).value());
        JsonNode event = mapper.readTree(events.get(0).value());
        assertThat(event.path("type").asText()).isEqualTo("no.mrs.result.DeadLetterResubmitted.v1");
        assertThat(event.path("data").path("actor").asText()).isEqualTo("operator-user");
        assertThat(event.path("data").path("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(event.path("data").path("systemId").asText()).isEqualTo("oslo-reporting");
    }

    @Test
    void anUnreadableRecordCannotBeResubmittedAndIsDiscardedWithAReasonOnce() {
        String poison = "not json at all " + UUID.randomUUID();
        ConsumerRecord<String, String> letter = deadLetter(poison);
        String path = "/api/admin/dlq/" + letter.partition() + "/" + letter.offset();

        resubmit(path, "hoping").statusCode(422).body("errors.code", contains("malformed-body"));
        discard(path, "  the system sent a test message  ").statusCode(200).body("state", equalTo("DISCARDED"))
                .body("action.reason", equalTo("the system sent a test message")).body("action.outcome", nullValue());
        discard(path, "twice").statusCode(200).body("action.reason", equalTo("the system sent a test message"));
        resubmit(path, "changed my mind").statusCode(409).body("type", equalTo("urn:mrs:problem:already-discarded"));
        List<Map<String, Object>> discarded = Pages.followAll(Tokens.operator(),
                "/api/admin/dlq?state=DISCARDED&limit=50", "", 50);
        assertThat(discarded).anyMatch(e -> poison.equals(e.get("value")));
        assertThat(discarded).allMatch(e -> "DISCARDED".equals(e.get("state")));
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() {
        ConsumerRecord<String, String> letter = deadLetter("bad request test " + UUID.randomUUID());
        String path = "/api/admin/dlq/" + letter.partition() + "/" + letter.offset();

        operator().contentType(ContentType.JSON).body("{}").post(path + "/discard").then().statusCode(400)
                .body("errors.field", contains("reason"));
        operator().contentType(ContentType.JSON).body("{\"reason\":\"   \"}").post(path + "/discard").then()
                .statusCode(400);
        operator().contentType(ContentType.JSON).body("{\"reason\":\"x\",\"extra\":1}").post(path + "/discard")
                .then().statusCode(400);
        operator().contentType(ContentType.JSON).post(path + "/discard").then().statusCode(400);
        operator().get("/api/admin/dlq?state=LOST").then().statusCode(400);
        operator().get("/api/admin/dlq/-1/0").then().statusCode(400);
        operator().get("/api/admin/dlq/0/notanumber").then().statusCode(404);
        operator().get("/api/admin/dlq/" + letter.partition() + "/999999999").then().statusCode(404)
                .contentType("application/problem+json");
        operator().contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .post("/api/admin/dlq/" + letter.partition() + "/999999999/discard").then().statusCode(404);
        operator().get(path).then().statusCode(200).body("state", equalTo("PENDING"));
    }

    /** Produces the value to the submissions topic and waits for it on the DLQ. */
    private ConsumerRecord<String, String> deadLetter(String value) {
        KafkaTestClient.send(bootstrap, SUBMISSIONS, office, value, Map.of());
        return KafkaTestClient.readUntil(bootstrap, DLQ, rs -> rs.stream().anyMatch(r -> value.equals(r.value())),
                Duration.ofSeconds(60)).stream().filter(r -> value.equals(r.value())).findFirst().orElseThrow();
    }

    private static io.restassured.specification.RequestSpecification operator() {
        return given().auth().oauth2(Tokens.operator());
    }

    private static ValidatableResponse resubmit(String path, String reason) {
        return operator().contentType(ContentType.JSON).body(Map.of("reason", reason)).post(path + "/resubmission")
                .then();
    }

    private static ValidatableResponse discard(String path, String reason) {
        return operator().contentType(ContentType.JSON).body(Map.of("reason", reason)).post(path + "/discard").then();
    }
}
