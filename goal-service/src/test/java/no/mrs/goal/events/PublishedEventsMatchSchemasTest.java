package no.mrs.goal.events;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import no.mrs.contracts.EventContracts;
import no.mrs.devstack.test.EventSchemas;
import no.mrs.devstack.test.KafkaTestClient;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.devstack.test.TestInfrastructure;
import no.mrs.goal.Api;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static no.mrs.goal.Api.DIRECTORATE;
import static no.mrs.goal.Api.as;
import static no.mrs.goal.Api.letter;
import static no.mrs.goal.Api.token;
import static org.assertj.core.api.Assertions.assertThat;

/** Every event goal-service publishes on mrs.goal-events validates against its documented JSON Schema. */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class PublishedEventsMatchSchemasTest {

    static final Set<String> GOAL_TYPES = EventContracts.all().keySet().stream()
            .filter(type -> type.startsWith("no.mrs.goal.")).collect(Collectors.toCollection(TreeSet::new));
    /** Types consumers still read but goal-service no longer publishes (docs/EVENTS.md, "Versioning"). */
    static final Set<String> NO_LONGER_PUBLISHED = Set.of("no.mrs.goal.GoalRevised.v1");
    static final Set<String> PUBLISHED = GOAL_TYPES.stream().filter(type -> !NO_LONGER_PUBLISHED.contains(type))
            .collect(Collectors.toCollection(TreeSet::new));

    @Test
    void everyGoalEventTypeHasADocumentedSchema() {
        assertThat(GOAL_TYPES).hasSize(16).allMatch(EventSchemas::documented);
    }

    @Test
    void everyPublishedEventOfEveryTypeMatchesItsSchema() {
        produceOneOfEveryType(2095);

        List<ConsumerRecord<String, String>> records = KafkaTestClient.readUntil(
                TestInfrastructure.shared().bootstrapServers(), "mrs.goal-events",
                read -> types(read).containsAll(PUBLISHED), Duration.ofSeconds(60));

        assertThat(types(records)).containsAll(PUBLISHED).doesNotContainAnyElementsOf(NO_LONGER_PUBLISHED);
        for (ConsumerRecord<String, String> record : records) {
            EventSchemas.assertValid(record.value());
        }
    }

    private static void produceOneOfEveryType(int year) {
        Api.organisation();
        Api.unit("0200", "Nav Øst-Viken", "REGION", "0000");
        Api.unit("0105", "Nav Sarpsborg", "OFFICE", "0200");
        Api.unit("0105", "Nav Sarpsborg og Rakkestad", "OFFICE", "0200");
        as(DIRECTORATE).body("{\"newParentId\":\"0300\",\"effectiveFrom\":\"2025-01\"}").post("/api/units/0105/moves")
                .then().statusCode(200);
        Api.indicator("B.77", "{\"name\":\"AAP ved 26 uker\",\"perspective\":\"USER\",\"measure\":\"RATIO\","
                + "\"direction\":\"HIGHER_IS_BETTER\"}");
        Api.indicator("B.77", "{\"name\":\"Andel AAP-mottakere i arbeid eller tiltak ved 26 uker\","
                + "\"perspective\":\"USER\",\"measure\":\"RATIO\",\"direction\":\"HIGHER_IS_BETTER\"}");
        // paired and unpaired: at least one IndicatorPaired even if another test left the same pairing
        for (String outcome : new String[] { "\"B.15\"", "null" }) {
            as(DIRECTORATE).body("{\"pairedOutcome\":" + outcome + "}").put("/api/indicators/B.77/paired-outcome")
                    .then().statusCode(200);
        }
        as(DIRECTORATE).body("{\"year\":" + year + ",\"maxSteeringGoals\":9}").put("/api/units/0105/goal-budget")
                .then().statusCode(200);
        Api.publishLetter(DIRECTORATE, letter(year, "0000", "B.77=58", "B.16", "B.90=4.5")).statusCode(200);
        String goalId = Api.localGoal("0105", "B.77", year, "57");
        as(DIRECTORATE).header("If-Match", "\"1\"").body("{\"target\":56.5,\"reason\":\"Lokalt arbeidsmarked\"}")
                .post("/api/goals/" + goalId + "/revisions").then().statusCode(200);
        as(DIRECTORATE).body("{\"reason\":\"Erstattet\"}").post("/api/goals/" + goalId + "/retirement")
                .then().statusCode(200);
        for (String decision : List.of("ADOPT", "REJECT")) {
            String proposalId = as(token("employee", "0105")).body("{\"indicatorId\":\"" + ("ADOPT".equals(decision)
                    ? "B.25" : "B.26") + "\",\"year\":" + year + ",\"classification\":\"MONITORING\"}")
                    .post("/api/units/0105/goal-proposals").then().statusCode(201).extract().path("proposalId");
            as(DIRECTORATE).body("{\"decision\":\"" + decision + "\",\"reason\":\"Vurdert\"}")
                    .post("/api/goal-proposals/" + proposalId + "/decision").then().statusCode(200);
        }
    }

    private static Set<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.value()).path("type").asText();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).collect(Collectors.toSet());
    }
}
