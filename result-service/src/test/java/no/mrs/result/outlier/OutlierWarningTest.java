package no.mrs.result.outlier;

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
import no.mrs.devstack.test.TestInfrastructure;
import no.mrs.result.fixtures.Organisation;
import no.mrs.result.fixtures.Results;
import no.mrs.result.fixtures.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static no.mrs.result.fixtures.Results.item;
import static no.mrs.result.fixtures.Results.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The outlier check on the way in (REST JSON, CSV, Kafka) against the real database and broker: a figure 10× the
 * office's level is accepted with the {@code outlier} warning, in the answer and on the published event.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class OutlierWarningTest {

    static final YearMonth PLANTED = YearMonth.of(2020, 6);

    @Inject
    Organisation organisation;

    @Inject
    ObjectMapper mapper;

    /** Twelve ordinary months before {@link #PLANTED}: 40–42 a month. */
    static List<Results.Item> ordinaryYear(String office, String count) {
        List<Results.Item> items = new ArrayList<>();
        for (YearMonth m = PLANTED.minusMonths(12); m.isBefore(PLANTED); m = m.plusMonths(1)) {
            items.add(item(office, count, m.toString()).count(40 + m.getMonthValue() % 3));
        }
        return items;
    }

    static ValidatableResponse submitAll(String token, List<Results.Item> items) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Results.body(items))
                .post("/api/results").then();
    }

    @Test
    void aFigureTenTimesTheOfficesLevelIsAcceptedWithTheWarningInTheAnswerAndOnTheEvent() throws Exception {
        String office = organisation.office(Organisation.OSLO);
        String count = organisation.count();
        submitAll(Tokens.reporter(Organisation.OSLO), ordinaryYear(office, count)).statusCode(200)
                .body("accepted", equalTo(12)).body("warnings", empty());

        Results.Item planted = item(office, count, PLANTED.toString()).count(410);
        submit(Tokens.reporter(Organisation.OSLO), planted).statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", empty())
                .body("warnings", hasSize(1))
                .body("warnings[0].code", equalTo("outlier"))
                .body("warnings[0].index", equalTo(0))
                .body("warnings[0].measurementId", equalTo(planted.measurementId()))
                .body("warnings[0].unitId", equalTo(office))
                .body("warnings[0].period", equalTo(PLANTED.toString()))
                .body("warnings[0].figure", equalTo(410));
        JsonNode current = currentValue(office, count, PLANTED);
        assertThat(current.path("value").asInt()).isEqualTo(410);
        assertThat(current.path("outlier").path("expectedLow").asDouble()).isBetween(10.0, 30.0);
        assertThat(current.path("outlier").path("expectedHigh").asDouble()).isBetween(60.0, 130.0);
        assertThat(current.path("outlier").path("confirmedBy").isNull()).isTrue();

        JsonNode event = publishedFor(office, planted.measurementId());
        EventSchemas.assertValid(mapper.writeValueAsString(event));
        assertThat(event.path("type").asText()).isEqualTo("no.mrs.result.ResultRecorded.v1");
        assertThat(event.path("data").path("outlier").path("figure").asInt()).isEqualTo(410);
        assertThat(event.path("data").path("outlier").path("expectedHigh").asDouble())
                .isEqualTo(current.path("outlier").path("expectedHigh").asDouble());
    }

    @Test
    void aBatchWithTheOfficesWholeYearJudgesEachMonthAgainstTheMonthsBeforeIt() {
        String office = organisation.office(Organisation.OSLO);
        String count = organisation.count();
        List<Results.Item> items = ordinaryYear(office, count);
        items.add(item(office, count, PLANTED.toString()).count(4));
        submitAll(Tokens.reporter(Organisation.OSLO), items).statusCode(200).body("accepted", equalTo(13))
                .body("warnings", hasSize(1)).body("warnings[0].index", equalTo(12))
                .body("warnings[0].figure", equalTo(4));
    }

    @Test
    void aCsvSubmissionCarriesTheWarningToo() {
        String office = organisation.office(Organisation.OSLO);
        String ratio = organisation.ratio();
        StringBuilder csv = new StringBuilder("measurementId,unitId,indicatorId,period,numerator,denominator\r\n");
        for (YearMonth m = PLANTED.minusMonths(12); m.isBefore(PLANTED); m = m.plusMonths(1)) {
            csv.append("csv-").append(UUID.randomUUID()).append(',').append(office).append(',').append(ratio)
                    .append(',').append(m).append(",77,100\r\n");
        }
        // the denominator typed 10× too large: 7.7 % where the office has 77 %
        csv.append("csv-planted-").append(office).append(',').append(office).append(',').append(ratio).append(',')
                .append(PLANTED).append(",77,1000\r\n");
        Results.submitCsv(Tokens.reporter(Organisation.OSLO), csv.toString().getBytes(StandardCharsets.UTF_8))
                .statusCode(200).body("accepted", equalTo(13)).body("warnings", hasSize(1))
                .body("warnings[0].code", equalTo("outlier"))
                .body("warnings[0].measurementId", equalTo("csv-planted-" + office))
                .body("warnings[0].figure", equalTo(7.7f))
                .body("warnings[0].expectedHigh", equalTo(100));
    }

    @Test
    void aRatioOfThreeCasesIsAcceptedWithoutWarning() {
        String office = organisation.office(Organisation.OSLO);
        String ratio = organisation.ratio();
        List<Results.Item> items = new ArrayList<>();
        for (YearMonth m = PLANTED.minusMonths(12); m.isBefore(PLANTED); m = m.plusMonths(1)) {
            items.add(item(office, ratio, m.toString()).ratio(77, 100));
        }
        items.add(item(office, ratio, PLANTED.toString()).ratio(0, 3));
        submitAll(Tokens.reporter(Organisation.OSLO), items).statusCode(200).body("accepted", equalTo(13))
                .body("warnings", empty());
        assertThat(currentValue(office, ratio, PLANTED).path("outlier").isNull()).isTrue();
    }

    @Test
    void aKafkaSubmissionCarriesTheWarningOnTheEvent() throws Exception {
        String office = organisation.office(Organisation.INNLANDET);
        String count = organisation.count();
        submitAll(Tokens.reporter(Organisation.INNLANDET), ordinaryYear(office, count)).statusCode(200)
                .body("accepted", equalTo(12));
        String measurementId = "kafka-" + UUID.randomUUID();
        KafkaTestClient.send(TestInfrastructure.shared().bootstrapServers(), "mrs.result-submissions", office,
                "{\"systemId\":\"innlandet-reporting\",\"measurementId\":\"" + measurementId + "\",\"unitId\":\""
                        + office + "\",\"indicatorId\":\"" + count + "\",\"period\":\"" + PLANTED
                        + "\",\"value\":405}", Map.of());
        JsonNode event = publishedFor(office, measurementId);
        EventSchemas.assertValid(mapper.writeValueAsString(event));
        assertThat(event.path("data").path("actor").asText()).isEqualTo("innlandet-reporting");
        assertThat(event.path("data").path("outlier").path("figure").asInt()).isEqualTo(405);
        assertThat(event.path("data").path("outlier").path("expectedLow").isNumber()).isTrue();
        assertThat(currentValue(office, count, PLANTED).path("outlier").path("figure").asInt()).isEqualTo(405);
    }

    @Test
    void anOrdinaryFigureCarriesNoOutlierOnItsEvent() throws Exception {
        String office = organisation.office(Organisation.OSLO);
        String count = organisation.count();
        submitAll(Tokens.reporter(Organisation.OSLO), ordinaryYear(office, count)).statusCode(200);
        Results.Item ordinary = item(office, count, PLANTED.toString()).count(44);
        submit(Tokens.reporter(Organisation.OSLO), ordinary).statusCode(200).body("warnings", empty());
        JsonNode event = publishedFor(office, ordinary.measurementId());
        assertThat(event.path("data").path("outlier").isMissingNode() || event.path("data").path("outlier").isNull())
                .isTrue();
        assertThat(currentValue(office, count, PLANTED).path("outlier").isNull()).isTrue();
    }

    JsonNode currentValue(String office, String indicator, YearMonth period) {
        String body = given().auth().oauth2(Tokens.viewer()).queryParam("unitId", office)
                .queryParam("indicatorId", indicator).queryParam("from", period.toString())
                .queryParam("to", period.toString()).get("/api/results").then().statusCode(200)
                .body("$", hasSize(1)).extract().asString();
        try {
            return mapper.readTree(body).get(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The published event of a measurement (read from the start of mrs.result-events). */
    JsonNode publishedFor(String office, String measurementId) throws Exception {
        return published(mapper, office, measurementId, "ResultRecorded");
    }

    /** The published event of a type about a measurement (read from the start of mrs.result-events). */
    static JsonNode published(ObjectMapper mapper, String office, String measurementId, String type)
            throws Exception {
        String typeName = "\"no.mrs.result." + type + ".v1\"";
        List<ConsumerRecord<String, String>> records = KafkaTestClient.readUntil(
                TestInfrastructure.shared().bootstrapServers(), "mrs.result-events",
                rs -> rs.stream().anyMatch(r -> office.equals(r.key()) && r.value().contains(measurementId)
                        && r.value().contains(typeName)),
                Duration.ofSeconds(60));
        String value = records.stream().filter(r -> office.equals(r.key()) && r.value().contains(measurementId)
                && r.value().contains(typeName)).findFirst().orElseThrow().value();
        return mapper.readTree(value);
    }
}
