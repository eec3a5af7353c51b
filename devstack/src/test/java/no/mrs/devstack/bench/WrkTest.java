package no.mrs.devstack.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The bench's wrk scenario: what it reads from wrk, and a real wrk run against a small local server. */
class WrkTest {

    @Test
    void readsTheFiguresOfTheReportHook() {
        Wrk.Result result = Wrk.parse("""
                Running 5s test @ http://localhost:18083/api/scorecards/0000?period=2021-06
                  2 threads and 64 connections
                  Latency Distribution
                     99%    4.20ms
                MRS-WRK requests=50000 duration=5000000 p50=1250 p99=4200 max=30500 status=3 socket=1
                """);
        assertThat(result.requests()).isEqualTo(50_000);
        assertThat(result.seconds()).isEqualTo(5.0);
        assertThat(result.requestsPerSecond()).isEqualTo(10_000.0);
        assertThat(result.p50Millis()).isEqualTo(1.25);
        assertThat(result.p99Millis()).isEqualTo(4.2);
        assertThat(result.maxMillis()).isEqualTo(30.5);
        assertThat(result.non2xx()).isEqualTo(3);
        assertThat(result.socketErrors()).isEqualTo(1);
        assertThatThrownBy(() -> Wrk.parse("Requests/sec: 123")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sendsTheBearerTokenAndCountsRefusedRequests(@TempDir Path dir) throws Exception {
        Optional<Path> wrk = Wrk.find();
        assumeTrue(wrk.isPresent(), "wrk is not installed (Debian: apt-get install wrk)");
        AtomicLong authorised = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/scorecards/0000", exchange -> {
            boolean ok = "Bearer the-token".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            if (ok) {
                authorised.incrementAndGet();
            }
            byte[] body = (ok ? "{}" : "{\"status\":401}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ok ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/scorecards/0000?period=2021-06";

            Wrk.Result ok = Wrk.run(wrk.get(), url, "the-token", 1, 4, 1, dir, "ok");
            assertThat(ok.requests()).isPositive();
            assertThat(ok.non2xx()).isZero();
            assertThat(authorised.get()).isGreaterThanOrEqualTo(ok.requests());
            assertThat(ok.p99Millis()).isGreaterThanOrEqualTo(ok.p50Millis());
            assertThat(Files.readString(dir.resolve("wrk-ok.txt"))).contains("Latency Distribution")
                    .contains("-c4 -d1s --latency", "wrk-report.lua", "'Authorization: Bearer …'", url)
                    .doesNotContain("the-token");

            Wrk.Result refused = Wrk.run(wrk.get(), url, "another-token", 1, 4, 1, dir, "refused");
            assertThat(refused.requests()).isPositive();
            assertThat(refused.non2xx()).isEqualTo(refused.requests());
        } finally {
            server.stop(0);
        }
    }
}
