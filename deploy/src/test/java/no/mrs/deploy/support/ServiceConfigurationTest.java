package no.mrs.deploy.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ServiceConfigurationTest {

    @Test
    void readsTheTopicsAndGroupsThatRunInProduction() throws Exception {
        ServiceConfiguration configuration = ServiceConfiguration.parse("result-service", new StringReader("""
                mrs.events.topic=mrs.result-events
                mp.messaging.incoming.goal-events.connector=smallrye-kafka
                mp.messaging.incoming.goal-events.topic=mrs.goal-events
                mp.messaging.incoming.goal-events.group.id=result-service
                mp.messaging.incoming.submissions.topic=${submissions.topic:mrs.result-submissions}
                mp.messaging.incoming.submissions.group.id=result-service-submissions
                mp.messaging.incoming.submissions.dead-letter-queue.topic=${dlq.topic}
                dlq.topic=mrs.result-submissions.dlq
                %test.mp.messaging.incoming.goal-events.topic=test-goal-events
                %prod.mp.messaging.outgoing.audit.topic=mrs.result-submissions.dlq
                %local,dev.mp.messaging.incoming.submissions.topic=local-submissions
                %local,prod.mp.messaging.incoming.submissions.group.id=result-service-submissions
                """));

        assertThat(configuration.incomingTopics()).containsExactlyInAnyOrder("mrs.goal-events", "mrs.result-submissions");
        assertThat(configuration.outgoingTopics()).containsExactly("mrs.result-submissions.dlq");
        assertThat(configuration.incomingTopics()).doesNotContain("mrs.result-submissions.dlq");
        assertThat(configuration.eventTopics()).containsExactly("mrs.result-events");
        assertThat(configuration.consumerGroups()).containsExactlyInAnyOrder("result-service", "result-service-submissions");
    }

    @Test
    void leavesAnUnresolvableExpressionAsWrittenSoItIsReportedAsAnUnknownTopic() throws Exception {
        ServiceConfiguration configuration = ServiceConfiguration.parse("goal-service", new StringReader("""
                mrs.events.topic=${GOAL_TOPIC}
                """));

        assertThat(configuration.eventTopics()).containsExactly("${GOAL_TOPIC}");
    }
}
