package no.mrs.devstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.mrs.devstack.DevTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The load generator's side of the public REST APIs. */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    public final String directorate = DevTokens.token().subject("bench-directorate").roles("directorate").units("0000").sign();
    /** A reader of the national scorecard (the wrk scenario). */
    public final String viewer = DevTokens.token().subject("bench-viewer").roles("viewer").units("0000").sign();
    public final String reporter = DevTokens.token().subject("bench-reporter").roles("reporter").units("0000").sign();
    /** For /api/admin (rebuilds, checksums): the operator role, not a business role. */
    public final String operator = DevTokens.token().subject("bench-operator").roles("operator").sign();

    /** An answer: its status, body and {@code Retry-After} header (null when it has none). */
    public record Answer(int status, String body, String retryAfter) {
        public Answer(int status, String body) {
            this(status, body, null);
        }

        public JsonNode json() {
            try {
                return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON: " + body, e);
            }
        }
    }

    public Answer send(String method, String url, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(),
                response.headers().firstValue("Retry-After").orElse(null));
    }

    public JsonNode expect(String method, String url, String token, String body, int... statuses)
            throws IOException, InterruptedException {
        Answer answer = send(method, url, token, body);
        for (int status : statuses) {
            if (status == answer.status()) {
                return answer.json();
            }
        }
        throw new IllegalStateException(method + " " + url + " answered " + answer.status() + ": "
                + answer.body().substring(0, Math.min(500, answer.body().length())));
    }
}
