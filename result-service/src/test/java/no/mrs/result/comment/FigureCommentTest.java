package no.mrs.result.comment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import no.mrs.devstack.test.EventSchemas;
import no.mrs.devstack.test.KafkaTestClient;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.devstack.test.TestInfrastructure;
import no.mrs.result.fixtures.Organisation;
import no.mrs.result.fixtures.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/**
 * POST /api/figure-comments: a region's leaders comment on the region's figure, the directorate on the nation's
 * (and any region's); the comment is kept with author and time, published as FigureCommented, and listed. Whatever
 * else is refused with a problem document and writes nothing.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class FigureCommentTest {

    @Inject
    Organisation organisation;

    @Inject
    ObjectMapper mapper;

    @Test
    void aRegionsLeaderCommentsOnTheRegionsFigureAndTheDirectorateOnTheNations() throws Exception {
        organisation.regions();
        String indicator = organisation.ratio();
        post(Tokens.leader(Organisation.OSLO), body(Organisation.OSLO, indicator, "2016-05", "  Oslo ligger foran  "))
                .statusCode(201).body("unitId", equalTo(Organisation.OSLO)).body("seq", equalTo(1))
                .body("comment", equalTo("Oslo ligger foran")).body("author", equalTo("leader-0300"))
                .body("commentedAt", notNullValue());
        post(Tokens.directorate(), body(Organisation.NATION, indicator, "2016-05", "Landet samlet")).statusCode(201)
                .body("author", equalTo("directorate-user"));
        post(Tokens.directorate(), body(Organisation.OSLO, indicator, "2016-05", "Direktoratet følger Oslo"))
                .statusCode(201).body("seq", equalTo(2));

        list(Organisation.OSLO, indicator, "2016-05").statusCode(200).body("comment",
                equalTo(List.of("Oslo ligger foran", "Direktoratet følger Oslo")));
        given().auth().oauth2(Tokens.viewer()).get("/api/figure-comments?unitId=0300&indicatorId=" + indicator
                + "&period=2016-05&limit=1").then().statusCode(200).body("", hasSize(1))
                .header("Link", org.hamcrest.Matchers.containsString("rel=\"next\""));

        List<ConsumerRecord<String, String>> records = KafkaTestClient.readUntil(
                TestInfrastructure.shared().bootstrapServers(), "mrs.result-events",
                rs -> rs.stream().filter(r -> r.value().contains("FigureCommented") && r.value().contains(indicator))
                        .count() >= 3, Duration.ofSeconds(60)).stream()
                .filter(r -> r.value().contains("FigureCommented") && r.value().contains(indicator)).toList();
        records.forEach(r -> EventSchemas.assertValid(r.value()));
        JsonNode first = mapper.readTree(records.stream().filter(r -> Organisation.OSLO.equals(r.key())).findFirst()
                .orElseThrow().value());
        assertThat(first.path("type").asText()).isEqualTo("no.mrs.result.FigureCommented.v1");
        assertThat(first.path("streamid").asText()).isEqualTo("figure-comment:0300/" + indicator + "/2016-05");
        assertThat(first.path("data").path("actor").asText()).isEqualTo("leader-0300");
        assertThat(first.path("data").path("comment").asText()).isEqualTo("Oslo ligger foran");
    }

    @Test
    void whoMayNotCommentGets403AndNothingIsWritten() {
        organisation.regions();
        String indicator = organisation.ratio();
        String office = organisation.office(Organisation.OSLO);
        // a region's leader may not comment on the nation's figure nor on another region's
        post(Tokens.leader(Organisation.OSLO), body(Organisation.NATION, indicator, "2016-05", "x")).statusCode(403);
        post(Tokens.leader(Organisation.INNLANDET), body(Organisation.OSLO, indicator, "2016-05", "x")).statusCode(403);
        post(Tokens.leader(office), body(Organisation.OSLO, indicator, "2016-05", "x")).statusCode(403);
        post(Tokens.reporter(Organisation.OSLO), body(Organisation.OSLO, indicator, "2016-05", "x")).statusCode(403);
        post(Tokens.viewer(), body(Organisation.OSLO, indicator, "2016-05", "x")).statusCode(403);
        given().contentType(ContentType.JSON).body(body(Organisation.OSLO, indicator, "2016-05", "x"))
                .post("/api/figure-comments").then().statusCode(401);
        list(Organisation.OSLO, indicator, "2016-05").body("", hasSize(0));
        list(Organisation.NATION, indicator, "2016-05").body("", hasSize(0));
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndNothingIsWritten() {
        organisation.regions();
        String indicator = organisation.ratio();
        String office = organisation.office(Organisation.OSLO);
        String leader = Tokens.leader(Organisation.OSLO);
        String oslo = Organisation.OSLO;
        record Bad(String body, int status, String field) {
        }
        for (Bad bad : List.of(
                new Bad(body(office, indicator, "2016-05", "x"), 400, "unitId"),
                new Bad(body(oslo, indicator, "2099-01", "x"), 400, "period"),
                new Bad(body(oslo, indicator, "1999-12", "x"), 400, "period"),
                new Bad(body(oslo, indicator, "2016-13", "x"), 400, "period"),
                new Bad(body(oslo, indicator, "2016-05", "   "), 400, "comment"),
                new Bad(body(oslo, indicator, "2016-05", "x".repeat(1001)), 400, "comment"),
                new Bad(body(oslo, indicator, "2016-05", "før\\u0000etter"), 400, "comment"),
                new Bad("{\"unitId\":\"0300\",\"indicatorId\":\"" + indicator + "\",\"period\":\"2016-05\"}", 400, "comment"),
                new Bad("{\"unitId\":\"03\",\"indicatorId\":\"" + indicator + "\",\"period\":\"2016-05\",\"comment\":\"x\"}", 400, "unitId"),
                new Bad(body(oslo, indicator, "2016-05", "x").replace("}", ",\"author\":\"meg\"}"), 400, null),
                new Bad("{\"unitId\":", 400, null),
                new Bad(body("9990", indicator, "2016-05", "x"), 404, null),
                new Bad(body(oslo, "NO.SUCH", "2016-05", "x"), 404, null))) {
            ValidatableResponse response = post(leader, bad.body()).log().ifValidationFails().statusCode(bad.status())
                    .contentType("application/problem+json");
            if (bad.field() != null) {
                response.body("errors.field", org.hamcrest.Matchers.hasItem(bad.field()));
            }
        }
        list(oslo, indicator, "2016-05").body("", hasSize(0));
        list(office, indicator, "2016-05").body("", hasSize(0));
        given().auth().oauth2(Tokens.viewer()).get("/api/figure-comments?unitId=0300&period=2016-05").then()
                .statusCode(400);
        given().auth().oauth2(Tokens.viewer()).get("/api/figure-comments?unitId=0300&indicatorId=x&period=2016-5")
                .then().statusCode(400);
    }

    private static String body(String unitId, String indicatorId, String period, String comment) {
        return "{\"unitId\":\"" + unitId + "\",\"indicatorId\":\"" + indicatorId + "\",\"period\":\"" + period
                + "\",\"comment\":\"" + comment + "\"}";
    }

    private static ValidatableResponse post(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/figure-comments").then();
    }

    private static ValidatableResponse list(String unitId, String indicatorId, String period) {
        return given().auth().oauth2(Tokens.viewer()).get("/api/figure-comments?unitId=" + unitId + "&indicatorId="
                + indicatorId + "&period=" + period).then().statusCode(200);
    }
}
