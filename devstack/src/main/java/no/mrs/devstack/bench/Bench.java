package no.mrs.devstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.mrs.devstack.DemoSeeder;
import no.mrs.devstack.ManagedProcess;
import no.mrs.devstack.MrsService;
import no.mrs.devstack.Stack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * {@code ./mrs bench}: starts the stack as {@code ./mrs up} does (its own state, started empty), loads a NAV-scale
 * dataset through the public APIs, runs the scenarios of docs/PERFORMANCE.md with their baselines measured in the
 * same run, prints a table and writes {@code target/bench/report.json}. The load generator is this process;
 * nothing in the services is switched off for it.
 */
public final class Bench {

    /** How big each scenario is: the full run, or {@code --quick}. */
    record Size(boolean quick, int offices, int ingest, int clients, Map<Integer, Integer> curve, int freshRate,
            int freshSeconds, int readSeconds, int scaleOffices) {

        static Size of(boolean quick) {
            return quick
                    ? new Size(true, 25, 20_000, 4, Map.of(1, 300, 100, 3_000, 1_000, 10_000, 10_000, 10_000), 200, 10, 5, 0)
                    : new Size(false, 250, 200_000, 4, Map.of(1, 2_000, 100, 20_000, 1_000, 40_000, 10_000, 40_000),
                            1_000, 60, 30, 2_500);
        }
    }

    private final Path root;
    private final Size size;
    private final Consumer<String> progress;
    private final Api api = new Api();
    private final Report report;
    private Stack stack;
    private YearMonth cursor = YearMonth.of(2019, 12);

    public Bench(Path root, boolean quick, Consumer<String> progress) {
        this.root = root;
        this.size = Size.of(quick);
        this.progress = progress;
        this.report = new Report(quick);
    }

    public int run(Stack.Settings settings) throws Exception {
        long begin = System.nanoTime();
        try (Stack running = Stack.start(root, settings, progress)) {
            this.stack = running;
            stack.startUpTimes().forEach((service, time) ->
                    report.figure("startup." + service.id + ".seconds", time.toMillis() / 1000.0));
            if (!size.quick()) {
                // the first point of the curve over organisation size: 25 offices
                organisation(25);
                measureLoad("dataset-25", Dataset.history(0, 25));
                scorecardReads("reads.25", 10, false);
                memory("memory.25");
            }
            int loaded = registeredOffices;
            organisation(size.offices());
            measureLoad("dataset", Dataset.history(loaded, size.offices()));
            scorecardReads("reads." + size.offices(), size.readSeconds(), true);
            if (!size.quick()) {
                memory("memory." + size.offices());
            }
            // "as published" reads look back at this moment: before the ingestion, the probes' and the history's
            // corrections
            publishedAt = Instant.now();
            Thread.sleep(1_000);
            // the curve first: its 102,000 results (40,000 of them in batches of 1,000) go through the ingestion's
            // path, so that more of that path is compiled by the JIT when the ingestion is measured (the compilers'
            // share of the machine during the ingestion: 24.5 % when it came first, 19–23 % after the curve: on two
            // busy cores they do not catch up within a minute; docs/PERFORMANCE.md)
            batchCurve();
            ingestion();
            freshness();
            if (!size.quick()) {
                correctionsUntil(1_000_000);
            }
            String asPublished = asOfReads("reads.asOf", size.readSeconds());
            rebuild();
            sameAfterRebuild(asPublished);
            memory("memory");
            try {
                startUpAlone();
            } catch (Exception e) {
                report.figure("startup.alone.failed", 1);
                progress.accept("bench: starting a service alone failed: " + e + alive());
                return finish(begin, 1);
            }
            if (size.scaleOffices() > 0) {
                // last, ten times NAV: reporting-service gets a heap of 512 MB (its read models are in memory), then
                // the organisation grows, the scorecards are read, and the read models are rebuilt at that size
                try {
                    progress.accept("bench: reporting-service restarted with a heap of " + SCALED_HEAP_MIB
                            + " MB for the step to " + size.scaleOffices() + " offices");
                    stack.restart(MrsService.REPORTING, List.of("-Xmx" + SCALED_HEAP_MIB + "m",
                            "-Xlog:gc:file=" + gcLog(MrsService.REPORTING)));
                    organisation(size.scaleOffices());
                    measureLoadInChunks("dataset-scaled", size.offices(), size.scaleOffices());
                    scorecardReads("reads." + size.scaleOffices(), Math.min(10, size.readSeconds()), false);
                    memory("memory.scaled");
                    growth();
                    rebuild("rebuild.scaled");
                    report.figure("rebuild.scaled.completed", 1);
                    memory("memory.scaled.afterRebuild");
                } catch (Exception | OutOfMemoryError e) {
                    report.figure("reads." + size.scaleOffices() + ".failed", 1);
                    progress.accept("bench: the step to " + size.scaleOffices() + " offices failed: " + e
                            + alive());
                }
            }
            return finish(begin, 0);
        }
    }

