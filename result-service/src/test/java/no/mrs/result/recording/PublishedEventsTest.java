package no.mrs.result.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import no.mrs.contracts.EventContracts;
import no.mrs.contracts.result.ResultEvent;
import no.mrs.devstack.test.EventSchemas;
import no.mrs.devstack.test.KafkaTestClient;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.devstack.test.TestInfrastructure;
import no.mrs.result.fixtures.Organisation;
import no.mrs.result.fixtures.Results;
import no.mrs.result.fixtures.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static io.restassured.RestAssured.given;
import static no.mrs.result.fixtures.Results.item;
import static no.mrs.result.fixtures.Results.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** What result-service publishes on mrs.result-events matches the documented schemas. */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class PublishedEventsTest {

    @Inject
    Organisation organisation;

    @Inject
    ObjectMapper mapper;

    @Test
    void everyResultEventTypeIsDocumented() {
        for (Class<?> type : ResultEvent.class.getPermittedSubclasses()) {
            assertThat(EventSchemas.documented(EventContracts.typeOf(type))).as(type.getSimpleName()).isTrue();
        }
    }

    @Test
    void publishesRecordedCorrectedAndLockedEventsThatMatchTheirSchemas() throws Exception {
        String office = organisation.office(Organisation.OSLO);
        String ratio = organisation.ratio();
        Results.Item first = item(office, ratio, "2016-11").ratio(77, 100).comment("first count");
        Results.Item correction = item(office, ratio, "2016-11").ratio(75, 100).reason("double counted");
        submit(Tokens.reporter(Organisation.OSLO), first).statusCode(200).body("accepted", equalTo(1));
        submit(Tokens.leader(Organisation.OSLO), correction).statusCode(200).body("accepted", equalTo(1));
        given().auth().oauth2(Tokens.directorate()).contentType(ContentType.JSON).body("{\"reason\":\"published\"}")
                .post("/api/periods/2016-11/lock").then().statusCode(201);

        List<ConsumerRecord<String, String>> records = KafkaTestClient.readUntil(
                TestInfrastructure.shared().bootstrapServers(), "mrs.result-events",
                rs -> rs.stream().filter(r -> office.equals(r.key()) || "period:2016-11".equals(r.key())).count() >= 3,
                Duration.ofSeconds(60)).stream()
                .filter(r -> office.equals(r.key()) || "period:2016-11".equals(r.key())).toList();
        assertThat(records).hasSize(3);
        records.forEach(r -> EventSchemas.assertValid(r.value()));

        JsonNode recorded = mapper.readTree(records.stream().filter(r -> r.value().contains("ResultRecorded"))
                .findFirst().orElseThrow().value());
        assertThat(recorded.path("data").path("actor").asText()).isEqualTo("reporter-0300");
        // a token with only the role reporter is a reporting system's; a leader is a person
        assertThat(recorded.path("data").path("submitterKind").asText()).isEqualTo("SYSTEM");
        assertThat(recorded.path("streamid").asText()).isEqualTo("result:" + office + "/" + ratio + "/2016-11");

        JsonNode corrected = mapper.readTree(records.stream().filter(r -> r.value().contains("ResultCorrected"))
                .findFirst().orElseThrow().value()).path("data");
        assertThat(corrected.path("previousMeasurementId").asText()).isEqualTo(first.measurementId());
        assertThat(corrected.path("previousNumerator").asInt()).isEqualTo(77);
        assertThat(corrected.path("reason").asText()).isEqualTo("double counted");
        assertThat(corrected.path("actor").asText()).isEqualTo("leader-0300");
        assertThat(corrected.path("submitterKind").asText()).isEqualTo("PERSON");

        assertThat(Arrays.asList(records.stream().map(ConsumerRecord::value).toArray()))
                .anyMatch(v -> v.toString().contains("no.mrs.result.PeriodLocked.v1"));
    }
}
