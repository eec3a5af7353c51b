package no.mrs.devstack;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Apache Kafka (KRaft, combined broker and controller) inside this JVM, from Kafka's own test
 * kit. For tests; {@code ./mrs up} runs the broker as a process instead ({@link KafkaProcess}).
 */
public final class InJvmKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private InJvmKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static InJvmKafka start() throws Exception {
        // a broker inside a test JVM must never end that JVM (Kafka calls exit/halt on fatal errors, which can
        // happen while the JVM shuts down and the broker is stopped under it): say so instead
        org.apache.kafka.common.utils.Exit.setExitProcedure((status, message) ->
                System.err.println("In-JVM Kafka asked to exit(" + status + "): " + message));
        org.apache.kafka.common.utils.Exit.setHaltProcedure((status, message) ->
                System.err.println("In-JVM Kafka asked to halt(" + status + "): " + message));
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build())
                .setConfigProp("auto.create.topics.enable", "true")
                .setConfigProp("num.partitions", "3")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "5")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("log.retention.ms", "-1")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new InJvmKafka(cluster);
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
