package no.mrs.system;

import io.restassured.http.ContentType;
import no.mrs.devstack.DemoSeeder;
import no.mrs.devstack.DevTokens;
import no.mrs.devstack.MrsService;
import no.mrs.devstack.ServiceRuntime;
import no.mrs.devstack.Stack;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What {@code ./mrs up} does, on ports of its own: PostgreSQL with a data directory, a Kafka broker process, the
 * three services, and the demo data loaded through the public APIs — and then the national scorecard for
 * 2021-06 comes close to the thesis's målekort (docs/DOMAIN.md).
 */
class LocalStackIT {

    /** Indicator → the målekort's (year to date this year, last year; the month this year, last year). */
    static final Map<String, double[]> MALEKORT = Map.of(
            "B.15", new double[] { 82, 65, 77, 60 },
            "B.16", new double[] { 45, 42, 45, 43 },
            "B.45", new double[] { 76, 64, 77, 69 },
            "B.77", new double[] { 58, 56, 58, 55 });

    @Test
    void theDemoStackComesUpAndItsNationalScorecardResemblesTheMalekort() throws Exception {
        Path root = Path.of(System.getProperty("mrs.root", "..")).toAbsolutePath().normalize();
        Stack.Settings settings = Stack.Settings.offset(StateDirectory.fresh(root.resolve("system-tests/target/local-stack")), 22_000);
        try (Stack stack = Stack.start(root, settings, message -> System.out.println("[local-stack] " + message))) {
            if (stack.runtime().aot()) {
                // on a JDK 25+ each service runs with a current AOT cache that its JVM has mapped
                for (MrsService service : MrsService.values()) {
                    Path cache = ServiceRuntime.cache(service.jar(root));
                    assertThat(stack.runtime().needsTraining(service.jar(root), settings.serviceJvmOptions())).isFalse();
                    assertThat(Files.readString(Path.of("/proc/" + stack.services().get(service).pid() + "/maps")))
                            .as(service.id + " maps " + cache).contains(cache.toString());
                    assertThat(Files.readString(stack.state().resolve("logs/" + service.id + ".log")))
                            .doesNotContain("[error][aot]");
                }
            }
            new DemoSeeder(stack.urls(), message -> System.out.println("[local-stack] " + message)).seed();

            String viewer = DevTokens.issue(List.of("viewer"), List.of("0000"));
            List<Map<String, Object>> rows = given().auth().oauth2(viewer).accept(ContentType.JSON)
                    .get(stack.url(MrsService.REPORTING) + "/api/scorecards/0000?period=2021-06")
                    .then().statusCode(200).extract().jsonPath().getList("perspectives.rows.flatten()");
            assertThat(rows).extracting(r -> r.get("indicatorId")).hasSize(16).contains("B.14", "B.77", "B.90", "M.01");
            for (Map.Entry<String, double[]> expected : MALEKORT.entrySet()) {
                Map<String, Object> row = rows.stream().filter(r -> expected.getKey().equals(r.get("indicatorId")))
                        .findFirst().orElseThrow();
                double[] figures = expected.getValue();
                assertThat(number(row, "yearToDate", "thisYear")).as(expected.getKey() + " YTD").isCloseTo(figures[0], within(5.0));
                assertThat(number(row, "yearToDate", "lastYear")).as(expected.getKey() + " YTD last year").isCloseTo(figures[1], within(5.0));
                assertThat(number(row, "period", "thisYear")).as(expected.getKey() + " month").isCloseTo(figures[2], within(5.0));
                assertThat(number(row, "period", "lastYear")).as(expected.getKey() + " month last year").isCloseTo(figures[3], within(5.0));
            }

            // goal displacement (B.45 paired with B.15): Nav Nordstrand in June and July 2021, and nowhere else
            List<String> flagged = new java.util.ArrayList<>();
            for (DemoSeeder.Unit unit : DemoSeeder.UNITS) {
                for (java.time.YearMonth month = java.time.YearMonth.of(2020, 1); !month.isAfter(java.time.YearMonth.of(2021, 12));
                        month = month.plusMonths(1)) {
                    Object flag = given().auth().oauth2(viewer).accept(ContentType.JSON)
                            .get(stack.url(MrsService.REPORTING) + "/api/scorecards/" + unit.id() + "?period=" + month)
                            .then().statusCode(200).extract().jsonPath()
                            .get("perspectives.rows.flatten().find { it.indicatorId == 'B.45' }.displacement");
                    if (Boolean.TRUE.equals(flag)) {
                        flagged.add(unit.id() + " " + month);
                    }
                }
            }
            assertThat(flagged).containsExactly("0318 2021-06", "0318 2021-07");

            // the move of 0402 from 0400 to 0200 in 2021-07 keeps history: June counts under 0400, December under 0200
            String director = DevTokens.issue(List.of("directorate"), List.of("0000"));
            given().auth().oauth2(director).get(stack.url(MrsService.GOAL) + "/api/units/0402?period=2021-06")
                    .then().statusCode(200).body("parentId", org.hamcrest.Matchers.equalTo("0400"));
            given().auth().oauth2(director).get(stack.url(MrsService.GOAL) + "/api/units/0402?period=2021-12")
                    .then().statusCode(200).body("parentId", org.hamcrest.Matchers.equalTo("0200"));
        }
    }

    private static double number(Map<String, Object> row, String group, String field) {
        Object value = ((Map<?, ?>) row.get(group)).get(field);
        return ((Number) value).doubleValue();
    }
}
