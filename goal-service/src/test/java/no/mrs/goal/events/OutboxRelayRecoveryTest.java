package no.mrs.goal.events;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.mrs.devstack.test.KafkaTestClient;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.devstack.test.TestInfrastructure;
import no.mrs.goal.Api;
import no.mrs.platform.events.EventStore;
import no.mrs.platform.events.OutboxRelay;
import no.mrs.platform.events.StoredEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static no.mrs.goal.Api.DIRECTORATE;
import static no.mrs.goal.Api.as;
import static no.mrs.goal.Api.letter;
import static no.mrs.goal.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay stops after the commands committed and before it published them; started again, it publishes every
 * committed event, each aggregate's in order. Nothing is lost between commit and publication. (Concurrent writers,
 * late commits, rollbacks and a crash before the published position is stored: {@link RelayCorrectnessTest}.)
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class OutboxRelayRecoveryTest {

    static final String TOPIC = "mrs.goal-events";
    @Inject
    OutboxRelay relay;

    @Inject
    EventStore store;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    @Test
    void aRelayStoppedBeforePublicationPublishesEveryCommittedEventInOrderWhenStartedAgain() throws Exception {
        Api.organisation();
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.backlog() == 0);
        long mark = lastPosition();

        relay.suspend();
        List<StoredEvent> committed;
        try {
            assertThat(relay.isRunning()).isFalse();
            changeALotInOneYear(2090);
            committed = store.readAfter(mark, 10_000);
            assertThat(committed).hasSizeGreaterThan(10);
            // committed, and waiting after the published position: none of it is on the topic
            assertThat(relay.backlog()).isEqualTo(committed.size());
            Set<String> onTopic = ids(KafkaTestClient.readAll(bootstrap(), TOPIC, Duration.ofMillis(500)));
            assertThat(committed).noneMatch(e -> onTopic.contains(e.eventId().toString()));
        } finally {
            relay.resume();
        }

        Set<String> wanted = committed.stream().map(e -> e.eventId().toString()).collect(Collectors.toSet());
        List<ConsumerRecord<String, String>> records = KafkaTestClient.readUntil(bootstrap(), TOPIC,
                read -> ids(read).containsAll(wanted), Duration.ofSeconds(60));

        assertThat(ids(records)).containsAll(wanted);
        assertThat(versionsPerStream(records, wanted)).isEqualTo(versionsPerStream(committed));
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.backlog() == 0);
    }

    /** A letter drafted twice and published, a local goal revised and retired, a proposal adopted. */
    private static void changeALotInOneYear(int year) {
        String letterId = as(DIRECTORATE).body(letter(year, "0000", "B.15=80")).post("/api/goal-letters")
                .then().statusCode(201).extract().path("letterId");
        as(DIRECTORATE).header("If-Match", "\"1\"").body(letter(year, "0000", "B.15=81", "B.16", "B.31=900"))
                .put("/api/goal-letters/" + letterId).then().statusCode(200);
        as(DIRECTORATE).post("/api/goal-letters/" + letterId + "/publication").then().statusCode(200);
        String goalId = Api.localGoal("0314", "B.25", year, "60");
        for (int version = 1; version <= 3; version++) {
            as(token("leader", "0314")).header("If-Match", "\"" + version + "\"")
                    .body("{\"target\":" + (60 + version) + ",\"reason\":\"step " + version + "\"}")
                    .post("/api/goals/" + goalId + "/revisions").then().statusCode(200);
        }
        as(DIRECTORATE).body("{\"reason\":\"done\"}").post("/api/goals/" + goalId + "/retirement")
                .then().statusCode(200);
        String proposalId = as(token("employee", "0315")).body("{\"indicatorId\":\"B.26\",\"year\":" + year
                + ",\"classification\":\"STEERING\",\"target\":40}").post("/api/units/0315/goal-proposals")
                .then().statusCode(201).extract().path("proposalId");
        as(token("leader", "0315")).body("{\"decision\":\"ADOPT\"}")
                .post("/api/goal-proposals/" + proposalId + "/decision").then().statusCode(200);
    }

    private long lastPosition() {
        List<StoredEvent> all = store.readAfter(0, 1_000_000);
        return all.isEmpty() ? 0 : all.get(all.size() - 1).position();
    }

    private static String bootstrap() {
        return TestInfrastructure.shared().bootstrapServers();
    }

    private Set<String> ids(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> field(r, "id")).collect(Collectors.toSet());
    }

    private String field(ConsumerRecord<String, String> record, String name) {
        try {
            return mapper.readTree(record.value()).path(name).asText();
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + record.value(), e);
        }
    }

    /** Each stream's versions in the order the topic holds them (first delivery of each event; offsets per partition). */
    private Map<String, List<Long>> versionsPerStream(List<ConsumerRecord<String, String>> records, Set<String> wanted) {
        List<ConsumerRecord<String, String>> ordered = new ArrayList<>(records);
        ordered.sort(Comparator.comparingInt((ConsumerRecord<String, String> r) -> r.partition())
                .thenComparingLong(ConsumerRecord::offset));
        Map<String, List<Long>> versions = new LinkedHashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        for (ConsumerRecord<String, String> record : ordered) {
            String id = field(record, "id");
            if (wanted.contains(id) && seen.add(id)) {
                versions.computeIfAbsent(field(record, "streamid"), s -> new ArrayList<>())
                        .add(Long.parseLong(field(record, "streamversion")));
            }
        }
        return versions;
    }

    private static Map<String, List<Long>> versionsPerStream(List<StoredEvent> committed) {
        Map<String, List<Long>> versions = new LinkedHashMap<>();
        for (StoredEvent event : committed) {
            versions.computeIfAbsent(event.streamId(), s -> new ArrayList<>()).add(event.streamVersion());
        }
        return versions;
    }
}
