package no.mrs.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker as its own process (KRaft, one node that is broker and controller), from the
 * {@code kafka_2.13} jars of Maven Central: the storage is formatted once with {@code kafka.tools.StorageTool},
 * then {@code kafka.Kafka} runs. Its data lives in the given directory and survives restarts.
 */
public final class KafkaProcess implements AutoCloseable {

    /** The topics of MRS: the event topics keep their events for good (they are the replay log). */
    public static final List<NewTopic> TOPICS = List.of(
            new NewTopic("mrs.goal-events", 3, (short) 1).configs(Map.of("retention.ms", "-1")),
            new NewTopic("mrs.result-events", 6, (short) 1).configs(Map.of("retention.ms", "-1")),
            new NewTopic("mrs.result-submissions", 6, (short) 1).configs(Map.of("retention.ms", "604800000")),
            new NewTopic("mrs.result-submissions.dlq", 1, (short) 1).configs(Map.of("retention.ms", "2592000000")));

    private static final String CLUSTER_ID = "mrs-local-kraft-0001";

    private final ManagedProcess process;
    private final String bootstrapServers;

    private KafkaProcess(ManagedProcess process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    public static KafkaProcess start(Path directory, int port, int controllerPort, String classpath, Path log)
            throws IOException, InterruptedException {
        Path data = directory.resolve("data");
        Files.createDirectories(data);
        Path config = directory.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "# written by ./mrs up; local use only",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data.toAbsolutePath(),
                "num.partitions=3",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") + "\n");
        List<String> jvm = List.of("-Xmx768m", "-cp", classpath, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dlog4j2.level=WARN");
        if (!Files.exists(data.resolve("meta.properties"))) {
            ManagedProcess format = ManagedProcess.startJava("kafka-storage-format", jvm,
                    List.of("kafka.tools.StorageTool", "format", "-t", CLUSTER_ID, "-c", config.toString(),
                            "--ignore-formatted"), Map.of(), log);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (format.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            if (format.isAlive() || format.exitValue() != 0) {
                format.stop(Duration.ofSeconds(1));
                throw new IllegalStateException("Formatting Kafka's storage failed; see " + log);
            }
        }
        ManagedProcess broker = ManagedProcess.startJava("kafka", jvm, List.of("kafka.Kafka", config.toString()),
                Map.of(), log);
        KafkaProcess kafka = new KafkaProcess(broker, "localhost:" + port);
        kafka.awaitReady(Duration.ofSeconds(90));
        return kafka;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public ManagedProcess process() {
        return process;
    }

    /** Creates MRS's topics unless they exist. */
    public void createTopics() throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(adminProps(bootstrapServers))) {
            for (NewTopic topic : TOPICS) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(adminProps(bootstrapServers))) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka exited with code " + process.exitValue() + "; see "
                            + process.log());
                }
                try {
                    admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    Thread.sleep(250);
                }
            }
        }
        throw new IllegalStateException("Kafka was not ready within " + timeout.toSeconds() + " s; see " + process.log());
    }

    static Properties adminProps(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return props;
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
    }
}
