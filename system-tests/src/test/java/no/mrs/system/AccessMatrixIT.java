package no.mrs.system;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import no.mrs.devstack.DevTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Checks every cell of {@code access-matrix.csv}: each endpoint of each service, each role and no token, with tokens
 * for the unit acted on, its region and another region. All mismatching cells are reported at once.
 */
class AccessMatrixIT {

    static final List<String> ROLES = List.of("directorate", "leader", "employee", "reporter", "viewer", "operator",
            "anonymous");
    static Fixture fixture;
    static String rebuildId;
    static final AtomicInteger GOAL_YEARS = new AtomicInteger(2029);
    static final AtomicInteger LETTER_YEARS = new AtomicInteger(2029);
    static final AtomicInteger MONTHS = new AtomicInteger();

    /** One prepared request: where, what, and which unit it acts on (the "unit" scope's token is for that unit). */
    record Call(String path, String contentType, String body, Map<String, String> headers, String target) {
        Call(String path, String contentType, String body) {
            this(path, contentType, body, Map.of(), "0314");
        }
    }

    @BeforeAll
    static void prepare() throws Exception {
        fixture = Fixture.get();
        rebuildId = given().auth().oauth2(Fixture.OPERATOR).post(fixture.reporting + "/api/admin/rebuilds")
                .then().statusCode(202).extract().path("rebuildId");
    }

    @Test
    void everyCellOfTheAccessMatrixHolds() throws Exception {
        Map<String, Function<String, Call>> endpoints = endpoints();
        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        for (String[] row : rows()) {
            String service = row[0], method = row[1], path = row[2], scope = row[3];
            Function<String, Call> prepare = endpoints.get(method + " " + path);
            assertThat(prepare).as("a request for " + method + " " + path).isNotNull();
            for (int i = 0; i < ROLES.size(); i++) {
                String expected = row[4 + i].trim();
                Call call = prepare.apply(service);
                String role = ROLES.get(i);
                String token = role.equals("anonymous") ? null
                        : DevTokens.issue(List.of(role), List.of(unitOf(scope, call.target())));
                Response response = send(token, method, base(service) + call.path(), call);
                String actual = outcome(response, expected);
                if (response.statusCode() == 202 && response.path("rebuildId") != null) {
                    rebuildId = response.path("rebuildId");
                }
                cells++;
                if (!actual.equals(expected)) {
                    mismatches.add("%s %s %s as %s/%s: expected %s, got %s %s".formatted(service, method, call.path(),
                            role, scope, expected, actual, abbreviate(response.asString())));
                }
            }
        }
        System.out.println("access matrix: " + cells + " cells");
        assertThat(mismatches).as("mismatching cells of access-matrix.csv (%d checked)", cells).isEmpty();
    }

