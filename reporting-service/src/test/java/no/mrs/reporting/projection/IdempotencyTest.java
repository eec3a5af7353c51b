package no.mrs.reporting.projection;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.mrs.devstack.test.KafkaTestClient;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.devstack.test.TestInfrastructure;
import no.mrs.reporting.support.Api;
import no.mrs.reporting.support.Feed;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static no.mrs.reporting.support.Api.row;
import static no.mrs.reporting.support.Events.national;
import static no.mrs.reporting.support.Events.office;
import static no.mrs.reporting.support.Events.ratio;
import static no.mrs.reporting.support.Events.region;
import static no.mrs.reporting.support.Events.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What was applied once is not applied again: neither a duplicated event nor a redelivered batch. */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class IdempotencyTest {

    @Inject
    ReadModels models;

    @Test
    void aDuplicatedEventChangesNothing() {
        List<Feed.Sent> sent = Api.publish(national("5000", "Testland"), region("5100", "Nav Nord", "5000"),
                office("5101", "Nav Nordby", "5100"), ratio("TR.5", "Andel"),
                result("5101", "TR.5", "2021-06", 40, 80));
        String before = Api.checksum();

        // the producer publishes the same events again (same ids, same stream versions), at new offsets
        Feed.resend(sent);
        Api.awaitCaughtUp();

        assertThat(Api.checksum()).isEqualTo(before);
        assertThat(row("5100", "2021-06", "TR.5").month()).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        Api.publish(national("5200", "Testland"), region("5210", "Nav Sør", "5200"),
                office("5211", "Nav Sørby", "5210"), ratio("TS.5", "Andel"),
                result("5211", "TS.5", "2021-06", 30, 60), result("5211", "TS.5", "2021-05", 10, 20));
        String before = Api.checksum();

        // the consumer crashed after applying but before moving on: the broker hands it the same records again
        models.applyLive(everyRecordOf(Feed.GOAL_TOPIC));
        models.applyLive(everyRecordOf(Feed.RESULT_TOPIC));

        assertThat(Api.checksum()).isEqualTo(before);
        assertThat(row("5210", "2021-06", "TS.5").ytd()).isCloseTo(100.0 * 40 / 80, within(1e-9));
    }

    @Test
    void anEventOfAnUnknownTypeIsSkippedAndConsumptionGoesOn() {
        Api.publish(national("5300", "Testland"));
        String before = Api.checksum();

        Feed.resend(new Feed.Sent(Feed.GOAL_TOPIC, "5300", "{\"specversion\":\"1.0\",\"id\":\"" + java.util.UUID.randomUUID()
                + "\",\"source\":\"/mrs/goal-service\",\"type\":\"no.mrs.goal.SomethingNew.v1\",\"subject\":\"x\","
                + "\"time\":\"2021-06-01T00:00:00Z\",\"streamid\":\"new:1\",\"streamversion\":1,\"data\":{}}"),
                new Feed.Sent(Feed.GOAL_TOPIC, "5300", "not json at all"));
        Api.awaitCaughtUp();

        assertThat(Api.checksum()).as("only the version of the new stream is remembered").isNotEqualTo(before);
        Api.publish(region("5310", "Nav Etter", "5300"));
        assertThat(Api.scorecard("5310", "2021-06").getString("unitName")).isEqualTo("Nav Etter");
    }

    private static ConsumerRecords<String, String> everyRecordOf(String topic) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.readAll(
                TestInfrastructure.shared().bootstrapServers(), topic, Duration.ofMillis(500));
        Map<TopicPartition, List<ConsumerRecord<String, String>>> byPartition = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            byPartition.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), p -> new ArrayList<>())
                    .add(record);
        }
        assertThat(records).isNotEmpty();
        return new ConsumerRecords<>(byPartition, Map.of());
    }
}
