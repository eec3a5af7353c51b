package no.mrs.devstack.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.mrs.devstack.DevTokens;
import no.mrs.devstack.MrsService;
import no.mrs.devstack.Stack;
import no.mrs.devstack.bench.Api;
import no.mrs.devstack.bench.Dataset;
import no.mrs.devstack.test.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * {@code ./mrs chaos}: breaks things on purpose — kill -9 of the ingester and the projector, a broker outage, a
 * database restart, concurrent writers, poison records — and compares what went in with what came out. Each
 * scenario prints what went in, what came out, and "nothing lost, nothing duplicated", or exactly what was.
 */
public final class Chaos {

    /** The outcome of one scenario. */
    public record Outcome(String scenario, String in, String out, String problem) {
        public boolean passed() {
            return problem == null;
        }

        @Override
        public String toString() {
            return String.format("%-22s in: %s%n%-22s out: %s%n%-22s %s", scenario, in, "", out, "",
                    passed() ? "nothing lost, nothing duplicated" : "FAILED: " + problem);
        }
    }

    private static final int OFFICES = 50;

    private final Path root;
    private final boolean quick;
    private final Consumer<String> progress;
    private final Api api = new Api();
    private Stack stack;
    private YearMonth cursor = YearMonth.of(2019, 12);

    public Chaos(Path root, boolean quick, Consumer<String> progress) {
        this.root = root;
        this.quick = quick;
        this.progress = progress;
    }

