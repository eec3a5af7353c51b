package no.mrs.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import no.mrs.deploy.support.ManifestValidator;
import no.mrs.deploy.support.Manifests;
import no.mrs.deploy.support.Overlay;
import no.mrs.deploy.support.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Operators' alerts (PrometheusRule) and dashboard (a ConfigMap for Grafana's sidecar): every alert has a severity,
 * a summary and a runbook entry in deploy/README.md; the dashboard is valid JSON with a query in every panel. That the
 * metrics they name are really exported is system-tests' MetricsIT.
 */
class MonitoringTest {

    static final List<String> ALERTS = List.of("MrsProjectionLagHigh", "MrsSubmissionConsumerLagHigh",
            "MrsOutboxRelayLagging", "MrsDeadLetteredSubmissions", "MrsPodNotReady", "MrsRebuildFailed",
            "MrsCallersRateLimited");

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyAlertHasASeverityASummaryAndARunbookEntry(Overlay overlay) throws Exception {
        JsonNode rule = overlay.render().named("PrometheusRule", "mrs-alerts");
        Set<String> anchors = runbookAnchors();
        List<String> names = new ArrayList<>();
        for (JsonNode group : rule.at("/spec/groups")) {
            for (JsonNode alert : group.path("rules")) {
                String name = alert.path("alert").asText();
                names.add(name);
                assertThat(alert.path("expr").asText()).as(name).isNotBlank();
                assertThat(alert.at("/labels/severity").asText()).as(name).isIn("critical", "warning", "info");
                assertThat(alert.at("/annotations/summary").asText()).as(name).isNotBlank();
                String runbook = alert.at("/annotations/runbook_url").asText();
                assertThat(runbook).as(name).isEqualTo("deploy/README.md#" + name.toLowerCase(Locale.ROOT));
                assertThat(anchors).as("a runbook heading for " + name).contains(name.toLowerCase(Locale.ROOT));
            }
        }
        assertThat(names).containsExactlyInAnyOrderElementsOf(ALERTS);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theDashboardIsAConfigMapGrafanaLoadsWithAQueryInEveryPanel(Overlay overlay) throws Exception {
        JsonNode map = overlay.render().named("ConfigMap", "mrs-grafana-dashboard");
        assertThat(map.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
        JsonNode dashboard = new ObjectMapper().readTree(map.at("/data/mrs-overview.json").asText());
        assertThat(dashboard.path("uid").asText()).isEqualTo("mrs-operations");
        assertThat(dashboard.path("panels")).isNotEmpty();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asText()).as(panel.path("title").asText()).isNotBlank();
            }
        }
    }

    @Test
    void aMisspelledFieldInTheRuleIsReported() {
        ObjectNode rule = Overlay.PROD.render().named("PrometheusRule", "mrs-alerts");
        ObjectNode first = (ObjectNode) rule.at("/spec/groups/0/rules/0");
        first.set("exp", first.remove("expr"));
        assertThat(ManifestValidator.get().problems(rule)).singleElement().asString()
                .contains("PrometheusRule/mrs-alerts", "exp");
    }

    /** The anchors of deploy/README.md's headings, as GitHub makes them. */
    private static Set<String> runbookAnchors() throws Exception {
        return Files.readAllLines(Paths.deployDir().resolve("README.md")).stream()
                .filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "").trim().toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9 -]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
    }
}
