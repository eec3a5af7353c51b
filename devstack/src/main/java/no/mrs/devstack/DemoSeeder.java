package no.mrs.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Loads the demo data described in {@code docs/DOMAIN.md} through the public REST APIs only (never into a
 * database): the organisation, the B.* indicators with their real names (plus the survey scores B.90 and M.01), the
 * 2021 goal letter, local goals and an adopted proposal, a move between regions, and 2020–2021 monthly results for
 * every office, shaped so that the national scorecard for 2021-06 comes close to the thesis's målekort.
 */
public final class DemoSeeder {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Unit(String id, String name, String level, String parent) {
    }

    /** An indicator with the thesis's national figures: YTD this/last year, the month this/last year. */
    public record Indicator(String id, String name, String perspective, String measure, double ytd, double ytdLast,
            double month, double monthLast) {
    }

    public static final List<Unit> UNITS = List.of(
            new Unit("0000", "Norge", "NATIONAL", null),
            new Unit("0200", "Nav Øst-Viken", "REGION", "0000"),
            new Unit("0300", "Nav Oslo", "REGION", "0000"),
            new Unit("0400", "Nav Innlandet", "REGION", "0000"),
            new Unit("0600", "Nav Vest-Viken", "REGION", "0000"),
            new Unit("0800", "Nav Vestfold og Telemark", "REGION", "0000"),
            new Unit("1000", "Nav Agder", "REGION", "0000"),
            new Unit("1100", "Nav Rogaland", "REGION", "0000"),
            new Unit("1200", "Nav Vestland", "REGION", "0000"),
            new Unit("1500", "Nav Møre og Romsdal", "REGION", "0000"),
            new Unit("1800", "Nav Nordland", "REGION", "0000"),
            new Unit("1900", "Nav Troms og Finnmark", "REGION", "0000"),
            new Unit("5700", "Nav Trøndelag", "REGION", "0000"),
            new Unit("0313", "Nav St. Hanshaugen", "OFFICE", "0300"),
            new Unit("0314", "Nav Sagene", "OFFICE", "0300"),
            new Unit("0315", "Nav Grünerløkka", "OFFICE", "0300"),
            new Unit("0318", "Nav Nordstrand", "OFFICE", "0300"),
            new Unit("0330", "Nav Bjerke", "OFFICE", "0300"),
            new Unit("0334", "Nav Vestre Aker", "OFFICE", "0300"),
            new Unit("0402", "Nav Kongsvinger", "OFFICE", "0400"),
            new Unit("0415", "Nav Løten", "OFFICE", "0400"),
            new Unit("0501", "Nav Lillehammer", "OFFICE", "0400"),
            new Unit("0502", "Nav Gjøvik", "OFFICE", "0400"),
            new Unit("0105", "Nav Sarpsborg", "OFFICE", "0200"),
            new Unit("0106", "Nav Fredrikstad", "OFFICE", "0200"));

    public static final List<Indicator> INDICATORS = List.of(
            new Indicator("B.14", "Andel med gradert sykemelding ved passering 12 uker", "USER", "RATIO", 47, 43, 34, 33),
            new Indicator("B.15", "Andel arbeidssøkere med overgang til arbeid", "USER", "RATIO", 82, 65, 77, 60),
            new Indicator("B.16", "Andel personer med nedsatt arbeidsevne med overgang til arbeid", "USER", "RATIO", 45, 42, 45, 43),
            new Indicator("B.25", "Andel arbeidssøkere med overgang til arbeid fra tiltak", "USER", "RATIO", 63, 62, 69, 54),
            new Indicator("B.26", "Andel personer med nedsatt arbeidsevne med overgang til arbeid fra tiltak", "USER", "RATIO", 57, 56, 54, 53),
            new Indicator("B.31", "Antall Fått jobben", "USER", "COUNT", 2104, 1293, 2319, 1626),
            new Indicator("B.32", "Antall Fått jobben for personer med situasjonsbestemt innsatsbehov", "USER", "COUNT", 912, 513, 933, 627),
            new Indicator("B.33", "Antall Fått jobben for personer med spesielt tilpasset innsatsbehov", "USER", "COUNT", 705, 447, 855, 533),
            new Indicator("B.45", "Andel brukere under 30 år med situasjonsbestemt innsatsbehov som har arbeidsrettet aktivitet", "USER", "RATIO", 76, 64, 77, 69),
            new Indicator("B.46", "Andel brukere under 30 år med spesielt tilpasset innsatsbehov som har arbeidsrettet aktivitet", "USER", "RATIO", 55, 50, 58, 52),
            new Indicator("B.47", "Andel brukere under 30 år med situasjonsbestemt innsatsbehov som har hatt dialog, møte eller samtale siste 30 dager", "USER", "RATIO", 62, 59, 69, 68),
            new Indicator("B.48", "Andel brukere under 30 år med spesielt tilpasset innsatsbehov som har hatt dialog, møte eller samtale siste 30 dager", "USER", "RATIO", 56, 53, 62, 61),
            new Indicator("B.49", "Andel personer under 30 år som har arbeidsrettet aktivitet", "USER", "RATIO", 63, 55, 64, 58),
            new Indicator("B.77", "Andel AAP-mottakere som er i arbeid eller tiltak ved 26 ukers tidspunkt", "USER", "RATIO", 58, 56, 58, 55),
            new Indicator("B.90", "Brukertilfredshet", "USER", "SCORE", 4.6, 4.4, 4.7, 4.5),
            new Indicator("M.01", "Trivsel", "EMPLOYEE", "SCORE", 4.8, 4.7, 4.9, 4.6));

