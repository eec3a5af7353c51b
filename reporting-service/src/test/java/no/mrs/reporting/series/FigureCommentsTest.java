package no.mrs.reporting.series;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import no.mrs.contracts.result.FigureCommented;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.reporting.support.Api;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static no.mrs.reporting.support.Api.VIEWER;
import static no.mrs.reporting.support.Events.national;
import static no.mrs.reporting.support.Events.office;
import static no.mrs.reporting.support.Events.ratio;
import static no.mrs.reporting.support.Events.region;
import static no.mrs.reporting.support.Events.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comments on aggregates (FigureCommented): a region's comment on its own figure shows on its series with author
 * and time, with the comments of its offices below it; the nation's series lists them all; the CSV's Kommentar
 * column carries them; a rebuild keeps them. Units 7930–7933, indicator FC.1.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class FigureCommentsTest {

    static final Instant REGION_AT = Instant.parse("2023-06-02T08:30:00Z");
    static final Instant NATION_AT = Instant.parse("2023-06-03T09:00:00Z");

    @Test
    void aRegionsCommentShowsOnItsSeriesWithItsOfficesCommentsAndInTheCsv() {
        Api.publish(national("7930", "Kommentarland"), region("7931", "Nav Kommentar", "7930"),
                office("7932", "Nav Ord", "7931"), office("7933", "Nav Stille", "7931"), ratio("FC.1", "Andel kommentert"),
                result("7932", "FC.1", "2023-05", 7, 10, "Nytt tiltak i bydelen"), result("7933", "FC.1", "2023-05", 5, 10),
                new FigureCommented("7931", "FC.1", YearMonth.of(2023, 5), "Regionen; bedre enn \"ventet\"", REGION_AT),
                new FigureCommented("7930", "FC.1", YearMonth.of(2023, 5), "Landet følger med", NATION_AT));

        List<Map<String, Object>> region = comments("7931");
        assertThat(region).hasSize(2);
        assertThat(region.get(0)).containsEntry("unitId", "7931").containsEntry("unitName", "Nav Kommentar")
                .containsEntry("comment", "Regionen; bedre enn \"ventet\"").containsEntry("author", "test-producer")
                .containsEntry("at", REGION_AT.toString());
        assertThat(region.get(1)).containsEntry("unitId", "7932").containsEntry("unitName", "Nav Ord")
                .containsEntry("comment", "Nytt tiltak i bydelen").containsEntry("author", null);
        assertThat(comments("7930")).extracting(c -> c.get("unitId")).containsExactly("7930", "7931", "7932");
        assertThat(comments("7932")).extracting(c -> c.get("comment")).containsExactly("Nytt tiltak i bydelen");
        assertThat(comments("7933")).isEmpty();
        assertThat(series("7931").getString("[0].comment")).isNull();

        // the CSV's Kommentar column: the region's comment (quoted: it holds ; and ") then its office's
        byte[] bytes = given().auth().oauth2(VIEWER).get("/api/series/7931/FC.1?from=2023-05&to=2023-05&format=csv")
                .then().statusCode(200).extract().asByteArray();
        String[] lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).isEqualTo("Periode;Verdi;Teller;Nevner;Mål;Uvanlig tall: forventet fra;"
                + "Uvanlig tall: forventet til;Kommentar");
        assertThat(lines[1]).startsWith("2023-05;60;12;20;;").endsWith(";\"7931 Nav Kommentar (test-producer, "
                + REGION_AT + "): Regionen; bedre enn \"\"ventet\"\" | 7932 Nav Ord: Nytt tiltak i bydelen\"");

        // a rebuild from the topics keeps every comment
        String before = Api.checksum();
        Api.rebuild();
        assertThat(Api.checksum()).isEqualTo(before);
        assertThat(comments("7931")).isEqualTo(region);
    }

    private static JsonPath series(String unitId) {
        return given().auth().oauth2(VIEWER).get("/api/series/" + unitId + "/FC.1?from=2023-05&to=2023-05").then()
                .statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, Object>> comments(String unitId) {
        return series(unitId).getList("[0].comments");
    }
}
