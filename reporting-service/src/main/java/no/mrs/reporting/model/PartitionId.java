package no.mrs.reporting.model;

/** A partition of a topic. */
public record PartitionId(String topic, int partition) implements Comparable<PartitionId> {

    @Override
    public int compareTo(PartitionId other) {
        int byTopic = topic.compareTo(other.topic);
        return byTopic != 0 ? byTopic : Integer.compare(partition, other.partition);
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
