package no.mrs.result.recording.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Map;

/**
 * Which units each reporting system may submit for over Kafka: {@code mrs.submissions.systems.<systemId>=<unit>,…},
 * each unit covering its whole subtree, like a token's unit scope. A record whose {@code systemId} is not listed, or
 * whose unit lies outside the system's scope, goes to the DLQ with reason {@code out-of-scope}. The broker's ACLs
 * decide who may produce at all (in deploy/ one KafkaUser per system, named by its systemId); this mapping decides
 * for which units.
 */
@ConfigMapping(prefix = "mrs.submissions")
public interface SubmissionScopes {

    /** Whether the mapping is enforced; off only where every producer may submit for every unit. */
    @WithDefault("true")
    boolean scoped();

    /** systemId → the units it may submit for (and their subtrees). */
    Map<String, List<String>> systems();

}