    @Test
    void badTokensAreRefusedOnAWriteEndpointOfEachService() throws Exception {
        PrivateKey otherKey = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("expired", directorate().expiresIn(Duration.ofMinutes(-10)).sign());
        bad.put("signed by another key", directorate().signedWith(otherKey).sign());
        bad.put("another issuer", directorate().issuer("https://evil.example/issuer").sign());
        bad.put("another audience", directorate().audience("someone-else").sign());
        Map<String, Call> writes = new LinkedHashMap<>();
        writes.put("goal", new Call("/api/units/0314", "application/json",
                "{\"name\":\"Nav Sagene\",\"level\":\"OFFICE\",\"parentId\":\"0300\"}"));
        writes.put("result", submission("0314"));
        writes.put("reporting", new Call("/api/admin/rebuilds", null, null));
        bad.put("of the operator role, expired", DevTokens.token().roles("operator").expiresIn(Duration.ofMinutes(-10)).sign());
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, Call> write : writes.entrySet()) {
            String method = write.getKey().equals("goal") ? "PUT" : "POST";
            for (Map.Entry<String, String> token : bad.entrySet()) {
                Response response = send(token.getValue(), method, base(write.getKey()) + write.getValue().path(),
                        write.getValue());
                if (response.statusCode() != 401) {
                    mismatches.add(write.getKey() + " with a token " + token.getKey() + ": " + response.statusCode());
                }
            }
        }
        String withoutUnits = directorate().withoutUnitsClaim().sign();
        Response goal = send(withoutUnits, "PUT", base("goal") + writes.get("goal").path(), writes.get("goal"));
        if (goal.statusCode() != 403) {
            mismatches.add("goal with a token without units: " + goal.statusCode());
        }
        String reporterWithoutUnits = DevTokens.token().roles("reporter").withoutUnitsClaim().sign();
        Response result = send(reporterWithoutUnits, "POST", base("result") + "/api/results", submission("0314"));
        if (!outcome(result, "200r").equals("200r") && result.statusCode() != 403) {
            mismatches.add("result with a reporter token without units: " + result.statusCode() + " " + result.asString());
        }
        assertThat(mismatches).isEmpty();
    }

    private static DevTokens directorate() {
        return DevTokens.token().roles("directorate").units("0000");
    }

    /** The status, or "200r" for a 200 in which result-service rejected every item. */
    static String outcome(Response response, String expected) {
        int status = response.statusCode();
        if (status == 200 && expected.endsWith("r")) {
            Integer accepted = response.path("accepted");
            Integer rejected = response.path("rejected.size()");
            return accepted != null && accepted == 0 && rejected != null && rejected > 0 ? "200r" : "200";
        }
        return String.valueOf(status);
    }

    static String unitOf(String scope, String target) {
        if (scope.equals("unit")) {
            return target;
        }
        if (scope.equals("region")) {
            return "0300";
        }
        if (scope.equals("other")) {
            return "0400";
        }
        throw new IllegalArgumentException("Unknown scope " + scope);
    }

    static String base(String service) {
        return fixture.url(service);
    }

    static Response send(String token, String method, String url, Call call) {
        RequestSpecification request = given().urlEncodingEnabled(false);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        if (call.contentType() != null) {
            request = request.contentType(call.contentType() + "; charset=UTF-8");
        }
        if (call.body() != null) {
            request = request.body(call.body().getBytes(StandardCharsets.UTF_8));
        }
        request = request.headers(call.headers());
        return request.request(method, url);
    }

    static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    static List<String[]> rows() throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                AccessMatrixIT.class.getResourceAsStream("/access-matrix.csv")), StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split(",");
                assertThat(cells).as(line).hasSize(4 + ROLES.size());
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].strip();
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    static Call submission(String unit) {
        return new Call("/api/results", "application/json", "{\"results\":[{\"measurementId\":\"m-" + Fixture.next()
                + "\",\"unitId\":\"" + unit + "\",\"indicatorId\":\"B.15\",\"period\":\"2022-02\",\"numerator\":3,"
                + "\"denominator\":4}]}", Map.of(), unit);
    }

    /** How to make a well-formed request for each endpoint of the table, with fresh resources where needed. */
    static Map<String, Function<String, Call>> endpoints() {
        Map<String, Function<String, Call>> e = new HashMap<>();
        String json = "application/json";
        String anyLetter = fixture.draftLetter(LETTER_YEARS.incrementAndGet(), "0300");
        String anyGoal = fixture.localGoal("0314");
        String anyProposal = fixture.proposal("0314");
        // goal-service reads
        for (String path : List.of("/api/units", "/api/units/0314", "/api/indicators", "/api/indicators/B.15",
                "/api/goal-letters?year=2022", "/api/units/0314/goals?year=2022", "/api/units/0314/goal-budget?year=2022",
                "/api/units/0314/goal-proposals")) {
            e.put("GET " + path, s -> new Call(path, null, null));
        }
        e.put("GET /api/goal-letters/{letter}", s -> new Call("/api/goal-letters/" + anyLetter, null, null));
        e.put("GET /api/goals/{goal}", s -> new Call("/api/goals/" + anyGoal, null, null));
        e.put("GET /api/goals/{goal}/history", s -> new Call("/api/goals/" + anyGoal + "/history", null, null));
        e.put("GET /api/goal-proposals/{proposal}", s -> new Call("/api/goal-proposals/" + anyProposal, null, null));
        // goal-service writes
        e.put("PUT /api/units/{unit}", s -> new Call("/api/units/0314", json,
                "{\"name\":\"Nav Sagene\",\"level\":\"OFFICE\",\"parentId\":\"0300\"}"));
        e.put("POST /api/units/{office}/moves", s -> {
            String office = fixture.office("0300");
            return new Call("/api/units/" + office + "/moves", json,
                    "{\"newParentId\":\"0400\",\"effectiveFrom\":\"2030-01\"}", Map.of(), office);
        });
        e.put("PUT /api/indicators/{local}", s -> new Call("/api/indicators/L." + (100 + Fixture.next() % 900), json, """
                {"name":"Lokal indikator","perspective":"USER","measure":"COUNT","direction":"HIGHER_IS_BETTER",
                 "ownerUnitId":"0314"}"""));
        // the pairing changes each time (B.15, then none, …), so every directorate cell writes
        e.put("PUT /api/indicators/L.1/paired-outcome", s -> new Call("/api/indicators/L.1/paired-outcome", json,
                Fixture.next() % 2 == 0 ? "{\"pairedOutcome\":\"B.15\"}" : "{\"pairedOutcome\":null}"));
        e.put("PUT /api/units/{unit}/goal-budget", s -> new Call("/api/units/0314/goal-budget", json,
                "{\"year\":2022,\"maxSteeringGoals\":5}"));
        e.put("POST /api/goal-letters", s -> new Call("/api/goal-letters", json,
                fixture.letterBody(LETTER_YEARS.incrementAndGet(), "0300"), Map.of(), "0300"));
        e.put("PUT /api/goal-letters/{draft}", s -> new Call("/api/goal-letters/"
                + fixture.draftLetter(LETTER_YEARS.incrementAndGet(), "0300"), json,
                fixture.letterBody(LETTER_YEARS.get(), "0300"), Map.of("If-Match", "\"1\""), "0300"));
        e.put("POST /api/goal-letters/{draft}/publication", s -> new Call("/api/goal-letters/"
                + fixture.draftLetter(LETTER_YEARS.incrementAndGet(), "0300") + "/publication", json, null, Map.of(), "0300"));
        e.put("POST /api/units/{unit}/goals", s -> new Call("/api/units/0314/goals", json,
                localGoal(GOAL_YEARS.incrementAndGet())));
        e.put("POST /api/goals/{local}/revisions", s -> new Call("/api/goals/" + freshGoal() + "/revisions", json,
                "{\"target\":72,\"reason\":\"new figures\"}", Map.of("If-Match", "\"1\""), "0314"));
        e.put("POST /api/goals/{local}/retirement", s -> new Call("/api/goals/" + freshGoal() + "/retirement", json,
                "{\"reason\":\"no longer relevant\"}"));
        e.put("POST /api/units/{unit}/goal-proposals", s -> new Call("/api/units/0314/goal-proposals", json,
                fixture.proposalBody()));
        e.put("POST /api/goal-proposals/{open}/decision", s -> new Call("/api/goal-proposals/"
                + fixture.proposal("0314") + "/decision", json, "{\"decision\":\"REJECT\",\"reason\":\"not now\"}"));
        // result-service
        e.put("GET /api/results?unitId=0314", s -> new Call("/api/results?unitId=0314", null, null));
        e.put("GET /api/results/history", s -> new Call("/api/results/history?unitId=0314&indicatorId=B.15&period=2022-01",
                null, null));
        e.put("GET /api/periods", s -> new Call("/api/periods", null, null));
        e.put("POST /api/results (json)", s -> submission("0314"));
        e.put("POST /api/results (csv)", s -> new Call("/api/results", "text/csv",
                "measurementId,unitId,indicatorId,period,numerator,denominator\ncsv-" + Fixture.next()
                        + ",0314,B.15,2022-03,5,10\n"));
        e.put("POST /api/results/0314/L.1/{flagged}/outlier-confirmation", s -> new Call("/api/results/0314/L.1/"
                + fixture.flaggedMonth() + "/outlier-confirmation", json, "{\"reason\":\"checked\"}"));
        e.put("POST /api/periods/{month}/lock", s -> {
            int n = MONTHS.incrementAndGet();
            return new Call("/api/periods/%d-%02d/lock".formatted(2010 + n / 12, 1 + n % 12), json,
                    "{\"reason\":\"annual accounts\"}");
        });
        e.put("GET /api/figure-comments", s -> new Call("/api/figure-comments?unitId=0300&indicatorId=B.15&period=2022-01",
                null, null));
        e.put("POST /api/figure-comments (region)", s -> new Call("/api/figure-comments", json,
                "{\"unitId\":\"0300\",\"indicatorId\":\"B.15\",\"period\":\"2022-01\",\"comment\":\"Oslo\"}", Map.of(), "0300"));
        e.put("POST /api/figure-comments (nation)", s -> new Call("/api/figure-comments", json,
                "{\"unitId\":\"0000\",\"indicatorId\":\"B.15\",\"period\":\"2022-01\",\"comment\":\"Norge\"}", Map.of(), "0000"));
        e.put("GET /api/admin/dlq", s -> new Call("/api/admin/dlq", null, null));
        e.put("GET /api/admin/dlq/{none}", s -> new Call("/api/admin/dlq/0/999999999", null, null));
        e.put("POST /api/admin/dlq/{none}/resubmission", s -> new Call("/api/admin/dlq/0/999999999/resubmission", json,
                "{\"reason\":\"cause fixed\"}"));
        e.put("POST /api/admin/dlq/{none}/discard", s -> new Call("/api/admin/dlq/0/999999999/discard", json,
                "{\"reason\":\"not wanted\"}"));
        // reporting-service
        for (String path : List.of("/api/burden/0300?year=2022", "/api/scorecards/0314?period=2022-01",
                "/api/series/0314/B.15?from=2022-01&to=2022-06",
                "/api/comparisons/0300/B.15?period=2022-01", "/api/units", "/api/periods", "/api/status", "/api/admin/checksum",
                "/api/scorecards/0314?period=2022-01&format=csv", "/api/scorecards/0300/offices?period=2022-01",
                "/api/scorecards/0300/offices?period=2022-01&format=xlsx",
                "/api/series/0314/B.15?from=2022-01&to=2022-06&format=xlsx",
                "/api/comparisons/0300/B.15?period=2022-01&format=csv",
                "/api/reporting-status/0300?period=2022-01", "/api/reporting-status/0300/regions?period=2022-01")) {
            e.put("GET " + path, s -> new Call(path, null, null));
        }
        e.put("GET /api/admin/rebuilds/{rebuild}", s -> new Call("/api/admin/rebuilds/" + rebuildId, null, null));
        e.put("POST /api/admin/rebuilds", s -> {
            // one rebuild at a time (a second is 409 rebuild-running): wait for the last one to finish
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(() -> !"RUNNING".equals(
                    given().auth().oauth2(Fixture.OPERATOR).get(fixture.reporting + "/api/admin/rebuilds/" + rebuildId)
                            .path("state")));
            return new Call("/api/admin/rebuilds", null, null);
        });
        return e;
    }

    private static String localGoal(int year) {
        return "{\"indicatorId\":\"L.1\",\"year\":" + year + ",\"classification\":\"STEERING\",\"target\":70,"
                + "\"rationale\":\"why\"}";
    }

    private static String freshGoal() {
        return given().auth().oauth2(Fixture.ADMIN).contentType(ContentType.JSON)
                .body(localGoal(GOAL_YEARS.incrementAndGet())).post(fixture.goal + "/api/units/0314/goals")
                .then().log().ifValidationFails().statusCode(201).extract().path("goalId");
    }
}
