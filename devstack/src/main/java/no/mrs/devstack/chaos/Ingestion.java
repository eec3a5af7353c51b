package no.mrs.devstack.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.mrs.devstack.MrsService;
import no.mrs.devstack.Stack;
import no.mrs.devstack.bench.Api;
import no.mrs.devstack.bench.Dataset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients that submit results in batches the way a careful reporting system does: a batch that fails for any
 * reason (refused connection, timeout, 5xx, 503) is sent again with the same measurementIds until it gets a 200.
 * Remembers every measurementId that was acknowledged, and every status seen; {@link #brokenPromises()} says which
 * answers were not allowed (a 500, an error without a problem document, a 503 without {@code Retry-After}).
 */
final class Ingestion {

    private final Api api;
    private final Stack stack;
    private final ConcurrentLinkedQueue<List<ObjectNode>> batches = new ConcurrentLinkedQueue<>();
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    final AtomicLong failures = new AtomicLong();
    /** Error answers (4xx/5xx) whose body is not a problem document: each one breaks a promise. */
    final AtomicLong withoutProblem = new AtomicLong();
    /** 5xx answers other than 503: a 500 is a bug, also while a database or broker is away. */
    final AtomicLong serverErrors = new AtomicLong();
    /** 503 answers without a {@code Retry-After} header. */
    final AtomicLong unavailableWithoutRetryAfter = new AtomicLong();
    final Map<String, ObjectNode> items = new ConcurrentHashMap<>();
    private final int total;

    Ingestion(Api api, Stack stack, List<ObjectNode> items, int batchSize) {
        this.api = api;
        this.stack = stack;
        this.total = items.size();
        for (ObjectNode item : items) {
            this.items.put(item.path("measurementId").asText(), item);
        }
        for (int from = 0; from < items.size(); from += batchSize) {
            batches.add(items.subList(from, Math.min(items.size(), from + batchSize)));
        }
    }

    /**
     * What the answers broke, or null: an error without a problem document, a 5xx other than 503 (a 500 is a bug,
     * an outage of the database or broker is a 503), a 503 without {@code Retry-After}.
     */
    String brokenPromises() {
        List<String> broken = new ArrayList<>();
        if (serverErrors.get() > 0) {
            broken.add(serverErrors.get() + " answers 5xx other than 503 (" + statuses + ")");
        }
        if (withoutProblem.get() > 0) {
            broken.add(withoutProblem.get() + " error answers without a problem body");
        }
        if (unavailableWithoutRetryAfter.get() > 0) {
            broken.add(unavailableWithoutRetryAfter.get() + " answers 503 without Retry-After");
        }
        return broken.isEmpty() ? null : String.join("; ", broken);
    }

    double progress() {
        return acknowledged.size() / (double) total;
    }

    /** Runs the clients until every batch is acknowledged. */
    void run(int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                List<ObjectNode> batch;
                while ((batch = batches.poll()) != null) {
                    submitUntilAcknowledged(batch);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
    }

    private void submitUntilAcknowledged(List<ObjectNode> batch) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        List<ObjectNode> pending = batch;
        while (!pending.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("A batch was not acknowledged within 10 minutes");
            }
            try {
                Api.Answer answer = api.send("POST", stack.url(MrsService.RESULT) + "/api/results", api.reporter,
                        Dataset.body(pending));
                statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
                if (answer.status() != 200) {
                    failures.incrementAndGet();
                    if (answer.status() >= 400 && !answer.body().contains("\"type\":\"urn:mrs:problem:")) {
                        withoutProblem.incrementAndGet();
                    }
                    if (answer.status() >= 500 && answer.status() != 503) {
                        serverErrors.incrementAndGet();
                    }
                    if (answer.status() == 503 && answer.retryAfter() == null) {
                        unavailableWithoutRetryAfter.incrementAndGet();
                    }
                    Thread.sleep(200);
                    continue;
                }
                JsonNode summary = answer.json();
                List<ObjectNode> refused = new ArrayList<>();
                Set<Integer> rejected = new java.util.HashSet<>();
                for (JsonNode r : summary.path("rejected")) {
                    rejected.add(r.path("index").asInt());
                }
                for (int i = 0; i < pending.size(); i++) {
                    if (rejected.contains(i)) {
                        refused.add(pending.get(i));
                    } else {
                        acknowledged.add(pending.get(i).path("measurementId").asText());
                    }
                }
                pending = refused;
                if (!refused.isEmpty()) {
                    Thread.sleep(200);
                }
            } catch (IOException e) {
                statuses.computeIfAbsent(0, s -> new AtomicInteger()).incrementAndGet();
                failures.incrementAndGet();
                Thread.sleep(200);
            }
        }
    }
}
