package no.mrs.system;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import no.mrs.devstack.DevTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * reporting-service as two replicas (packaged processes on one database, every partition followed by each): killing
 * the leader hands saving to the other with no figure lost or doubled, a rebuild started on a follower is switched
 * to by every replica, and a rolling restart (each replica killed or stopped and started again in turn) under
 * continuous scorecard reads fails no read. Runs in the {@code chaos} profile (always in CI).
 *
 * <p>What "no failed read" counts: the readers behave as a round-robin load balancer in front of the replicas would
 * (Kubernetes' Service fed by readiness, or nginx with {@code proxy_next_upstream error}): a replica's readiness is
 * probed every 200 ms; it enters the rotation on one UP and leaves it after three failed probes in a row (as
 * deploy/'s readiness probe, failureThreshold 3); each read goes to the next replica in the rotation; a read whose connection fails (refused or cut: the replica was just killed) is sent once to the next
 * replica. A read fails when that answer is not 200 with a scorecard, when the second attempt fails too, or when
 * no replica is in the rotation. An HTTP error status is never retried.
 */
class ReplicasIT {

    static final String VIEWER = DevTokens.issue(List.of("viewer"), List.of("0000"));
    static final String DIRECTORATE = Fixture.ADMIN;
    static final String REPORTER = DevTokens.issue(List.of("reporter"), List.of("0000"));
    static final List<String> OFFICES = List.of("0314", "0402");

    static Fixture fixture;

    @BeforeAll
    static void theSuiteAndItsOrganisation() throws Exception {
        fixture = Fixture.get();
    }

    @Test
    void killingTheLeaderHandsSavingToTheOtherReplicaAndNoFigureIsLostOrDoubled() throws Exception {
        Results results = new Results("RL");
        try (ReportingReplicas replicas = new ReportingReplicas("replicas-leader")) {
            int a = replicas.add();
            int b = replicas.add();
            results.start();
            int leader = awaitOneLeader(replicas);
            int other = leader == a ? b : a;
            results.awaitSubmitted(10);

            replicas.kill(leader);
            System.out.println("[replicas] killed the leader " + leader + " after " + results.submitted() + " months");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> isLeader(replicas, other));
            results.awaitSubmitted(results.submitted() + 10);
            replicas.start(leader);
            assertThat(isLeader(replicas, leader)).as("the restarted replica follows").isFalse();

            // a rebuild started on the follower (the restarted replica) while the leader saves: one new slot, which
            // both switch to
            long generation = status(replicas, other).getLong("generation");
            rebuild(replicas, leader);
            for (int replica : List.of(a, b)) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                        status(replicas, replica).getLong("generation") == generation + 1);
            }

            results.finish();
            awaitCaughtUp(replicas, a, b);
            String checksum = checksum(replicas, a);
            assertThat(checksum(replicas, b)).isEqualTo(checksum);
            results.assertShownBy(replicas, a);
            results.assertShownBy(replicas, b);

            // what the leaders saved is complete: a replica that starts from the slot shows the same
            int fresh = replicas.add();
            awaitCaughtUp(replicas, fresh);
            assertThat(checksum(replicas, fresh)).isEqualTo(checksum);
            results.assertShownBy(replicas, fresh);
            assertThat(isLeader(replicas, other)).isTrue();

            // and it equals a clean replay of the topics: nothing applied twice or passed over by any leader
            long before = status(replicas, other).getLong("generation");
            rebuild(replicas, other);
            for (int replica : List.of(a, b, fresh)) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                        status(replicas, replica).getLong("generation") == before + 1);
                assertThat(checksum(replicas, replica)).as("replica " + replica + " after a clean rebuild")
                        .isEqualTo(checksum);
            }
            System.out.println("[replicas] " + results.submitted() + " months of " + OFFICES.size()
                    + " offices submitted; after the leader's kill -9 and a rebuild on the follower, three replicas"
                    + " agree: " + checksum);
        }
    }

    @Test
    void aRollingRestartUnderContinuousScorecardReadsFailsNoRead() throws Exception {
        Results results = new Results("RR");
        try (ReportingReplicas replicas = new ReportingReplicas("replicas-rolling")) {
            int a = replicas.add();
            int b = replicas.add();
            results.start();
            RoundRobin readers = new RoundRobin(replicas);
            readers.start(2);
            readers.awaitReads(50);

            // each in turn: kill -9, SIGTERM, and once more kill -9, each time the current leader first
            List<String> steps = new ArrayList<>();
            for (boolean sigkill : List.of(true, false, true)) {
                int leader = awaitOneLeader(replicas);
                int target = steps.size() == 2 ? (leader == a ? b : a) : leader;
                if (sigkill) {
                    replicas.kill(target);
                } else {
                    replicas.terminate(target);
                }
                long before = readers.reads.get();
                replicas.start(target);
                readers.awaitReads(before + 20);
                steps.add((sigkill ? "kill -9 " : "SIGTERM ") + (target == leader ? "the leader" : "the follower"));

                // the figures are equal across the replicas once both have applied what was submitted
                results.pause();
                awaitCaughtUp(replicas, a, b);
                assertThat(checksum(replicas, target)).as("after " + steps.get(steps.size() - 1))
                        .isEqualTo(checksum(replicas, target == a ? b : a));
                results.resume();
            }
            readers.stop();
            results.finish();
            awaitCaughtUp(replicas, a, b);
            assertThat(checksum(replicas, a)).isEqualTo(checksum(replicas, b));
            results.assertShownBy(replicas, a);
            results.assertShownBy(replicas, b);

            System.out.println("[replicas] rolling restart (" + String.join(", ", steps) + "): " + readers.reads.get()
                    + " scorecard reads, " + readers.retried.get() + " sent again to the other replica after a cut"
                    + " connection, " + readers.failures.size() + " failed; per replica " + readers.perReplica);
            assertThat(readers.failures).as("failed reads").isEmpty();
            assertThat(readers.reads.get()).isGreaterThan(100);
        }
    }

    // ------------------------------------------------------------------ the replicas

    private static int awaitOneLeader(ReportingReplicas replicas) {
        AtomicInteger leader = new AtomicInteger(-1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<Integer> leaders = new ArrayList<>();
            for (int i = 0; i < replicas.size(); i++) {
                if (isLeader(replicas, i)) {
                    leaders.add(i);
                }
            }
            // never two at once
            assertThat(leaders).hasSizeLessThanOrEqualTo(1);
            leader.set(leaders.isEmpty() ? -1 : leaders.get(0));
            return leaders.size() == 1;
        });
        return leader.get();
    }

    /** Starts a rebuild on the replica and waits until it completed (asking another replica, when there is one). */
    private static void rebuild(ReportingReplicas replicas, int replica) {
        String rebuildId = given().auth().oauth2(Fixture.OPERATOR).post(replicas.url(replica) + "/api/admin/rebuilds")
                .then().statusCode(202).extract().path("rebuildId");
        String asked = replicas.url((replica + 1) % replicas.size());
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> "COMPLETED".equals(
                given().auth().oauth2(Fixture.OPERATOR).get(asked + "/api/admin/rebuilds/" + rebuildId)
                        .then().statusCode(200).extract().path("state")));
    }

    private static boolean isLeader(ReportingReplicas replicas, int replica) {
        JsonPath status = ReportingReplicas.get(replicas.url(replica) + "/api/status", DIRECTORATE);
        return status != null && status.getBoolean("leader");
    }

    private static JsonPath status(ReportingReplicas replicas, int replica) {
        JsonPath status = ReportingReplicas.get(replicas.url(replica) + "/api/status", DIRECTORATE);
        return status == null ? new JsonPath("{\"generation\":-1,\"lag\":-1,\"leader\":false}") : status;
    }

    private static void awaitCaughtUp(ReportingReplicas replicas, int... which) {
        for (int replica : which) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() ->
                    status(replicas, replica).getLong("lag") == 0);
        }
    }

    private static String checksum(ReportingReplicas replicas, int replica) {
        return given().auth().oauth2(Fixture.OPERATOR).get(replicas.url(replica) + "/api/admin/checksum").then()
                .statusCode(200).extract().path("checksum");
    }

    // ------------------------------------------------------------------ what goes in

    /**
     * Results submitted to result-service at a steady pace, one month of both offices a request, for COUNT
     * indicators of the test's own (so that no other test's figures mix in): 120 months each of two indicators.
     */
    static final class Results {
        private final List<String> indicators;
        private final Map<String, Integer> submitted = new ConcurrentHashMap<>();
        private final AtomicInteger months = new AtomicInteger();
        private final AtomicBoolean paused = new AtomicBoolean();
        private final AtomicBoolean done = new AtomicBoolean();
        private final AtomicBoolean idle = new AtomicBoolean();
        private Thread thread;
        private volatile Throwable failure;

        Results(String prefix) {
            indicators = List.of(prefix + ".1", prefix + ".2");
            for (String indicator : indicators) {
                Fixture.put(fixture.goal + "/api/indicators/" + indicator, """
                        {"name":"Antall %s","perspective":"PROCESS","measure":"COUNT","direction":"HIGHER_IS_BETTER"}"""
                        .formatted(indicator));
            }
        }

        void start() {
            thread = new Thread(this::run, "results-" + indicators.get(0));
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            try {
                for (String indicator : indicators) {
                    for (int m = 0; m < 120 && !done.get(); m++) {
                        while (paused.get() && !done.get()) {
                            idle.set(true);
                            Thread.sleep(50);
                        }
                        idle.set(false);
                        submit(indicator, YearMonth.of(2001, 1).plusMonths(m));
                        months.incrementAndGet();
                        Thread.sleep(300);
                    }
                }
            } catch (Throwable e) {
                failure = e;
            } finally {
                idle.set(true);
            }
        }

        private void submit(String indicator, YearMonth month) {
            StringBuilder body = new StringBuilder("{\"results\":[");
            for (String office : OFFICES) {
                int value = Math.floorMod(month.getMonthValue() * 7 + month.getYear() + office.hashCode() + indicator.hashCode(), 50) + 1;
                body.append(body.length() > 12 ? "," : "").append("""
                        {"measurementId":"%s/%s/%s","unitId":"%s","indicatorId":"%s","period":"%s","value":%d}"""
                        .formatted(indicator, office, month, office, indicator, month, value));
                submitted.put(office + "/" + indicator + "/" + month, value);
            }
            body.append("]}");
            // result-service learns the indicator from mrs.goal-events: wait for it the first time
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                Response response = given().auth().oauth2(REPORTER).contentType(ContentType.JSON)
                        .body(body.toString()).post(fixture.result + "/api/results");
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.<Integer>path("accepted") + response.<Integer>path("duplicates"))
                        .isEqualTo(OFFICES.size());
            });
        }

        int submitted() {
            return months.get();
        }

        void awaitSubmitted(int count) {
            await().atMost(Duration.ofMinutes(2)).until(() -> months.get() >= count || !thread.isAlive());
            assertThat(failure).isNull();
        }

        void pause() {
            paused.set(true);
            await().atMost(Duration.ofMinutes(1)).until(idle::get);
        }

        void resume() {
            paused.set(false);
        }

        void finish() throws InterruptedException {
            done.set(true);
            thread.join(Duration.ofMinutes(1).toMillis());
            assertThat(failure).isNull();
        }

        /** Every submitted figure shown once, as submitted, by each office's series; a region's is their sum. */
        void assertShownBy(ReportingReplicas replicas, int replica) {
            for (String indicator : indicators) {
                for (String office : OFFICES) {
                    List<Object> values = series(replicas, replica, office, indicator);
                    for (int m = 0; m < values.size(); m++) {
                        Integer expected = submitted.get(office + "/" + indicator + "/" + YearMonth.of(2001, 1).plusMonths(m));
                        Object shown = values.get(m);
                        assertThat(shown == null ? null : ((Number) shown).intValue())
                                .as(office + " " + indicator + " month " + m + " on replica " + replica).isEqualTo(expected);
                    }
                }
                List<Object> national = series(replicas, replica, "0000", indicator);
                for (int m = 0; m < national.size(); m++) {
                    YearMonth month = YearMonth.of(2001, 1).plusMonths(m);
                    Integer sum = null;
                    for (String office : OFFICES) {
                        Integer value = submitted.get(office + "/" + indicator + "/" + month);
                        if (value != null) {
                            sum = sum == null ? value : Integer.valueOf(sum + value);
                        }
                    }
                    Object shown = national.get(m);
                    assertThat(shown == null ? null : ((Number) shown).intValue())
                            .as("0000 " + indicator + " " + month + " on replica " + replica).isEqualTo(sum);
                }
            }
        }

        private static List<Object> series(ReportingReplicas replicas, int replica, String unit, String indicator) {
            JsonPath series = ReportingReplicas.get(replicas.url(replica) + "/api/series/" + unit + "/" + indicator
                    + "?from=2001-01&to=2010-12", VIEWER);
            assertThat(series).as("the series of " + unit + " " + indicator + " on replica " + replica).isNotNull();
            List<Object> values = series.getList("value");
            assertThat(values).hasSize(120);
            return values;
        }
    }

    // ------------------------------------------------------------------ what comes out

    /** Scorecard readers behind a round-robin balancer over the replicas that are ready (see the class comment). */
    static final class RoundRobin {
        private final ReportingReplicas replicas;
        private final java.util.concurrent.atomic.AtomicIntegerArray inRotation;
        private final AtomicLong next = new AtomicLong();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final List<Thread> threads = new ArrayList<>();
        final AtomicLong reads = new AtomicLong();
        final AtomicLong retried = new AtomicLong();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final Map<Integer, AtomicLong> perReplica = new ConcurrentHashMap<>();
        private volatile String lastAnswer;
        /** Consecutive failed probes per replica (only the probe thread touches them). */
        private final int[] failedProbes;

        RoundRobin(ReportingReplicas replicas) {
            this.replicas = replicas;
            this.inRotation = new java.util.concurrent.atomic.AtomicIntegerArray(replicas.size());
            this.failedProbes = new int[replicas.size()];
        }

        void start(int readers) {
            // the balancer knows which replicas are ready before the first read
            for (int i = 0; i < inRotation.length(); i++) {
                inRotation.set(i, replicas.ready(i) ? 1 : 0);
            }
            Thread probe = new Thread(() -> {
                while (!stopped.get()) {
                    for (int i = 0; i < inRotation.length(); i++) {
                        // as a readiness probe with failureThreshold 3 and successThreshold 1 decides
                        if (replicas.ready(i)) {
                            failedProbes[i] = 0;
                            inRotation.set(i, 1);
                        } else if (++failedProbes[i] >= 3) {
                            inRotation.set(i, 0);
                        }
                    }
                    sleep(200);
                }
            }, "readiness-probe");
            threads.add(probe);
            for (int i = 0; i < readers; i++) {
                threads.add(new Thread(this::read, "reader-" + i));
            }
            threads.forEach(t -> {
                t.setDaemon(true);
                t.start();
            });
        }

        private void read() {
            while (!stopped.get()) {
                int first = pick(-1);
                if (first < 0) {
                    failures.add(java.time.Instant.now() + " no replica was in the rotation");
                } else {
                    Outcome outcome = get(first);
                    if (outcome == Outcome.CONNECTION_FAILED) {
                        retried.incrementAndGet();
                        int second = pick(first);
                        outcome = second < 0 ? Outcome.CONNECTION_FAILED : get(second);
                    }
                    if (outcome != Outcome.OK) {
                        failures.add(java.time.Instant.now() + " " + outcome + " (first asked: replica " + first + ")"
                                + (outcome == Outcome.NOT_A_SCORECARD ? ": " + lastAnswer : ""));
                    }
                }
                reads.incrementAndGet();
                sleep(20);
            }
        }

        /** The next replica in the rotation other than {@code not}; -1 when there is none. */
        private int pick(int not) {
            // one turn of the counter per read, then the replicas after it in order (a second reader turning the
            // counter meanwhile must not make this one look at the same replica twice)
            long start = next.getAndIncrement();
            for (int tries = 0; tries < inRotation.length(); tries++) {
                int i = (int) ((start + tries) % inRotation.length());
                if (i != not && inRotation.get(i) == 1) {
                    return i;
                }
            }
            return -1;
        }

        enum Outcome { OK, CONNECTION_FAILED, NOT_A_SCORECARD }

        private Outcome get(int replica) {
            try {
                HttpResponse<String> response = ReportingReplicas.HTTP.send(HttpRequest.newBuilder(
                        URI.create(replicas.url(replica) + "/api/scorecards/0000?period=2010-12"))
                        .header("Authorization", "Bearer " + VIEWER).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                perReplica.computeIfAbsent(replica, k -> new AtomicLong()).incrementAndGet();
                if (response.statusCode() == 200 && response.body().contains("\"perspectives\"")) {
                    return Outcome.OK;
                }
                lastAnswer = response.statusCode() + " " + response.body();
                return Outcome.NOT_A_SCORECARD;
            } catch (IOException e) {
                return Outcome.CONNECTION_FAILED;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.CONNECTION_FAILED;
            }
        }

        void awaitReads(long count) {
            await().atMost(Duration.ofMinutes(1)).until(() -> reads.get() >= count);
        }

        void stop() throws InterruptedException {
            stopped.set(true);
            for (Thread t : threads) {
                t.join(15_000);
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
