package no.mrs.reporting.projection;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.platform.events.TransientRetry;
import no.mrs.reporting.model.PartitionId;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.List;

/**
 * The read models remember the offsets they applied (in the same transaction as the rows), so the live consumer
 * starts each assigned partition from there rather than from the group's committed offset; a fresh database
 * therefore starts from the beginning. The positions may have to be loaded from the database again (after a failed
 * save), so a database outage during a rebalance is waited out rather than failing the consumer.
 */
@ApplicationScoped
@Identifier(PositionSeeker.NAME)
public class PositionSeeker implements KafkaConsumerRebalanceListener {

    public static final String NAME = "read-model-positions";
    private static final Logger LOG = Logger.getLogger(PositionSeeker.class);

    @Inject
    ReadModels models;

    @Inject
    TransientRetry retry;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            Long next = retry.call("Seeking " + partition,
                    () -> models.nextOffset(new PartitionId(partition.topic(), partition.partition())));
            if (next == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, next);
            }
            LOG.debugf("Consuming %s from %s", partition, next == null ? "the beginning" : next);
        }
    }
}
