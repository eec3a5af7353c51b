package no.mrs.reporting.projection;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.platform.problem.Unavailable;
import no.mrs.reporting.model.PartitionId;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** The two topics the read models are projected from, and their offsets on the broker. */
@ApplicationScoped
public class Topics {

    @ConfigProperty(name = "mp.messaging.incoming.goal-events.topic")
    String goalTopic;

    @ConfigProperty(name = "mp.messaging.incoming.result-events.topic")
    String resultTopic;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private Admin admin;

    public List<String> names() {
        return List.of(goalTopic, resultTopic);
    }

    /** The client settings of the broker (bootstrap servers, security), for consumers of our own. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        return config;
    }

    /** The latest offset of every partition of both topics (a topic not created yet has none). */
    public Map<PartitionId, Long> endOffsets() {
        return offsets(OffsetSpec.latest());
    }

    /** The earliest offset still on the broker of every partition of both topics. */
    public Map<PartitionId, Long> beginningOffsets() {
        return offsets(OffsetSpec.earliest());
    }

    private Map<PartitionId, Long> offsets(OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (String topic : names()) {
            TopicDescription description = describe(topic);
            if (description != null) {
                description.partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()), spec));
            }
        }
        Map<PartitionId, Long> offsets = new TreeMap<>();
        if (request.isEmpty()) {
            return offsets;
        }
        try {
            admin().listOffsets(request).all().get(10, TimeUnit.SECONDS).forEach((tp, info) ->
                    offsets.put(new PartitionId(tp.topic(), tp.partition()), info.offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading offsets", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new Unavailable(Unavailable.BROKER, "The broker did not list the topics' offsets in time", e);
        } catch (Exception e) {
            throw new IllegalStateException("Reading the topics' offsets failed: " + e.getMessage(), e);
        }
        return offsets;
    }

    private TopicDescription describe(String topic) {
        try {
            return admin().describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw new IllegalStateException("Describing " + topic + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while describing " + topic, e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new Unavailable(Unavailable.BROKER, "The broker did not describe " + topic + " in time", e);
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> config = new HashMap<>();
            kafkaConfig.forEach((key, value) -> {
                if (AdminClientConfig.configNames().contains(key)) {
                    config.put(key, value);
                }
            });
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "reporting-status");
            admin = Admin.create(config);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