    /** Writes the report and prints the table (also after a step that failed, with the figures so far). */
    private int finish(long begin, int exitCode) throws Exception {
        report.figure("total.seconds", (System.nanoTime() - begin) / 1e9);
        report.write(root.resolve("target/bench/report.json"), stack);
        System.out.println(report.table());
        return exitCode;
    }

    // ----------------------------------------------------------------- the dataset

    private int registeredOffices;

    private void organisation(int offices) throws Exception {
        progress.accept("bench: organisation, indicators, goal letter and " + (offices - registeredOffices) + " offices");
        Dataset.register(api, stack, registeredOffices, offices);
        registeredOffices = offices;
    }

    /** Loads results with 4 clients in batches of 1,000, retrying items refused while a unit is not yet known. */
    private void measureLoad(String name, List<ObjectNode> items) throws Exception {
        progress.accept("bench: loading " + items.size() + " results (" + name + ")");
        long start = System.nanoTime();
        long accepted = submitAll(items, 1_000, size.clients(), null);
        double seconds = (System.nanoTime() - start) / 1e9;
        report.figure("load." + name + ".results", accepted);
        report.figure("load." + name + ".resultsPerSecond", accepted / seconds);
    }

    /** As {@link #measureLoad}, generating the results 250 offices at a time (the load generator has a heap too). */
    private void measureLoadInChunks(String name, int fromOffice, int toOffice) throws Exception {
        long start = System.nanoTime();
        long accepted = 0;
        for (int from = fromOffice; from < toOffice; from += 250) {
            List<ObjectNode> items = Dataset.history(from, Math.min(toOffice, from + 250));
            progress.accept("bench: loading " + items.size() + " results (" + name + ", offices " + from + "–"
                    + Math.min(toOffice, from + 250) + ")");
            accepted += submitAll(items, 1_000, size.clients(), null);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        report.figure("load." + name + ".results", accepted);
        report.figure("load." + name + ".resultsPerSecond", accepted / seconds);
    }

    /** Submits everything, retrying rejected items for up to two minutes; returns the number accepted. */
    /** A batch of results to submit, with its request body (written before any clock starts). */
    private record Batch(List<ObjectNode> items, String body) {
    }

    /**
     * The items in batches of {@code batchSize} with their request bodies: a scenario prepares them before its clock
     * starts, so that the benchmark's own JSON writing is not counted with the stack's work (a client has its data
     * ready; the bench shares the machine's cores with the stack).
     */
    private static java.util.Queue<Batch> prepare(List<ObjectNode> items, int batchSize) {
        java.util.Queue<Batch> batches = new ConcurrentLinkedQueue<>();
        for (int from = 0; from < items.size(); from += batchSize) {
            List<ObjectNode> batch = items.subList(from, Math.min(items.size(), from + batchSize));
            batches.add(new Batch(batch, Dataset.body(batch)));
        }
        return batches;
    }

    private long submitAll(List<ObjectNode> items, int batchSize, int clients, Latencies latencies) throws Exception {
        return submitAll(prepare(items, batchSize), batchSize, clients, latencies);
    }

    /** Submits the batches from {@code clients} threads; what is refused (a conflict) is sent again. */
    private long submitAll(java.util.Queue<Batch> batches, int batchSize, int clients, Latencies latencies)
            throws Exception {
        AtomicLong accepted = new AtomicLong();
        ConcurrentLinkedQueue<ObjectNode> retry = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!batches.isEmpty()) {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    Batch batch;
                    while ((batch = batches.poll()) != null) {
                        long t0 = System.nanoTime();
                        JsonNode summary = api.expect("POST", stack.url(MrsService.RESULT) + "/api/results",
                                api.reporter, batch.body(), 200);
                        if (latencies != null) {
                            latencies.record(System.nanoTime() - t0);
                        }
                        accepted.addAndGet(summary.path("accepted").asLong() + summary.path("duplicates").asLong());
                        for (JsonNode rejected : summary.path("rejected")) {
                            retry.add(batch.items().get(rejected.path("index").asInt()));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            pool.shutdown();
            if (!retry.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(retry.size() + " results still refused, e.g. " + retry.peek());
                }
                Thread.sleep(500);
                List<ObjectNode> again = new ArrayList<>(retry);
                retry.clear();
                batches.addAll(prepare(again, batchSize));
            }
        }
        return accepted.get();
    }

    private List<ObjectNode> freshKeys(String prefix, int count) {
        int perMonth = size.offices() * Dataset.indicators().size();
        List<ObjectNode> items = Dataset.fresh(prefix, size.offices(), count, cursor);
        cursor = cursor.minusMonths((count + perMonth - 1) / perMonth);
        return items;
    }

    // ----------------------------------------------------------------- ingestion, end to end, with its baseline

    private void ingestion() throws Exception {
        List<ObjectNode> items = freshKeys("ingest", size.ingest());
        progress.accept("bench: ingestion — " + items.size() + " results in batches of 1,000 from "
                + size.clients() + " clients, until all are published on mrs.result-events");
        try (PublishedCounter published = new PublishedCounter(stack.kafka().bootstrapServers(), "\"ingest/")) {
            java.util.Queue<Batch> batches = prepare(items, 1_000);
            CpuShares cpu = cpuShares();
            PgStatements statements = new PgStatements(stack.postgres());
            statements.start();
            cpu.start();
            long start = System.nanoTime();
            Latencies latencies = new Latencies();
            long accepted = submitAll(batches, 1_000, size.clients(), latencies);
            double acceptedSeconds = (System.nanoTime() - start) / 1e9;
            published.awaitCount(items.size(), Duration.ofMinutes(10));
            double seconds = (System.nanoTime() - start) / 1e9;
            cpu.stop().forEach((group, cores) -> report.figure("ingest.cpu." + group + ".cores", cores));
            statementsUsed("ingest", statements, seconds);
            report.figure("ingest.results", accepted);
            report.figure("ingest.acceptedPerSecond", accepted / acceptedSeconds);
            report.figure("ingest.resultsPerSecond", items.size() / seconds);
            report.figure("ingest.batchP50Millis", latencies.percentileMillis(50));
            report.figure("ingest.batchP99Millis", latencies.percentileMillis(99));
        }
        progress.accept("bench: ingestion baseline — plain JDBC batched insert and a plain Kafka producer");
        Baseline.Ingest baseline = Baseline.ingest(root, stack, items);
        report.figure("ingest.baseline.jdbcRowsPerSecond", baseline.jdbcRowsPerSecond());
        report.figure("ingest.baseline.kafkaRecordsPerSecond", baseline.kafkaRecordsPerSecond());
        report.figure("ingest.baseline.resultsPerSecond", baseline.combinedPerSecond());
        report.ratio("ingest.ratioToBaseline", report.get("ingest.resultsPerSecond"), baseline.combinedPerSecond());
    }

    /**
     * Accepted results/s at each batch size; returns once every result of the curve is published and applied by
     * reporting-service, so that what comes next is measured without the curve's backlog.
     */
    private void batchCurve() throws Exception {
        int total = 0;
        try (PublishedCounter published = new PublishedCounter(stack.kafka().bootstrapServers(), "\"curve")) {
            for (Map.Entry<Integer, Integer> point : new java.util.TreeMap<>(size.curve()).entrySet()) {
                int batch = point.getKey();
                List<ObjectNode> items = freshKeys("curve" + batch, point.getValue());
                total += items.size();
                progress.accept("bench: batch size " + batch + " — " + items.size() + " results");
                java.util.Queue<Batch> batches = prepare(items, batch);
                long start = System.nanoTime();
                long accepted = submitAll(batches, batch, size.clients(), null);
                report.figure("curve.batch" + batch + ".acceptedPerSecond",
                        accepted / ((System.nanoTime() - start) / 1e9));
            }
            published.awaitCount(total, Duration.ofMinutes(10));
        }
        awaitProjection("curve");
    }

    // ----------------------------------------------------------------- freshness

    private void freshness() throws Exception {
        int rate = size.freshRate();
        int seconds = size.freshSeconds();
        List<ObjectNode> background = freshKeys("fresh", rate * seconds);
        progress.accept("bench: freshness — " + rate + " results/s for " + seconds
                + " s; probes measure 200 → scorecard");
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        Future<?> load = pool.submit(() -> {
            int perTick = Math.max(1, rate / 10);
            long next = System.nanoTime();
            for (int from = 0; from < background.size() && running.get(); from += perTick) {
                api.expect("POST", stack.url(MrsService.RESULT) + "/api/results", api.reporter,
                        Dataset.body(background.subList(from, Math.min(background.size(), from + perTick))), 200);
                next += TimeUnit.MILLISECONDS.toNanos(100);
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            return null;
        });
        Latencies freshness = new Latencies();
        DemoSeeder.Indicator b15 = Dataset.indicators().get(1);
        String series = stack.url(MrsService.REPORTING) + "/api/series/" + Dataset.office(0) + "/" + b15.id()
                + "?from=2021-06&to=2021-06";
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int probe = 0;
        while (System.nanoTime() < end) {
            probe++;
            int numerator = 1 + probe % 99;
            ObjectNode item = Api.JSON.createObjectNode().put("measurementId", "probe/" + probe)
                    .put("unitId", Dataset.office(0)).put("indicatorId", b15.id()).put("period", "2021-06")
                    .put("numerator", numerator).put("denominator", 100 + probe)
                    .put("correctionReason", "benchmark probe " + probe);
            JsonNode summary = api.expect("POST", stack.url(MrsService.RESULT) + "/api/results", api.reporter,
                    Dataset.body(List.of(item)), 200);
            if (summary.path("accepted").asInt() != 1) {
                throw new IllegalStateException("Probe refused: " + summary);
            }
            long acknowledged = System.nanoTime();
            while (true) {
                JsonNode points = api.expect("GET", series, api.reporter, null, 200);
                if (points.size() == 1 && points.get(0).path("denominator").asLong() == 100 + probe) {
                    freshness.record(System.nanoTime() - acknowledged);
                    break;
                }
                if (System.nanoTime() - acknowledged > TimeUnit.SECONDS.toNanos(30)) {
                    throw new IllegalStateException("Probe " + probe + " did not reach the scorecard in 30 s");
                }
                Thread.sleep(5);
            }
            Thread.sleep(250);
        }
        running.set(false);
        load.get();
        pool.shutdown();
        report.figure("freshness.probes", freshness.count());
        report.figure("freshness.p50Millis", freshness.percentileMillis(50));
        report.figure("freshness.p99Millis", freshness.percentileMillis(99));
        report.figure("freshness.maxMillis", freshness.maxMillis());
    }

    // ----------------------------------------------------------------- scorecard reads

    private void scorecardReads(String name, int seconds, boolean withBaseline) throws Exception {
        awaitProjection(name);
        for (String unit : List.of("0000", "0300")) {
            progress.accept("bench: scorecard reads of " + unit + " — 16 clients for " + seconds + " s (" + name + ")");
            Latencies latencies = new Latencies();
            String url = stack.url(MrsService.REPORTING) + "/api/scorecards/" + unit + "?period=2021-06";
            long count = concurrently(16, seconds, () -> {
                long t0 = System.nanoTime();
                api.expect("GET", url, api.reporter, null, 200);
                latencies.record(System.nanoTime() - t0);
            });
            String key = name + "." + unit;
            // the target figures are those of the main dataset (250 offices; 25 in --quick)
            String alias = unit.equals("0000") ? "reads.national" : "reads.region";
            report.figure(key + ".requestsPerSecond", count / (double) seconds);
            report.figure(key + ".p50Millis", latencies.percentileMillis(50));
            report.figure(key + ".p99Millis", latencies.percentileMillis(99));
            if (withBaseline) {
                report.figure(alias + ".p99Millis", latencies.percentileMillis(99));
                progress.accept("bench: scorecard baseline — one SQL aggregate over a flat table, 16 clients");
                Baseline.Reads baseline = Baseline.reads(stack, size.offices(), unit, seconds);
                report.figure(key + ".baseline.requestsPerSecond", baseline.requestsPerSecond());
                report.figure(key + ".baseline.p50Millis", baseline.p50Millis());
                report.figure(key + ".baseline.p99Millis", baseline.p99Millis());
                report.ratio(key + ".ratioToBaseline", count / (double) seconds, baseline.requestsPerSecond());
                report.ratio(alias + ".ratioToBaseline", count / (double) seconds, baseline.requestsPerSecond());
            }
        }
        if (withBaseline) {
            wrkReads(name, seconds);
        }
    }

    /** Connections of the wrk scenario (issue 16: the national scorecard at the machine's limit). */
    static final int WRK_CONNECTIONS = 64;

    /**
     * The national scorecard read by {@code wrk} with {@value #WRK_CONNECTIONS} connections and a viewer's bearer
     * token (verified by the services like any other; verified tokens are cached until they expire): requests/s and
     * p50/p99/max. Skipped, with a message and {@code reads.wrk.skipped} in the report, when wrk is not installed.
     */
    private void wrkReads(String name, int seconds) throws Exception {
        java.util.Optional<Path> wrk = Wrk.find();
        if (wrk.isEmpty()) {
            progress.accept("bench: wrk is not installed, so the wrk read scenario is skipped (Debian: apt-get install wrk)");
            report.figure("reads.wrk.skipped", 1);
            return;
        }
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        String url = stack.url(MrsService.REPORTING) + "/api/scorecards/0000?period=2021-06";
        progress.accept("bench: scorecard reads of 0000 with wrk — " + WRK_CONNECTIONS + " connections, " + threads
                + " threads for " + seconds + " s (" + name + ")");
        Wrk.Result result = Wrk.run(wrk.get(), url, api.viewer, threads, WRK_CONNECTIONS, seconds,
                root.resolve("target/bench"), name.replace('.', '-') + "-0000");
        String key = "reads.wrk." + name.substring(name.indexOf('.') + 1) + ".0000";
        report.figure(key + ".requestsPerSecond", result.requestsPerSecond());
        report.figure(key + ".p50Millis", result.p50Millis());
        report.figure(key + ".p99Millis", result.p99Millis());
        report.figure(key + ".maxMillis", result.maxMillis());
        report.figure(key + ".non2xx", result.non2xx());
        report.figure(key + ".socketErrors", result.socketErrors());
        // the target figures (issue 16) are those of the main dataset: 250 offices, 25 in --quick
        report.figure("reads.wrk.national.requestsPerSecond", result.requestsPerSecond());
        report.figure("reads.wrk.national.p99Millis", result.p99Millis());
        if (result.non2xx() > 0 || result.socketErrors() > 0) {
            progress.accept("bench: wrk saw " + result.non2xx() + " answers other than 2xx/3xx and "
                    + result.socketErrors() + " socket errors (target/bench/wrk-" + name.replace('.', '-')
                    + "-0000.txt)");
        }
    }

    /** The instant the "as published" reads look back at. */
    private Instant publishedAt;

    /**
     * The national and a region's scorecard as published at {@link #publishedAt}, after everything since (the
     * ingestion, the probes' corrections and, in the full run, the history of corrections): 16 clients, requests/s,
     * p50 and p99, and how many rows are marked as changed since (the history is really read). Gives the national
     * answer, to compare after the rebuild.
     */
    private String asOfReads(String name, int seconds) throws Exception {
        awaitProjection(name);
        String national = null;
        for (String unit : List.of("0000", "0300")) {
            String url = stack.url(MrsService.REPORTING) + "/api/scorecards/" + unit + "?period=2021-06&asOf="
                    + publishedAt;
            JsonNode card = api.expect("GET", url, api.reporter, null, 200);
            long changed = 0;
            for (JsonNode perspective : card.path("perspectives")) {
                for (JsonNode row : perspective.path("rows")) {
                    changed += row.path("changedSince").isObject() ? 1 : 0;
                }
            }
            if (unit.equals("0000")) {
                national = card.toString();
            }
            progress.accept("bench: scorecard reads of " + unit + " as published at " + publishedAt + " ("
                    + changed + " rows changed since) — 16 clients for " + seconds + " s");
            Latencies latencies = new Latencies();
            long count = concurrently(16, seconds, () -> {
                long t0 = System.nanoTime();
                api.expect("GET", url, api.reporter, null, 200);
                latencies.record(System.nanoTime() - t0);
            });
            String key = name + "." + (unit.equals("0000") ? "national" : "region");
            report.figure(key + ".rowsChangedSince", changed);
            report.figure(key + ".requestsPerSecond", count / (double) seconds);
            report.figure(key + ".p50Millis", latencies.percentileMillis(50));
            report.figure(key + ".p99Millis", latencies.percentileMillis(99));
        }
        return national;
    }

    /** Whether the national scorecard as published answers the same after the rebuild (1) or not (0). */
    private void sameAfterRebuild(String before) throws Exception {
        awaitProjection("reads.asOf after the rebuild");
        String url = stack.url(MrsService.REPORTING) + "/api/scorecards/0000?period=2021-06&asOf=" + publishedAt;
        boolean same = api.expect("GET", url, api.reporter, null, 200).toString().equals(before);
        report.figure("reads.asOf.sameAfterRebuild", same ? 1 : 0);
        if (!same) {
            progress.accept("bench: the national scorecard as published answers differently after the rebuild");
        }
    }

    /**
     * Waits until reporting-service has applied everything on its topics (lag 0 on /api/status), so that reads are
     * measured on a settled model, not while each applied batch replaces the cached scorecards; reports how long.
     */
    private void awaitProjection(String name) throws Exception {
        progress.accept("bench: waiting for reporting-service to apply everything loaded (" + name + ")");
        String status = stack.url(MrsService.REPORTING) + "/api/status";
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MINUTES.toNanos(10);
        while (api.expect("GET", status, api.directorate, null, 200).path("lag").asLong() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reporting-service did not catch up within 10 minutes");
            }
            Thread.sleep(250);
        }
        report.figure(name + ".projectionCatchUpSeconds", (System.nanoTime() - start) / 1e9);
    }

    interface Call {
        void run() throws Exception;
    }

    /** Runs the call once in each of {@code clients} threads and waits for all. */
    static void parallel(int clients, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                call.run();
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
    }

    /** Runs the call from {@code clients} threads for {@code seconds}; returns how many calls completed. */
    static long concurrently(int clients, int seconds, Call call) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    call.run();
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return done.get();
    }

