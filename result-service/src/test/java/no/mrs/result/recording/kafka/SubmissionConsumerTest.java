package no.mrs.result.recording.kafka;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.mrs.devstack.test.KafkaTestClient;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.devstack.test.TestInfrastructure;
import no.mrs.result.fixtures.Organisation;
import no.mrs.result.fixtures.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;

/** Results produced to mrs.result-submissions: same rules as REST; what fails goes to the DLQ, the rest goes on. */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class SubmissionConsumerTest {

    static final String TOPIC = "mrs.result-submissions";
    static final String DLQ = "mrs.result-submissions.dlq";

    @Inject
    Organisation organisation;

    String office;
    String ratio;
    String bootstrap;

    @BeforeEach
    void catalogue() {
        office = organisation.office(Organisation.OSLO);
        ratio = organisation.ratio();
        bootstrap = TestInfrastructure.shared().bootstrapServers();
    }

    String record(String measurementId, String period, int numerator) {
        return "{\"systemId\":\"oslo-reporting\",\"measurementId\":\"" + measurementId + "\",\"unitId\":\"" + office
                + "\",\"indicatorId\":\"" + ratio + "\",\"period\":\"" + period + "\",\"numerator\":" + numerator
                + ",\"denominator\":100}";
    }

    void produce(String value) {
        KafkaTestClient.send(bootstrap, TOPIC, office, value, Map.of());
    }

    @Test
    void aPoisonRecordGoesToTheDlqWithItsOriginWhileTheRecordsAroundItAreAccepted() {
        String poison = "this is not { json " + UUID.randomUUID();
        String invalid = record("k-" + UUID.randomUUID(), "2021-03", 120);
        produce(record("k-" + UUID.randomUUID(), "2021-01", 50));
        produce(poison);
        produce(invalid);
        produce(record("k-" + UUID.randomUUID(), "2021-02", 60));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .get("/api/results?unitId={u}&indicatorId={i}", office, ratio)
                .then().statusCode(200).body("period", contains("2021-01", "2021-02"))
                .body("reportedBy", contains("oslo-reporting", "oslo-reporting")));

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.readUntil(bootstrap, DLQ,
                rs -> mine(rs, poison, invalid).size() >= 2, Duration.ofSeconds(60));
        List<ConsumerRecord<String, String>> mine = mine(dead, poison, invalid);
        assertThat(mine).hasSize(2);
        ConsumerRecord<String, String> unparseable = mine.stream().filter(r -> r.value().equals(poison)).findFirst()
                .orElseThrow();
        assertThat(header(unparseable, SubmissionConsumer.HEADER_REASON)).isEqualTo("unparseable");
        assertThat(header(unparseable, SubmissionConsumer.HEADER_TOPIC)).isEqualTo(TOPIC);
        assertThat(header(unparseable, SubmissionConsumer.HEADER_PARTITION)).matches("\\d+");
        assertThat(header(unparseable, SubmissionConsumer.HEADER_OFFSET)).matches("\\d+");
        assertThat(unparseable.key()).isEqualTo(office);
        ConsumerRecord<String, String> rejected = mine.stream().filter(r -> r.value().equals(invalid)).findFirst()
                .orElseThrow();
        assertThat(header(rejected, SubmissionConsumer.HEADER_REASON)).isEqualTo("rejected");
        assertThat(header(rejected, SubmissionConsumer.HEADER_ERRORS)).contains("numerator-exceeds-denominator");
    }

    @Test
    void aRecordSentTwiceIsStoredOnceAndAReusedIdGoesToTheDlq() {
        String measurementId = "k-" + UUID.randomUUID();
        produce(record(measurementId, "2020-05", 10));
        produce(record(measurementId, "2020-05", 10));
        String reused = record(measurementId, "2020-05", 11);
        produce(reused);
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.readUntil(bootstrap, DLQ,
                rs -> mine(rs, reused).size() >= 1, Duration.ofSeconds(60));
        assertThat(header(mine(dead, reused).get(0), SubmissionConsumer.HEADER_ERRORS)).contains("measurement-id-reused");
        given().auth().oauth2(Tokens.viewer())
                .get("/api/results/history?unitId={u}&indicatorId={i}&period=2020-05", office, ratio)
                .then().statusCode(200).body("", hasSize(1));
    }

    @Test
    void aRecordWithoutSystemIdGoesToTheDlq() {
        String anonymous = "{\"measurementId\":\"k-" + UUID.randomUUID() + "\",\"unitId\":\"" + office + "\"}";
        produce(anonymous);
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.readUntil(bootstrap, DLQ,
                rs -> mine(rs, anonymous).size() >= 1, Duration.ofSeconds(60));
        assertThat(header(mine(dead, anonymous).get(0), SubmissionConsumer.HEADER_ERRORS)).contains("systemId");
    }

    @Test
    void aSystemSubmittingForAUnitOutsideItsScopeGoesToTheDlqAsOutOfScopeWhileItsOwnUnitsAreStored() {
        String innlandetOffice = organisation.office(Organisation.INNLANDET);
        // oslo-reporting may submit for Oslo (0300 and below), not for Innlandet
        String outside = record("k-" + UUID.randomUUID(), "2021-04", 30).replace("\"unitId\":\"" + office,
                "\"unitId\":\"" + innlandetOffice);
        produce(outside);
        produce(record("k-" + UUID.randomUUID(), "2021-04", 31));
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.readUntil(bootstrap, DLQ,
                rs -> mine(rs, outside).size() >= 1, Duration.ofSeconds(60));
        ConsumerRecord<String, String> rejected = mine(dead, outside).get(0);
        assertThat(header(rejected, SubmissionConsumer.HEADER_REASON)).isEqualTo("out-of-scope");
        assertThat(header(rejected, SubmissionConsumer.HEADER_ERRORS)).contains("forbidden-unit");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .get("/api/results?unitId={u}&indicatorId={i}&from=2021-04&to=2021-04", office, ratio)
                .then().statusCode(200).body("numerator", contains(31)));
        given().auth().oauth2(Tokens.viewer())
                .get("/api/results?unitId={u}&indicatorId={i}&from=2021-04&to=2021-04", innlandetOffice, ratio)
                .then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void aSystemWithoutAConfiguredScopeGoesToTheDlqAsOutOfScope() {
        String unknown = record("k-" + UUID.randomUUID(), "2021-05", 40).replace("oslo-reporting", "rogue-system");
        produce(unknown);
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.readUntil(bootstrap, DLQ,
                rs -> mine(rs, unknown).size() >= 1, Duration.ofSeconds(60));
        ConsumerRecord<String, String> rejected = mine(dead, unknown).get(0);
        assertThat(header(rejected, SubmissionConsumer.HEADER_REASON)).isEqualTo("out-of-scope");
        assertThat(header(rejected, SubmissionConsumer.HEADER_ERRORS)).contains("unknown-system");
        given().auth().oauth2(Tokens.viewer())
                .get("/api/results?unitId={u}&indicatorId={i}&from=2021-05&to=2021-05", office, ratio)
                .then().statusCode(200).body("", hasSize(0));
    }

    static List<ConsumerRecord<String, String>> mine(List<ConsumerRecord<String, String>> records, String... values) {
        List<String> wanted = List.of(values);
        return records.stream().filter(r -> wanted.contains(r.value())).toList();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