    public List<Outcome> run(Stack.Settings settings) throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        try (Stack running = Stack.start(root, settings, progress)) {
            stack = running;
            progress.accept("chaos: organisation, indicators, a goal letter and " + OFFICES + " offices");
            Dataset.register(api, stack, 0, OFFICES);
            outcomes.add(attempt("kill the ingester", this::killTheIngester));
            outcomes.add(attempt("kill the projector", this::killTheProjector));
            outcomes.add(attempt("restart the broker", this::restartTheBroker));
            outcomes.add(attempt("restart the database", this::restartTheDatabase));
            outcomes.add(attempt("concurrent writers", this::concurrentWriters));
            outcomes.add(attempt("poison and order", this::poisonAndOrder));
        }
        System.out.println("\nMRS chaos" + (quick ? " (--quick)" : ""));
        outcomes.forEach(o -> System.out.println(o + "\n"));
        return outcomes;
    }

    interface Scenario {
        Outcome run() throws Exception;
    }

    private Outcome attempt(String name, Scenario scenario) {
        progress.accept("chaos: " + name);
        try {
            return scenario.run();
        } catch (Exception | AssertionError e) {
            return new Outcome(name, "-", "-", "the scenario broke off: " + e);
        }
    }

    private List<ObjectNode> fresh(String prefix, int count) {
        int perMonth = OFFICES * Dataset.indicators().size();
        List<ObjectNode> items = Dataset.fresh(prefix, OFFICES, count, cursor);
        cursor = cursor.minusMonths((count + perMonth - 1) / perMonth);
        return items;
    }

    // ------------------------------------------------------------------ 1. kill the ingester

    private Outcome killTheIngester() throws Exception {
        int count = quick ? 10_000 : 50_000;
        List<ObjectNode> items = fresh("ingester", count);
        Ingestion ingestion = new Ingestion(api, stack, items, 500);
        ExecutorService killer = Executors.newSingleThreadExecutor();
        Future<Integer> kills = killer.submit(() -> {
            int done = 0;
            for (double at : new double[] { 0.2, 0.5, 0.8 }) {
                while (ingestion.progress() < at) {
                    Thread.sleep(20);
                }
                progress.accept("chaos: kill -9 result-service at " + Math.round(ingestion.progress() * 100) + " %");
                stack.kill(MrsService.RESULT);
                stack.restart(MrsService.RESULT);
                done++;
            }
            return done;
        });
        ingestion.run(4);
        int killed = kills.get();
        killer.shutdown();
        Published published = Published.read(stack.kafka().bootstrapServers(), "ingester/", ingestion.acknowledged,
                Duration.ofMinutes(3));
        String problem = published.verdict(ingestion.acknowledged);
        if (problem == null) {
            problem = ingestion.brokenPromises();
        }
        if (problem == null) {
            problem = reportingAgrees(ingestion.items.values());
        }
        return new Outcome("kill the ingester",
                count + " results from 4 clients in batches of 500, result-service killed " + killed + " times; "
                        + ingestion.failures.get() + " failed requests retried (" + ingestion.statuses + ")",
                ingestion.acknowledged.size() + " acknowledged, " + published.eventIds.size()
                        + " stored and published once each (" + published.redeliveries()
                        + " redelivered records, which consumers skip); reporting totals per office and month equal the inputs",
                problem);
    }

    /** Every office and indicator series in reporting-service equals the acknowledged inputs, month by month. */
    private String reportingAgrees(Collection<ObjectNode> items) throws Exception {
        Map<String, Map<String, ObjectNode>> bySeries = new HashMap<>();
        String from = null;
        String to = null;
        for (ObjectNode item : items) {
            String period = item.path("period").asText();
            bySeries.computeIfAbsent(item.path("unitId").asText() + "/" + item.path("indicatorId").asText(),
                    k -> new HashMap<>()).put(period, item);
            from = from == null || period.compareTo(from) < 0 ? period : from;
            to = to == null || period.compareTo(to) > 0 ? period : to;
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        String last = null;
        for (Map.Entry<String, Map<String, ObjectNode>> series : bySeries.entrySet()) {
            while (true) {
                last = compareSeries(series.getKey(), series.getValue(), from, to);
                if (last == null) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    return "reporting disagrees with the inputs: " + last;
                }
                Thread.sleep(500);
            }
        }
        return null;
    }

    private String compareSeries(String key, Map<String, ObjectNode> inputs, String from, String to) throws Exception {
        JsonNode points = api.expect("GET", stack.url(MrsService.REPORTING) + "/api/series/" + key + "?from=" + from
                + "&to=" + to, api.reporter, null, 200);
        int matched = 0;
        for (JsonNode point : points) {
            ObjectNode input = inputs.get(point.path("period").asText());
            if (input == null) {
                if (!point.path("value").isNull() && !point.path("value").isMissingNode()) {
                    return key + " " + point.path("period").asText() + " has a value nobody submitted";
                }
                continue;
            }
            for (String field : List.of("numerator", "denominator", "value")) {
                if (input.has(field) && (point.path(field).isNull()
                        || point.path(field).decimalValue().compareTo(input.path(field).decimalValue()) != 0)) {
                    return key + " " + point.path("period").asText() + " " + field + " is " + point.path(field)
                            + ", submitted " + input.path(field);
                }
            }
            matched++;
        }
        return matched == inputs.size() ? null : key + ": " + matched + " of " + inputs.size() + " months shown";
    }

    // ------------------------------------------------------------------ 2. kill the projector

    private Outcome killTheProjector() throws Exception {
        String reporting = stack.url(MrsService.REPORTING);
        api.expect("POST", reporting + "/api/admin/rebuilds", api.operator, null, 202);
        Thread.sleep(300);
        progress.accept("chaos: kill -9 reporting-service during a rebuild");
        stack.kill(MrsService.REPORTING);
        stack.restart(MrsService.REPORTING);

        int count = quick ? 4_000 : 10_000;
        Ingestion ingestion = new Ingestion(api, stack, fresh("projector", count), 500);
        ExecutorService killer = Executors.newSingleThreadExecutor();
        Future<?> kills = killer.submit(() -> {
            for (double at : new double[] { 0.3, 0.7 }) {
                while (ingestion.progress() < at) {
                    Thread.sleep(20);
                }
                progress.accept("chaos: kill -9 reporting-service during live ingestion");
                stack.kill(MrsService.REPORTING);
                stack.restart(MrsService.REPORTING);
            }
            return null;
        });
        ingestion.run(2);
        kills.get();
        killer.shutdown();
        awaitNoLag(reporting);
        String live = api.expect("GET", reporting + "/api/admin/checksum", api.operator, null, 200)
                .path("checksum").asText();
        JsonNode started = api.expect("POST", reporting + "/api/admin/rebuilds", api.operator, null, 202);
        JsonNode status = awaitRebuild(reporting, started.path("rebuildId").asText());
        String rebuilt = api.expect("GET", reporting + "/api/admin/checksum", api.operator, null, 200)
                .path("checksum").asText();
        return new Outcome("kill the projector",
                "reporting-service killed 3 times (once during a rebuild, twice during live ingestion of " + count
                        + " results)",
                "live checksum " + live + ", clean rebuild of " + status.path("eventsApplied").asLong()
                        + " events " + rebuilt,
                live.equals(rebuilt) ? ingestion.brokenPromises() : "the live read models differ from a clean rebuild");
    }

    private void awaitNoLag(String reporting) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (api.expect("GET", reporting + "/api/status", api.directorate, null, 200).path("lag").asLong() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reporting-service did not catch up within 3 minutes");
            }
            Thread.sleep(250);
        }
    }

    private JsonNode awaitRebuild(String reporting, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            JsonNode status = api.expect("GET", reporting + "/api/admin/rebuilds/" + id, api.operator, null, 200);
            String state = status.path("state").asText();
            if (state.equals("COMPLETED")) {
                return status;
            }
            if (state.equals("FAILED") || System.nanoTime() > deadline) {
                throw new IllegalStateException("rebuild " + id + " ended " + status);
            }
            Thread.sleep(250);
        }
    }

    // ------------------------------------------------------------------ 3. restart the broker

    private Outcome restartTheBroker() throws Exception {
        int count = quick ? 6_000 : 20_000;
        int downSeconds = quick ? 10 : 20;
        Ingestion ingestion = new Ingestion(api, stack, fresh("broker", count), 200);
        AtomicBoolean outage = new AtomicBoolean();
        Set<String> healthDuringOutage = new HashSet<>();
        ExecutorService chaos = Executors.newSingleThreadExecutor();
        Future<?> broker = chaos.submit(() -> {
            while (ingestion.progress() < 0.2) {
                Thread.sleep(20);
            }
            progress.accept("chaos: stopping the Kafka broker for " + downSeconds + " s");
            stack.stopKafka();
            outage.set(true);
            long until = System.nanoTime() + Duration.ofSeconds(downSeconds).toNanos();
            while (System.nanoTime() < until) {
                Api.Answer health = api.send("GET", stack.url(MrsService.RESULT) + "/q/health", api.reporter, null);
                healthDuringOutage.add(health.json().path("status").asText());
                Thread.sleep(1000);
            }
            outage.set(false);
            stack.startKafka();
            progress.accept("chaos: the Kafka broker is back");
            return null;
        });
        ingestion.run(2);
        broker.get();
        chaos.shutdown();
        Published published = Published.read(stack.kafka().bootstrapServers(), "broker/", ingestion.acknowledged,
                Duration.ofMinutes(3));
        String problem = published.verdict(ingestion.acknowledged);
        if (problem == null) {
            problem = ingestion.brokenPromises();
        }
        if (problem == null && !healthDuringOutage.contains("DOWN")) {
            problem = "result-service's health did not report the outage (saw " + healthDuringOutage + ")";
        }
        String healthAfter = awaitHealthUp(MrsService.RESULT);
        if (problem == null && !healthAfter.equals("UP")) {
            problem = "result-service's health is " + healthAfter + " after the broker returned";
        }
        return new Outcome("restart the broker",
                count + " results from 2 clients; the broker stopped for " + downSeconds + " s; answers "
                        + ingestion.statuses,
                ingestion.acknowledged.size() + " acknowledged, all published once after the broker returned ("
                        + published.redeliveries() + " redelivered records); health during the outage " + healthDuringOutage
                        + ", after " + healthAfter,
                problem);
    }

    private String awaitHealthUp(MrsService service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        String status = "?";
        while (System.nanoTime() < deadline) {
            status = api.send("GET", stack.url(service) + "/q/health", api.reporter, null).json().path("status").asText();
            if (status.equals("UP")) {
                return status;
            }
            Thread.sleep(500);
        }
        return status;
    }

    // ------------------------------------------------------------------ 4. restart the database

    private Outcome restartTheDatabase() throws Exception {
        int count = quick ? 6_000 : 20_000;
        int overKafka = quick ? 1_200 : 4_000;
        Ingestion ingestion = new Ingestion(api, stack, fresh("database", count), 200);
        // results produced by a system to mrs.result-submissions while PostgreSQL restarts: every service's
        // consumer meets the outage (result-service storing them, reporting-service projecting the events)
        List<ObjectNode> records = fresh("database-kafka", overKafka);
        Set<String> produced = new HashSet<>();
        records.forEach(r -> produced.add(r.path("measurementId").asText()));
        ExecutorService chaos = Executors.newFixedThreadPool(2);
        Future<?> restart = chaos.submit(() -> {
            while (ingestion.progress() < 0.3) {
                Thread.sleep(20);
            }
            Future<?> producer = chaos.submit(() -> {
                produceSteadily(records, Duration.ofSeconds(8));
                return null;
            });
            Thread.sleep(1_000);
            progress.accept("chaos: restarting PostgreSQL (REST ingestion and " + overKafka
                    + " records over Kafka in flight)");
            stack.restartPostgres(Duration.ofSeconds(3));
            producer.get();
            return null;
        });
        ingestion.run(2);
        restart.get();
        chaos.shutdown();
        String bootstrap = stack.kafka().bootstrapServers();
        Published published = Published.read(bootstrap, "database/", ingestion.acknowledged, Duration.ofMinutes(3));
        Published overTopic = Published.read(bootstrap, "database-kafka/", produced, Duration.ofMinutes(3));
        String problem = published.verdict(ingestion.acknowledged);
        if (problem == null) {
            // a database outage answers 503 with Retry-After, never 500
            problem = ingestion.brokenPromises();
        }
        if (problem == null && overTopic.verdict(produced) != null) {
            problem = "over Kafka: " + overTopic.verdict(produced);
        }
        long deadLettered = KafkaTestClient.readAll(bootstrap, "mrs.result-submissions.dlq", Duration.ofSeconds(2))
                .stream().filter(r -> r.value() != null && r.value().contains("\"database-kafka/")).count();
        if (problem == null && deadLettered > 0) {
            problem = deadLettered + " valid records over Kafka were sent to the DLQ";
        }
        if (problem == null) {
            List<ObjectNode> all = new ArrayList<>(ingestion.items.values());
            all.addAll(records);
            problem = reportingAgrees(all);
        }
        for (MrsService service : List.of(MrsService.RESULT, MrsService.REPORTING)) {
            String healthAfter = awaitHealthUp(service);
            if (problem == null && !healthAfter.equals("UP")) {
                problem = service.id + "'s health is " + healthAfter + " after the restart";
            }
        }
        return new Outcome("restart the database",
                count + " results from 2 clients over REST and " + overKafka
                        + " over Kafka; PostgreSQL restarted during the run; answers " + ingestion.statuses,
                ingestion.acknowledged.size() + " acknowledged over REST and " + overTopic.eventIds.size()
                        + " records over Kafka, all stored and published once (" + overTopic.redeliveries()
                        + " redelivered records), " + deadLettered + " in the DLQ; reporting totals per office and month"
                        + " equal the inputs; the services recovered by themselves",
                problem);
    }

    /** Produces the records as system submissions at a steady pace over about {@code span}. */
    private void produceSteadily(List<ObjectNode> records, Duration span) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        long pause = Math.max(1, span.toMillis() / Math.max(1, records.size() / 20));
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            List<Future<?>> acks = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                ObjectNode record = records.get(i).deepCopy().put("systemId", "chaos-system");
                acks.add(producer.send(new ProducerRecord<>("mrs.result-submissions", record.path("unitId").asText(),
                        record.toString())));
                if (i % 20 == 19) {
                    Thread.sleep(pause);
                }
            }
            for (Future<?> ack : acks) {
                ack.get();
            }
        }
    }

    // ------------------------------------------------------------------ 5. concurrent writers

    private Outcome concurrentWriters() throws Exception {
        String goal = stack.url(MrsService.GOAL);
        JsonNode goals = api.expect("GET", goal + "/api/units/0000/goals?year=2021", api.directorate, null, 200);
        JsonNode b15 = null;
        for (JsonNode g : goals) {
            if (g.path("indicatorId").asText().equals("B.15")) {
                b15 = g;
            }
        }
        if (b15 == null) {
            throw new IllegalStateException("no B.15 goal in force for 0000");
        }
        String goalId = b15.path("goalId").asText();
        long version = b15.path("version").asLong();
        int before = api.expect("GET", goal + "/api/goals/" + goalId + "/history", api.directorate, null, 200).size();
        List<Integer> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService writers = Executors.newFixedThreadPool(20);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            futures.add(writers.submit(() -> {
                go.await();
                var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(goal + "/api/goals/" + goalId + "/revisions"))
                        .header("Authorization", "Bearer " + api.directorate).header("Content-Type", "application/json")
                        .header("If-Match", "\"" + version + "\"")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"target\":" + (81 + n) + ",\"reason\":\"concurrent writer " + n + "\"}"))
                        .build();
                answers.add(java.net.http.HttpClient.newHttpClient()
                        .send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode());
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        writers.shutdown();
        long ok = answers.stream().filter(s -> s == 200).count();
        long stale = answers.stream().filter(s -> s == 412).count();
        int after = api.expect("GET", goal + "/api/goals/" + goalId + "/history", api.directorate, null, 200).size();

        // the goal budget under concurrent local goals: office 6000 may have one more steering goal, ten try at once
        String office = Dataset.office(0);
        String leader = DevTokens.token().subject("chaos-leader").roles("leader").units(office).sign();
        int steering = 0;
        for (JsonNode g : api.expect("GET", goal + "/api/units/" + office + "/goals?year=2021", leader, null, 200)) {
            if (g.path("classification").asText().equals("STEERING")) {
                steering++;
            }
        }
        api.expect("PUT", goal + "/api/units/" + office + "/goal-budget", api.directorate,
                "{\"year\":2021,\"maxSteeringGoals\":" + (steering + 1) + "}", 200, 201);
        List<String> free = new ArrayList<>();
        Dataset.indicators().forEach(i -> {
            if (!no.mrs.devstack.DemoSeeder.STEERING.containsKey(i.id()) && i.measure().equals("RATIO")) {
                free.add(i.id());
            }
        });
        List<Integer> localAnswers = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService locals = Executors.newFixedThreadPool(free.size());
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<Future<?>> localFutures = new ArrayList<>();
        for (String indicator : free) {
            localFutures.add(locals.submit(() -> {
                start.await();
                localAnswers.add(api.send("POST", goal + "/api/units/" + office + "/goals", leader,
                        "{\"indicatorId\":\"" + indicator + "\",\"year\":2021,\"classification\":\"STEERING\","
                                + "\"target\":50.0,\"rationale\":\"concurrent local goal\"}").status());
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : localFutures) {
            f.get();
        }
        locals.shutdown();
        int steeringAfter = 0;
        for (JsonNode g : api.expect("GET", goal + "/api/units/" + office + "/goals?year=2021", leader, null, 200)) {
            if (g.path("classification").asText().equals("STEERING")) {
                steeringAfter++;
            }
        }
        String problem = null;
        if (ok != 1 || stale != 19) {
            problem = ok + " revisions succeeded and " + stale + " got 412 (expected 1 and 19): " + answers;
        } else if (after != before + 1) {
            problem = "the history grew by " + (after - before) + " events, expected 1";
        } else if (steeringAfter > steering + 1) {
            problem = "the goal budget of " + (steering + 1) + " was broken: " + steeringAfter + " steering goals";
        }
        return new Outcome("concurrent writers",
                "20 revisions of one goal with the same If-Match; " + free.size() + " concurrent local goals against a budget of "
                        + (steering + 1),
                ok + " revision succeeded, " + stale + " got 412, history +" + (after - before) + "; local goals answered "
                        + localAnswers + ", steering goals now " + steeringAfter,
                problem);
    }

    // ------------------------------------------------------------------ 6. poison and order

    private Outcome poisonAndOrder() throws Exception {
        String bootstrap = stack.kafka().bootstrapServers();
        List<ObjectNode> valid = fresh("kafka", quick ? 200 : 1_000);
        int poison = 0;
        int invalid = 0;
        Set<String> expected = new HashSet<>();
        int i = 0;
        for (ObjectNode item : valid) {
            ObjectNode record = item.deepCopy().put("systemId", "chaos-system");
            KafkaTestClient.send(bootstrap, "mrs.result-submissions", item.path("unitId").asText(), record.toString(), Map.of());
            expected.add(item.path("measurementId").asText());
            if (i++ % 10 == 0) {
                KafkaTestClient.send(bootstrap, "mrs.result-submissions", item.path("unitId").asText(),
                        "{\"this is\": not json " + i, Map.of());
                poison++;
                ObjectNode bad = item.deepCopy().put("systemId", "chaos-system").put("unitId", "9999")
                        .put("measurementId", "kafka-invalid/" + i);
                KafkaTestClient.send(bootstrap, "mrs.result-submissions", "9999", bad.toString(), Map.of());
                invalid++;
            }
        }
        // a chain of corrections for one key, in order on one partition: the last one must win
        ObjectNode first = Dataset.item("kafka-chain/1", 1, Dataset.indicators().get(1), cursor, 0);
        cursor = cursor.minusMonths(1);
        String unit = first.path("unitId").asText();
        for (int n = 1; n <= 5; n++) {
            ObjectNode step = first.deepCopy().put("measurementId", "kafka-chain/" + n).put("numerator", n)
                    .put("denominator", 10).put("systemId", "chaos-system");
            if (n > 1) {
                step.put("correctionReason", "correction " + n);
            }
            KafkaTestClient.send(bootstrap, "mrs.result-submissions", unit, step.toString(), Map.of());
            expected.add("kafka-chain/" + n);
        }
        int expectedDlq = poison + invalid;
        List<ConsumerRecord<String, String>> dlq = KafkaTestClient.readUntil(bootstrap, "mrs.result-submissions.dlq",
                records -> records.size() >= expectedDlq, Duration.ofMinutes(2));
        long withReason = dlq.stream().filter(r -> r.headers().iterator().hasNext()).count();
        Published published = Published.read(bootstrap, "kafka", expected, Duration.ofMinutes(2));
        String problem = published.verdict(expected);
        JsonNode current = api.expect("GET", stack.url(MrsService.RESULT) + "/api/results?unitId=" + unit
                + "&indicatorId=" + first.path("indicatorId").asText() + "&from=" + first.path("period").asText()
                + "&to=" + first.path("period").asText(), api.reporter, null, 200);
        JsonNode value = current.isArray() && current.size() == 1 ? current.get(0) : current.path("results").path(0);
        if (problem == null && dlq.size() != expectedDlq) {
            problem = dlq.size() + " records in the DLQ, expected " + expectedDlq;
        } else if (problem == null && withReason != dlq.size()) {
            problem = (dlq.size() - withReason) + " DLQ records without headers";
        } else if (problem == null && value.path("numerator").decimalValue().compareTo(BigDecimal.valueOf(5)) != 0) {
            problem = "the correction chain ended at " + value + ", expected numerator 5";
        }
        String headers = dlq.isEmpty() ? "-" : new String(dlq.get(0).headers().iterator().next().value(), StandardCharsets.UTF_8);
        return new Outcome("poison and order",
                valid.size() + " valid records, " + poison + " unparseable and " + invalid
                        + " invalid interleaved, and a chain of 5 corrections for one key",
                expected.size() + " published once each, " + dlq.size() + " in the DLQ with headers (e.g. " + headers
                        + "), the chain's current value is its last correction",
                problem);
    }
}
