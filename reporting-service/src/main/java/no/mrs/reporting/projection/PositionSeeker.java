package no.mrs.reporting.projection;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.reporting.model.PartitionId;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.List;

/**
 * The read models remember the offsets they applied (in the same transaction as the rows), so the live consumer
 * starts each assigned partition from there rather than from the group's committed offset; a fresh database
 * therefore starts from the beginning.
 */
@ApplicationScoped
@Identifier(PositionSeeker.NAME)
public class PositionSeeker implements KafkaConsumerRebalanceListener {

    public static final String NAME = "read-model-positions";
    private static final Logger LOG = Logger.getLogger(PositionSeeker.class);

    @Inject
    ReadModels models;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            Long next = models.nextOffset(new PartitionId(partition.topic(), partition.partition()));
            if (next == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, next);
            }
            LOG.debugf("Consuming %s from %s", partition, next == null ? "the beginning" : next);
        }
    }
}
