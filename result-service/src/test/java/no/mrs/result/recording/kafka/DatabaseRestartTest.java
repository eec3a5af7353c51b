package no.mrs.result.recording.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.mrs.devstack.test.KafkaTestClient;
import no.mrs.devstack.test.RestartablePostgres;
import no.mrs.devstack.test.TestInfrastructure;
import no.mrs.result.fixtures.Organisation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

/**
 * Results keep arriving on mrs.result-submissions while result-service's PostgreSQL is stopped and started again
 * (a server of this test's own, see {@link RestartablePostgres}): the consumer waits instead of failing, readiness
 * says so meanwhile, and afterwards every record is stored once, published once and none is in the DLQ.
 */
@QuarkusTest
@WithTestResource(RestartablePostgres.class)
class DatabaseRestartTest {

    static final int PER_PHASE = 80;

    @Inject
    Organisation organisation;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    final String bootstrap = TestInfrastructure.shared().bootstrapServers();

    @Test
    void everySubmissionSentAcrossADatabaseRestartIsStoredAndPublishedExactlyOnce() throws Exception {
        String office = organisation.office(Organisation.OSLO);
        String ratio = organisation.ratio();
        String run = "restart-" + UUID.randomUUID() + "/";
        Set<String> sent = new HashSet<>();
        try (KafkaProducer<String, String> producer = producer()) {
            YearMonth period = YearMonth.of(2001, 1);
            for (int phase = 0; phase < 3; phase++) {
                if (phase == 1) {
                    RestartablePostgres.stopServer();
                }
                for (int i = 0; i < PER_PHASE; i++, period = period.plusMonths(1)) {
                    String id = run + period;
                    String value = "{\"systemId\":\"restart-test\",\"measurementId\":\"" + id + "\",\"unitId\":\""
                            + office + "\",\"indicatorId\":\"" + ratio + "\",\"period\":\"" + period
                            + "\",\"numerator\":" + (i % 50) + ",\"denominator\":100}";
                    producer.send(new ProducerRecord<>("mrs.result-submissions", office, value)).get();
                    sent.add(id);
                }
                if (phase == 1) {
                    // the consumer has records it cannot store: it waits for the database, alive, and not ready
                    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready")
                            .then().statusCode(503).body("checks.findAll { it.status == 'DOWN' }.name",
                                    hasItem("event consumers")));
                    RestartablePostgres.startServer();
                }
            }
        }

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(storedEvents(run)).hasSize(sent.size()));
        assertThat(storedEvents(run)).as("events stored per measurementId").allSatisfy((id, n) -> assertThat(n).isOne())
                .containsOnlyKeys(sent);

        List<ConsumerRecord<String, String>> published = KafkaTestClient.readUntil(bootstrap, "mrs.result-events",
                rs -> eventIds(rs, run).keySet().containsAll(sent), Duration.ofSeconds(90));
        Map<String, Set<String>> ids = eventIds(published, run);
        assertThat(ids).containsOnlyKeys(sent);
        assertThat(ids).as("distinct event ids published per measurementId")
                .allSatisfy((id, events) -> assertThat(events).hasSize(1));

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.readAll(bootstrap, "mrs.result-submissions.dlq",
                Duration.ofSeconds(2));
        assertThat(dead).noneMatch(r -> r.value() != null && r.value().contains(run));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** measurementId -> how many ResultRecorded events the event log holds for it. */
    Map<String, Integer> storedEvents(String run) throws Exception {
        Map<String, Integer> stored = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select data->>'measurementId', count(*) from event_log"
                        + " where event_type like 'no.mrs.result.ResultRecorded%' and data->>'measurementId' like ?"
                        + " group by 1")) {
            ps.setString(1, run + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return stored;
    }

    Map<String, Set<String>> eventIds(List<ConsumerRecord<String, String>> records, String run) {
        Map<String, Set<String>> ids = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                JsonNode event = mapper.readTree(record.value());
                String id = event.path("data").path("measurementId").asText();
                if (id.startsWith(run)) {
                    ids.computeIfAbsent(id, k -> new HashSet<>()).add(event.path("id").asText());
                }
            } catch (Exception e) {
                // another test's record that is not JSON: not ours
            }
        }
        return ids;
    }
}
