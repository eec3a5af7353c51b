package no.mrs.web.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import no.mrs.devstack.DemoUsers;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's cookies without a browser: the OpenID Connect code flow through the local provider's login form,
 * step by step, with the cookies kept here (Java's CookieManager would not send Secure cookies over http).
 */
final class WebSession {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COOKIE = Pattern.compile("^([^=;]+)=([^;]*)");

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final String web;
    private String csrfToken;

    WebSession(String web) {
        this.web = web;
    }

    /** Logs in as the demo user: the web app → the provider's login page → its form → back with a code. */
    static WebSession login(String web, String subject) throws Exception {
        WebSession session = new WebSession(web);
        HttpResponse<String> start = session.send("GET", "/malekort", null, Map.of());
        assertThat(start.statusCode()).as("the web app sends an anonymous visitor to the provider").isEqualTo(302);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).contains("code_challenge=").contains("code_challenge_method=S256");
        DemoUsers.User user = DemoUsers.bySubject(subject);
        String form = "username=" + encode(user.subject()) + "&claims=" + encode(JSON.writeValueAsString(user.claims()));
        HttpResponse<String> loggedIn = session.client.send(HttpRequest.newBuilder(URI.create(authorize))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).as("the provider answers the login with a redirect").isEqualTo(302);
        String callback = loggedIn.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> back = session.sendAbsolute("GET", callback, null, Map.of());
        assertThat(back.statusCode()).as("the web app takes the code").isEqualTo(302);
        assertThat(session.cookies).containsKey("q_session");
        HttpResponse<String> me = session.send("GET", "/api/session", null, Map.of("X-Requested-With", "JavaScript"));
        assertThat(me.statusCode()).isEqualTo(200);
        session.csrfToken = JSON.readTree(me.body()).path("csrfToken").asText();
        return session;
    }

    String csrfToken() {
        return csrfToken;
    }

    HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        return sendAbsolute(method, web + path, body, headers);
    }

    private HttpResponse<String> sendAbsolute(String method, String url, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (!cookies.isEmpty() && url.startsWith(web)) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (url.startsWith(web)) {
            for (String set : response.headers().allValues("Set-Cookie")) {
                Matcher matcher = COOKIE.matcher(set);
                if (matcher.find()) {
                    if (set.toLowerCase().contains("max-age=0") || matcher.group(2).isEmpty()) {
                        cookies.remove(matcher.group(1).trim());
                    } else {
                        cookies.put(matcher.group(1).trim(), matcher.group(2));
                    }
                }
            }
        }
        return response;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
