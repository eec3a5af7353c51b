package no.mrs.web.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import no.mrs.devstack.DemoUsers;
import no.mrs.devstack.DevTokens;
import no.mrs.devstack.MrsService;
import no.mrs.devstack.Stack;
import no.mrs.web.browser.WebStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app's routes in the access matrix ({@code web-access-matrix.csv}): every route for each demo person
 * logged in, for an anonymous browser (a page request and the front end's own call), and for a caller that brings a
 * bearer token instead of a session. A forwarded API call ({@code =}) must get exactly what the service answers the
 * same person calling it directly with a token of the same claims: the web app adds no access and takes none away.
 */
class WebAccessIT {

    static final List<String> PEOPLE = List.of("direktoratet", "leder-oslo", "leder-sagene", "veileder-sagene",
            "leder-gjovik", "innsyn-norge");
    static final List<String> COLUMNS = new ArrayList<>();
    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, WebSession> SESSIONS = new LinkedHashMap<>();
    static Stack stack;
    static String asset;

    static {
        COLUMNS.addAll(PEOPLE);
        COLUMNS.addAll(List.of("anonymous-page", "anonymous-js", "bearer-only"));
    }

    @BeforeAll
    static void logIn() throws Exception {
        stack = WebStack.get();
        for (String person : PEOPLE) {
            SESSIONS.put(person, WebSession.login(stack.webUrl(), person));
        }
        String index = SESSIONS.get("innsyn-norge").send("GET", "/", null, Map.of()).body();
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(index);
        assertThat(script.find()).as("the built page names its script").isTrue();
        asset = script.group(1);
    }

    @Test
    void everyCellOfTheWebAccessMatrixHolds() throws Exception {
        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        int proposals = 0;
        for (String[] row : rows()) {
            String method = row[0].trim();
            String path = row[1].trim().replace("{asset}", asset);
            String variant = row[2].trim();
            for (int i = 0; i < COLUMNS.size(); i++) {
                String column = COLUMNS.get(i);
                String expected = row[3 + i].trim();
                String body = method.equals("POST")
                        ? "{\"indicatorId\":\"B.47\",\"year\":2030,\"classification\":\"STEERING\",\"target\":%d,\"rationale\":\"access matrix\"}"
                                .formatted(50 + proposals++ % 40)
                        : null;
                Map<String, String> headers = new LinkedHashMap<>();
                if (body != null) {
                    headers.put("Content-Type", "application/json");
                }
                HttpResponse<String> answer;
                if (PEOPLE.contains(column)) {
                    WebSession session = SESSIONS.get(column);
                    headers.put("X-Requested-With", "JavaScript");
                    if (variant.equals("csrf") && body != null) {
                        headers.put("X-CSRF-TOKEN", session.csrfToken());
                    }
                    answer = session.send(method, path, body, headers);
                } else {
                    if (column.equals("anonymous-js")) {
                        headers.put("X-Requested-With", "JavaScript");
                    }
                    if (column.equals("bearer-only")) {
                        headers.put("Authorization", "Bearer " + DevTokens.issue(List.of("directorate"), List.of("0000")));
                    }
                    answer = new WebSession(stack.webUrl()).send(method, path, body, headers);
                }
                cells++;
                String actual = outcome(answer);
                if (expected.equals("=")) {
                    HttpResponse<String> direct = direct(column, method, path, body);
                    expected = String.valueOf(direct.statusCode());
                    if (method.equals("GET") && direct.statusCode() == 200 && answer.statusCode() == 200
                            && !JSON.readTree(direct.body()).equals(JSON.readTree(answer.body()))) {
                        mismatches.add("%s %s as %s: the forwarded answer differs from the service's".formatted(
                                method, path, column));
                    }
                }
                if (!Objects.equals(actual, expected)) {
                    mismatches.add("%s %s (%s) as %s: expected %s, got %s %s".formatted(method, path, variant, column,
                            expected, actual, answer.body().length() > 200 ? answer.body().substring(0, 200) : answer.body()));
                }
            }
        }
        System.out.println("web access matrix: " + cells + " cells");
        assertThat(mismatches).as("mismatching cells of web-access-matrix.csv (%d checked)", cells).isEmpty();
    }

    /** "302p" for a redirect to the OpenID provider's authorization endpoint, else the status. */
    private static String outcome(HttpResponse<String> answer) {
        if (answer.statusCode() == 302 && answer.headers().firstValue("Location").orElse("")
                .startsWith(stack.oidc().authServerUrl() + "/authorize")) {
            return "302p";
        }
        return String.valueOf(answer.statusCode());
    }

    /** The same call straight to the service with a token of the person's claims. */
    private static HttpResponse<String> direct(String person, String method, String path, String body) throws Exception {
        DemoUsers.User user = DemoUsers.bySubject(person);
        String token = DevTokens.token().subject(user.subject()).roles(user.roles()).units(user.units()).sign();
        Matcher forwarded = Pattern.compile("^/api/(goal|result|reporting)/(.*)$").matcher(path);
        assertThat(forwarded.matches()).as(path + " is a forwarded path").isTrue();
        MrsService service = switch (forwarded.group(1)) {
            case "goal" -> MrsService.GOAL;
            case "result" -> MrsService.RESULT;
            default -> MrsService.REPORTING;
        };
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.url(service) + "/api/" + forwarded.group(2)))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String[]> rows() throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(WebAccessIT.class.getResourceAsStream("/web-access-matrix.csv")),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("method")) {
                    continue;
                }
                String[] cells = line.split(",");
                assertThat(cells).as(line).hasSize(3 + COLUMNS.size());
                rows.add(cells);
            }
        }
        return rows;
    }
}