    /** The central letter's steering goals and targets; the other indicators are followed as MONITORING. */
    public static final Map<String, Double> STEERING = new LinkedHashMap<>();

    static {
        STEERING.put("B.15", 80.0);
        STEERING.put("B.16", 45.0);
        STEERING.put("B.25", 65.0);
        STEERING.put("B.31", 2000.0);
        STEERING.put("B.45", 75.0);
        STEERING.put("B.77", 60.0);
    }

    /**
     * Goal displacement in the demo: B.45 (arbeidsrettet aktivitet) is paired with B.15 (overgang til arbeid), and
     * from April 2021 Nav Nordstrand (0318) pushes the activity 10 % above its level while its transitions to work
     * drop 10 % — so its scorecards for 2021-06 and 2021-07 flag the divergence, and no other office's ever does.
     */
    public static final String DISPLACED_ACTIVITY = "B.45";
    public static final String DISPLACED_OUTCOME = "B.15";
    public static final String DISPLACED_OFFICE = "0318";
    static final YearMonth DISPLACED_FROM = YearMonth.of(2021, 4);
    static final double DISPLACEMENT = 0.10;

    private final Stack.Urls urls;
    private final Consumer<String> progress;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String directorate = DevTokens.token().subject("demo-directorate").roles("directorate")
            .units("0000").sign();
    private final String reporter = DevTokens.token().subject("demo-reporting-system").roles("reporter")
            .units("0000").sign();

    public DemoSeeder(Stack.Urls urls, Consumer<String> progress) {
        this.urls = urls;
        this.progress = progress;
    }

