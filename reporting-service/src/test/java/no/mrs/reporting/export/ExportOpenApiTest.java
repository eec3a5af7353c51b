package no.mrs.reporting.export;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import no.mrs.devstack.test.MrsTestInfrastructure;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exportable reads are complete in the OpenAPI document: an operationId, the security requirement of the
 * declared scheme, the format parameter, the three media types and the error responses as problems.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class ExportOpenApiTest {

    @Test
    void everyExportableReadIsDocumentedCompletely() {
        JsonPath openapi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        Map<String, Object> schemes = openapi.getMap("components.securitySchemes");
        assertThat(schemes).containsKey(ExportDocs.SECURITY_SCHEME);
        Map<String, String> operations = Map.of("/api/scorecards/{unitId}", "getScorecard",
                "/api/scorecards/{unitId}/offices", "getOfficeScorecards",
                "/api/series/{unitId}/{indicatorId}", "getSeries",
                "/api/comparisons/{unitId}/{indicatorId}", "getComparison");
        operations.forEach((path, id) -> {
            String op = "paths['" + path + "'].get";
            assertThat(openapi.getString(op + ".operationId")).as(path).isEqualTo(id);
            assertThat(openapi.getList(op + ".security")).as(path + " security")
                    .contains(Map.of(ExportDocs.SECURITY_SCHEME, List.of()));
            assertThat(openapi.getList(op + ".parameters.name", String.class)).as(path).contains("format");
            assertThat(openapi.getMap(op + ".responses.'200'.content")).as(path).containsOnlyKeys("application/json",
                    "text/csv", Xlsx.MEDIA_TYPE);
            for (String status : List.of("400", "401", "403", "404", "406")) {
                assertThat(openapi.getMap(op + ".responses.'" + status + "'.content")).as(path + " " + status)
                        .containsOnlyKeys("application/problem+json");
            }
        });
    }
}
