package no.mrs.system;

import no.mrs.devstack.MrsService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/'s alerts and operators' dashboard name only metrics the services really export (issue 15): every metric
 * in the PrometheusRule's expressions and in the Grafana dashboard's queries appears in the {@code /q/metrics} of a
 * running service, except kube-state-metrics' {@code kube_*}. A renamed or removed metric fails here, not silently
 * in production.
 */
class MetricsIT {

    static RunningSuite suite;
    static final Pattern METRIC = Pattern.compile("\\b(?:mrs|kafka|http|jvm|process|kube)_[a-z0-9_]+\\b");

    @BeforeAll
    static void startTheSuite() throws Exception {
        suite = SharedSuite.get();
    }

    @Test
    void everyMetricTheAlertsAndTheDashboardNameIsExported() throws Exception {
        Path platform = root().resolve("deploy/base/platform");
        Set<String> named = new TreeSet<>();
        named.addAll(metricsIn(Files.readString(platform.resolve("prometheus-rule.yaml")), "expr:"));
        named.addAll(metricsIn(Files.readString(platform.resolve("grafana/mrs-overview.json")), "\"expr\""));
        named.removeIf(name -> name.startsWith("kube_"));
        assertThat(named).contains("mrs_projection_lag_records", "mrs_outbox_pending_events",
                "mrs_submissions_dead_lettered_total", "mrs_rebuilds_total", "mrs_requests_rate_limited_total");

        Set<String> exported = new TreeSet<>();
        String resultMetrics = "";
        for (MrsService service : MrsService.values()) {
            // one request through the HTTP layer, so that its metrics exist however the tests were ordered
            given().get(suite.url(service) + "/api/units");
            String text = given().get(suite.url(service) + "/q/metrics").then().statusCode(200).extract().asString();
            if (service == MrsService.RESULT) {
                resultMetrics = text;
            }
            text.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("[{ ]", 2)[0]).forEach(exported::add);
        }
        assertThat(exported).as("the metrics the services export").containsAll(named);
        // the submission-lag alert selects result-service's consumer of mrs.result-submissions by its client id
        String lagLines = resultMetrics.lines().filter(line -> line.startsWith("kafka_consumer_fetch_manager_records_lag"))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(resultMetrics.lines().filter(line -> line.matches(
                "kafka_consumer_fetch_manager_records_lag_max\\{.*client_id=\"kafka-consumer-result-submissions\".*"))).as(lagLines).isNotEmpty();
    }

    /** The metric names on the lines (or JSON members) holding queries. */
    private static Set<String> metricsIn(String text, String marker) {
        Set<String> names = new TreeSet<>();
        text.lines().filter(line -> line.contains(marker)).forEach(line -> {
            Matcher matcher = METRIC.matcher(line.substring(line.indexOf(marker)));
            while (matcher.find()) {
                names.add(matcher.group());
            }
        });
        return names;
    }

    private static Path root() {
        return Path.of(System.getProperty("mrs.root", "..")).toAbsolutePath().normalize();
    }
}