    // ----------------------------------------------------------------- rebuild, memory

    private void rebuild() throws Exception {
        rebuild("rebuild");
    }

    /** Rebuilds the read models from the topics and waits until the rebuilt ones serve; figures under {@code name}. */
    private void rebuild(String name) throws Exception {
        String reporting = stack.url(MrsService.REPORTING);
        progress.accept("bench: " + name + " — replaying both topics into fresh read models");
        CpuShares cpu = cpuShares();
        PgStatements statements = new PgStatements(stack.postgres());
        statements.start();
        cpu.start();
        long start = System.nanoTime();
        JsonNode started = api.expect("POST", reporting + "/api/admin/rebuilds", api.operator, null, 202);
        String id = started.path("rebuildId").asText();
        JsonNode status;
        while (true) {
            status = api.expect("GET", reporting + "/api/admin/rebuilds/" + id, api.operator, null, 200);
            String state = status.path("state").asText();
            if (state.equalsIgnoreCase("COMPLETED") || state.equalsIgnoreCase("DONE") || state.equalsIgnoreCase("SWITCHED")) {
                break;
            }
            if (state.equalsIgnoreCase("FAILED")) {
                throw new IllegalStateException("Rebuild failed: " + status);
            }
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        cpu.stop().forEach((group, cores) -> report.figure(name + ".cpu." + group + ".cores", cores));
        statementsUsed(name, statements, seconds);
        long events = status.path("eventsApplied").asLong(status.path("eventsTotal").asLong());
        report.figure(name + ".events", events);
        report.figure(name + ".seconds", seconds);
        report.figure(name + ".eventsPerSecond", events / seconds);
    }

    /**
     * PostgreSQL's execution time during a scenario, per database (in cores: {@code <name>.pg.<database>.cores}) and
     * the statements that took most of it (in the log), when the server collects statement statistics.
     */
    private void statementsUsed(String name, PgStatements statements, double seconds) {
        statements.millisPerDatabase().forEach((database, millis) ->
                report.figure(name + ".pg." + database + ".cores", millis / 1000 / seconds));
        List<PgStatements.Top> top = statements.stop(12);
        if (!top.isEmpty()) {
            StringBuilder lines = new StringBuilder("bench: " + name + " — PostgreSQL's statements by execution time:");
            top.forEach(t -> lines.append("\n  ").append(t.line()));
            progress.accept(lines.toString());
        }
    }

    private String alive() {
        StringBuilder states = new StringBuilder();
        stack.services().forEach((service, process) -> states.append("; ").append(service.id)
                .append(process.isAlive() ? " running" : " stopped (see its log)"));
        return states.toString();
    }

    /**
     * Corrections of the history (each key corrected again, pass after pass) until the topics hold {@code events}
     * events, so that the rebuild replays that many without the read models growing past the organisation's size.
     */
    private void correctionsUntil(long events) throws Exception {
        long have = topicEvents();
        for (int pass = 1; have < events; pass++) {
            List<ObjectNode> items = new ArrayList<>();
            for (ObjectNode item : Dataset.history(0, size.offices())) {
                if (items.size() >= events - have) {
                    break;
                }
                ObjectNode correction = Dataset.item("corr" + pass, Dataset.officeIndex(item.path("unitId").asText()),
                        Dataset.indicator(item.path("indicatorId").asText()),
                        YearMonth.parse(item.path("period").asText()), pass + 1);
                items.add(correction.put("correctionReason", "benchmark: history of corrections, pass " + pass));
            }
            progress.accept("bench: " + have + " events in the topics; " + items.size()
                    + " corrections so that the rebuild replays " + events);
            long start = System.nanoTime();
            long accepted = submitAll(items, 1_000, size.clients(), null);
            report.figure("corrections.pass" + pass + ".resultsPerSecond", accepted / ((System.nanoTime() - start) / 1e9));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            long target = have + items.size();
            while ((have = topicEvents()) < target && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
        }
    }

    /** Records in mrs.goal-events and mrs.result-events. */
    private long topicEvents() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of("mrs.goal-events", "mrs.result-events")) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            long total = 0;
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(partitions).entrySet()) {
                total += end.getValue() - begin.get(end.getKey());
            }
            return total;
        }
    }

    private void memory(String prefix) throws Exception {
        for (Map.Entry<MrsService, ManagedProcess> entry : stack.services().entrySet()) {
            String id = entry.getKey().id;
            long pid = entry.getValue().pid();
            Path status = Path.of("/proc", Long.toString(pid), "status");
            if (Files.exists(status)) {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
                        long kb = Long.parseLong(line.replaceAll("\\D", ""));
                        report.figure(prefix + "." + id + "." + (line.startsWith("VmRSS") ? "rssMiB" : "peakRssMiB"),
                                kb / 1024.0);
                    }
                }
            }
            String metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(stack.url(entry.getKey()) + "/q/metrics")).header("Accept", "text/plain").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            report.figure(prefix + "." + id + ".heapMaxMiB", Report.sumMetric(metrics, "jvm_memory_max_bytes", "area=\"heap\"") / 1048576.0);
            report.figure(prefix + "." + id + ".heapUsedMiB", Report.sumMetric(metrics, "jvm_memory_used_bytes", "area=\"heap\"") / 1048576.0);
            // the most the heap held since the start: jvm.memory.used only says what it holds at this moment
            double peak = peakHeapMiB(entry.getKey());
            if (!Double.isNaN(peak)) {
                report.figure(prefix + "." + id + ".peakHeapUsedMiB", peak);
            }
            // what is alive: after a full collection (jcmd GC.run), the heap's use is the live set
            double live = liveHeapMiB(entry.getKey(), pid);
            if (!Double.isNaN(live)) {
                report.figure(prefix + "." + id + ".liveHeapMiB", live);
            }
        }
    }

    /**
     * Where the CPU goes, per part of the stack: each service, the broker, PostgreSQL (server and backends) and this
     * benchmark (the load generator and its consumers).
     */
    private CpuShares cpuShares() {
        Map<String, java.util.function.Supplier<List<ProcessHandle>>> groups = new java.util.LinkedHashMap<>();
        for (MrsService service : MrsService.values()) {
            groups.put(service.id, () -> List.of(stack.services().get(service).handle()));
        }
        groups.put("kafka", () -> List.of(stack.kafka().process().handle()));
        groups.put("postgres", () -> CpuShares.postgres(stack.state().resolve("postgres")));
        groups.put("bench", () -> List.of(ProcessHandle.current()));
        return new CpuShares(groups);
    }

    /** reporting-service's heap for the step to 2,500 offices (issue 16: at most 512 MB). */
    static final int SCALED_HEAP_MIB = 512;

    /**
     * How reporting-service's memory grows with the organisation: the live heap after a full collection at 25
     * and 250 offices (the history loaded, nothing else yet) and, with everything the run added, at 250 and at
     * 2,500 offices; per office and per result.
     */
    private void growth() {
        String live = ".reporting-service.liveHeapMiB";
        double perOfficeSmall = (report.get("memory.250" + live) - report.get("memory.25" + live)) / (size.offices() - 25);
        double perOfficeLarge = (report.get("memory.scaled" + live) - report.get("memory" + live))
                / (size.scaleOffices() - size.offices());
        report.figure("memory.growth.reportingLiveKiBPerOffice.25to250", perOfficeSmall * 1024);
        report.figure("memory.growth.reportingLiveKiBPerOffice.250to2500", perOfficeLarge * 1024);
        double results = report.get("load.dataset-scaled.results");
        report.figure("memory.growth.reportingLiveBytesPerResult.250to2500",
                (report.get("memory.scaled" + live) - report.get("memory" + live)) * 1048576.0 / results);
    }

    /** The live heap of a service in MiB: a full collection by jcmd, then the heap's use (NaN without jcmd). */
    private double liveHeapMiB(MrsService service, long pid) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return Double.NaN;
        }
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
            gc.destroyForcibly();
            return Double.NaN;
        }
        String metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(stack.url(service) + "/q/metrics")).header("Accept", "text/plain").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        return Report.sumMetric(metrics, "jvm_memory_used_bytes", "area=\"heap\"") / 1048576.0;
    }

    /**
     * The most a service's heap held before a collection since it was started with a GC log ({@link #gcLog}): the
     * peak of what it used; NaN for a service started without one.
     */
    private double peakHeapMiB(MrsService service) throws Exception {
        Path log = gcLog(service);
        if (!Files.exists(log)) {
            return Double.NaN;
        }
        double peak = Double.NaN;
        java.util.regex.Matcher m = GC_LINE.matcher(Files.readString(log));
        while (m.find()) {
            double before = Double.parseDouble(m.group(1));
            peak = Double.isNaN(peak) ? before : Math.max(peak, before);
        }
        return peak;
    }

    /** A collection in the unified GC log: "Pause Young (Normal) (G1 Evacuation Pause) 200M->150M(512M) 3.1ms". */
    private static final java.util.regex.Pattern GC_LINE = java.util.regex.Pattern.compile(" (\\d+)M->\\d+M\\(\\d+M\\)");

    private Path gcLog(MrsService service) {
        return root.resolve(".mrs/bench/logs/" + service.id + "-gc.log");
    }

    /**
     * Each service restarted on its own, with its state from the run, the others idle: the start-up time of the
     * service itself (the stack's first start launches all three at once, sharing the cores).
     */
    private void startUpAlone() throws Exception {
        for (MrsService service : MrsService.values()) {
            progress.accept("bench: start-up of " + service.id + " alone, with the run's state");
            stack.services().get(service).stop(Duration.ofSeconds(30));
            long t0 = System.nanoTime();
            stack.restart(service);
            report.figure("startup." + service.id + ".aloneSeconds", (System.nanoTime() - t0) / 1e9);
        }
    }

    /** Counts records on mrs.result-events whose value contains a marker, from the end of the topic at start. */
    static final class PublishedCounter implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final AtomicLong seen = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        PublishedCounter(String bootstrapServers, String marker) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + Instant.now().toEpochMilli());
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
            // the values as the bytes on the wire: the marker is looked for without decoding each record
            consumer = new KafkaConsumer<>(props, new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                    new org.apache.kafka.common.serialization.ByteArrayDeserializer());
            byte[] wanted = marker.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            List<TopicPartition> partitions = consumer.partitionsFor("mrs.result-events").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            thread = new Thread(() -> {
                while (running.get()) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        if (contains(record.value(), wanted)) {
                            seen.incrementAndGet();
                        }
                    }
                }
            }, "bench-published-counter");
            thread.start();
        }

        /** Whether {@code bytes} hold {@code wanted} (UTF-8 of the marker) anywhere. */
        static boolean contains(byte[] bytes, byte[] wanted) {
            if (bytes == null) {
                return false;
            }
            outer:
            for (int i = 0; i <= bytes.length - wanted.length; i++) {
                for (int j = 0; j < wanted.length; j++) {
                    if (bytes[i + j] != wanted[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }

        void awaitCount(long count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (seen.get() < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Only " + seen.get() + " of " + count + " results were published");
                }
                Thread.sleep(20);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(5_000);
            consumer.close();
        }
    }
}
