package no.mrs.result.recording;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import no.mrs.devstack.test.KafkaTestClient;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.devstack.test.TestInfrastructure;
import no.mrs.result.fixtures.Organisation;
import no.mrs.result.fixtures.Results;
import no.mrs.result.fixtures.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** 10,000 results in one request: every accepted one stored once and published once, in one transaction. */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class LargeBatchTest {

    static final int OFFICES = 10;
    static final int INDICATORS = 10;
    static final int MONTHS = 100;
    static final int REJECTED_EVERY = 1000;

    @Inject
    Organisation organisation;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void storesAndPublishesEveryAcceptedItemOfATenThousandItemBatchExactlyOnce() throws Exception {
        List<String> offices = new ArrayList<>();
        for (int i = 0; i < OFFICES; i++) {
            offices.add(organisation.office(Organisation.OSLO));
        }
        List<String> indicators = new ArrayList<>();
        for (int i = 0; i < INDICATORS; i++) {
            indicators.add(organisation.ratio());
        }
        List<Results.Item> items = new ArrayList<>();
        Set<String> acceptable = new HashSet<>();
        for (String office : offices) {
            for (String indicator : indicators) {
                for (int m = 0; m < MONTHS; m++) {
                    // 2000–2008: months no other test locks
                    String period = YearMonth.of(2000, 1).plusMonths(m).toString();
                    boolean bad = items.size() % REJECTED_EVERY == 7;
                    Results.Item item = Results.item(office, indicator, period).ratio(bad ? 9 : 3, bad ? 4 : 4);
                    if (!bad) {
                        acceptable.add(item.measurementId());
                    }
                    items.add(item);
                }
            }
        }
        assertThat(items).hasSize(10_000);
        int rejected = 10_000 - acceptable.size();

        long millis = given().auth().oauth2(Tokens.reporter(Organisation.OSLO)).contentType(ContentType.JSON)
                .body(Results.body(items)).post("/api/results")
                .then().statusCode(200).body("accepted", equalTo(acceptable.size()))
                .body("duplicates", equalTo(0)).body("rejected", hasSize(rejected)).extract().time();
        System.out.printf("LargeBatchTest: 10,000 items judged and stored in %d ms%n", millis);

        // stored once: the answer came after the commit, so the rows are there now
        assertThat(storedMeasurements(offices)).containsExactlyInAnyOrderElementsOf(acceptable);

        // the same batch again changes nothing
        given().auth().oauth2(Tokens.reporter(Organisation.OSLO)).contentType(ContentType.JSON)
                .body(Results.body(items)).post("/api/results")
                .then().statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(acceptable.size()));

        // published once: every accepted item is on mrs.result-events, none twice, keyed by its unit
        String bootstrap = TestInfrastructure.shared().bootstrapServers();
        KafkaTestClient.readUntil(bootstrap, "mrs.result-events",
                records -> ours(records, offices).size() >= acceptable.size(), Duration.ofSeconds(120));
        List<ConsumerRecord<String, String>> published = ours(
                KafkaTestClient.readAll(bootstrap, "mrs.result-events", Duration.ofSeconds(3)), offices);
        Map<String, Long> perMeasurement = published.stream().collect(Collectors.groupingBy(
                r -> measurementIdOf(r.value()), Collectors.counting()));
        assertThat(perMeasurement.keySet()).containsExactlyInAnyOrderElementsOf(acceptable);
        assertThat(perMeasurement.values()).allMatch(count -> count == 1);
        assertThat(published).allMatch(r -> r.value().contains("\"unitId\":\"" + r.key() + "\""));
    }

    static List<ConsumerRecord<String, String>> ours(List<ConsumerRecord<String, String>> records, List<String> offices) {
        return records.stream().filter(r -> r.key() != null && offices.contains(r.key())).toList();
    }

    static String measurementIdOf(String cloudEvent) {
        int at = cloudEvent.indexOf("\"measurementId\":\"") + "\"measurementId\":\"".length();
        return cloudEvent.substring(at, cloudEvent.indexOf('"', at));
    }

    List<String> storedMeasurements(List<String> offices) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select data ->> 'measurementId' from event_log where data ->> 'unitId' = any(?)"
                                + " and event_type in ('no.mrs.result.ResultRecorded.v1',"
                                + " 'no.mrs.result.ResultCorrected.v1')")) {
            ps.setArray(1, c.createArrayOf("text", offices.toArray()));
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

}