    public void seed() throws IOException, InterruptedException {
        progress.accept("Demo data: " + UNITS.size() + " units and " + INDICATORS.size() + " indicators");
        for (Unit unit : UNITS) {
            ObjectNode body = JSON.createObjectNode().put("name", unit.name()).put("level", unit.level());
            if (unit.parent() != null) {
                body.put("parentId", unit.parent());
            }
            call("PUT", urls.goal() + "/api/units/" + unit.id(), directorate, body, 200, 201);
        }
        for (Indicator indicator : INDICATORS) {
            ObjectNode body = JSON.createObjectNode().put("name", indicator.name())
                    .put("perspective", indicator.perspective()).put("measure", indicator.measure())
                    .put("direction", "HIGHER_IS_BETTER")
                    .put("description", indicator.name() + " (demo data shaped after the 2021 national målekort)");
            if (indicator.measure().equals("SCORE")) {
                body.put("scaleMin", 1).put("scaleMax", 6);
            }
            call("PUT", urls.goal() + "/api/indicators/" + indicator.id(), directorate, body, 200, 201);
        }
        // goal displacement: activity B.45 is meant to serve outcome B.15 (Nav Nordstrand shows the flag, below)
        call("PUT", urls.goal() + "/api/indicators/" + DISPLACED_ACTIVITY + "/paired-outcome", directorate,
                JSON.createObjectNode().put("pairedOutcome", DISPLACED_OUTCOME), 200);

        progress.accept("Demo data: the 2021 goal letter, local goals and an adopted proposal");
        for (int year : new int[] { 2020, 2021 }) {
            letter(year);
        }
        String sageneLeader = DevTokens.token().subject("leder-sagene").roles("leader").units("0314").sign();
        String gjovikLeader = DevTokens.token().subject("leder-gjovik").roles("leader").units("0502").sign();
        call("POST", urls.goal() + "/api/units/0314/goals", sageneLeader, JSON.createObjectNode()
                .put("indicatorId", "B.15").put("year", 2021).put("classification", "STEERING").put("target", 78.0)
                .put("rationale", "Arbeidsmarkedet i bydelen er svakere enn landet; vi justerer målet lokalt."), 201);
        call("POST", urls.goal() + "/api/units/0502/goals", gjovikLeader, JSON.createObjectNode()
                .put("indicatorId", "B.49").put("year", 2021).put("classification", "STEERING").put("target", 65.0)
                .put("rationale", "Unge i arbeidsrettet aktivitet er kontorets satsing i 2021."), 201);
        String employee = DevTokens.token().subject("veileder-sagene").roles("employee").units("0314").sign();
        JsonNode proposal = call("POST", urls.goal() + "/api/units/0314/goal-proposals", employee, JSON.createObjectNode()
                .put("indicatorId", "M.01").put("year", 2021).put("classification", "STEERING").put("target", 5.0)
                .put("rationale", "Trivsel bør være et mål, ikke bare statistikk."), 201);
        call("POST", urls.goal() + "/api/goal-proposals/" + proposal.path("proposalId").asText() + "/decision",
                sageneLeader, JSON.createObjectNode().put("decision", "ADOPT")
                        .put("reason", "Vedtatt i ledermøtet; tas inn i virksomhetsplanen."), 200, 201);

        progress.accept("Demo data: Nav Kongsvinger (0402) moves from Nav Innlandet to Nav Øst-Viken from 2021-07");
        call("POST", urls.goal() + "/api/units/0402/moves", directorate, JSON.createObjectNode()
                .put("newParentId", "0200").put("effectiveFrom", "2021-07"), 200, 201);

        List<ObjectNode> results = results();
        progress.accept("Demo data: " + results.size() + " monthly results for 2020–2021");
        submit(results);
        awaitScorecard();
        progress.accept("Demo data: loaded");
    }

    private void letter(int year) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("year", year).put("issuerUnitId", "0000")
                .put("title", "Mål- og disponeringsbrev " + year);
        body.putArray("mainGoals").add("Bedre brukermøter").add("Flere i arbeid").add("Pålitelig forvaltning");
        ArrayNode goals = body.putArray("goals");
        for (Indicator indicator : INDICATORS) {
            ObjectNode goal = goals.addObject().put("indicatorId", indicator.id());
            Double target = STEERING.get(indicator.id());
            if (target != null) {
                goal.put("classification", "STEERING").put("target", target).put("localAdjustment", "ALLOWED");
            } else {
                goal.put("classification", "MONITORING").put("localAdjustment", "ALLOWED");
            }
            goal.put("mainGoal", indicator.perspective().equals("EMPLOYEE") ? "Pålitelig forvaltning"
                    : indicator.id().compareTo("B.40") > 0 && indicator.id().compareTo("B.50") < 0
                            ? "Bedre brukermøter" : "Flere i arbeid");
        }
        JsonNode letter = call("POST", urls.goal() + "/api/goal-letters", directorate, body, 201);
        call("POST", urls.goal() + "/api/goal-letters/" + letter.path("letterId").asText() + "/publication",
                directorate, null, 200, 201);
    }

    /**
     * Every office, indicator and month of 2020–2021. Month 6 carries the målekort's "denne perioden" figure and
     * the other months are at the level that makes January–June come out at its "hittil i året" figure (so June
     * stands out as the målekort's month, and no other quarter moves by more than a few per cent). Offices differ
     * by a fixed seeded spread around the national level; Nav Nordstrand shows goal displacement from April 2021
     * ({@link #displacement}).
     */
    public static List<ObjectNode> results() {
        List<Unit> offices = UNITS.stream().filter(u -> u.level().equals("OFFICE")).toList();
        Random random = new Random(2021);
        List<ObjectNode> results = new ArrayList<>();
        for (Indicator indicator : INDICATORS) {
            for (Unit office : offices) {
                double spread = 0.9 + 0.2 * random.nextDouble();
                int size = 80 + random.nextInt(120);
                for (int year = 2020; year <= 2021; year++) {
                    double ytd = year == 2021 ? indicator.ytd() : indicator.ytdLast();
                    double month6 = year == 2021 ? indicator.month() : indicator.monthLast();
                    for (int month = 1; month <= 12; month++) {
                        // an ordinary month is at the level that gives the year to date; June is the målekort's month
                        double level = month == 6 ? month6 : (6 * ytd - month6) / 5;
                        level *= displacement(indicator, office, YearMonth.of(year, month));
                        results.add(result(indicator, office, YearMonth.of(year, month), level, spread, size, offices.size()));
                    }
                }
            }
        }
        return results;
    }

    /** The demo office's push of the activity and the drop of its outcome (1 elsewhere). */
    static double displacement(Indicator indicator, Unit office, YearMonth period) {
        if (!office.id().equals(DISPLACED_OFFICE) || period.isBefore(DISPLACED_FROM)) {
            return 1.0;
        }
        return indicator.id().equals(DISPLACED_ACTIVITY) ? 1 + DISPLACEMENT
                : indicator.id().equals(DISPLACED_OUTCOME) ? 1 - DISPLACEMENT : 1.0;
    }

    private static ObjectNode result(Indicator indicator, Unit office, YearMonth period, double level, double spread,
            int size, int officeCount) {
        ObjectNode item = JSON.createObjectNode()
                .put("measurementId", "demo/" + period + "/" + office.id() + "/" + indicator.id())
                .put("unitId", office.id()).put("indicatorId", indicator.id()).put("period", period.toString());
        switch (indicator.measure()) {
            case "RATIO" -> {
                int denominator = size + period.getMonthValue();
                long numerator = Math.round(Math.min(1.0, level / 100.0 * spread) * denominator);
                item.put("numerator", numerator).put("denominator", denominator);
            }
            case "COUNT" -> item.put("value", Math.round(level * spread / officeCount));
            default -> {
                int respondents = 20 + size / 10;
                double mean = Math.max(1.0, Math.min(6.0, level * (0.97 + (spread - 1.0) * 0.3)));
                item.put("numerator", Math.round(mean * respondents)).put("denominator", respondents);
            }
        }
        if (office.id().equals("0314") && indicator.id().equals("B.15") && period.equals(YearMonth.of(2021, 6))) {
            item.put("comment", "Færre ledige stillinger i bydelen i juni; to veiledere i permisjon.");
        }
        return item;
    }

    /** Submits in batches of 1,000; items refused because result-service has not yet learnt a unit are retried. */
    private void submit(List<ObjectNode> results) throws IOException, InterruptedException {
        List<ObjectNode> pending = results;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!pending.isEmpty()) {
            List<ObjectNode> retry = new ArrayList<>();
            for (int from = 0; from < pending.size(); from += 1000) {
                List<ObjectNode> batch = pending.subList(from, Math.min(pending.size(), from + 1000));
                ObjectNode body = JSON.createObjectNode();
                body.putArray("results").addAll(batch);
                JsonNode summary = call("POST", urls.result() + "/api/results", reporter, body, 200);
                for (JsonNode rejected : summary.path("rejected")) {
                    retry.add(batch.get(rejected.path("index").asInt()));
                }
            }
            if (!retry.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(retry.size() + " demo results were still refused: "
                            + "see .mrs/logs/result-service.log");
                }
                Thread.sleep(1000);
            }
            pending = retry;
        }
    }

    private void awaitScorecard() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode card = call("GET", urls.reporting() + "/api/scorecards/0000?period=2021-12", directorate, null,
                    200, 404);
            for (JsonNode perspective : card.path("perspectives")) {
                for (JsonNode row : perspective.path("rows")) {
                    if (row.path("indicatorId").asText().equals("M.01") && !row.path("period").path("thisYear").isNull()
                            && !row.path("period").path("thisYear").isMissingNode()) {
                        return;
                    }
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The national scorecard did not show the demo results within 120 s");
    }

    private JsonNode call(String method, String url, String token, JsonNode body, int... expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (status == response.statusCode()) {
                return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            }
        }
        throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                + response.body());
    }
}
