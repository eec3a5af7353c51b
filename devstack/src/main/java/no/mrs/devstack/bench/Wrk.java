package no.mrs.devstack.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads measured with {@code wrk} (Debian's package {@code wrk}), a load generator in C that the services, not the
 * client, limit: {@code wrk --latency} with a bearer token, and a Lua {@code done} hook that prints the figures in a
 * line this class reads (wrk's own table rounds them and mixes units).
 */
final class Wrk {

    /** What one wrk run measured; latencies in milliseconds. */
    record Result(long requests, double seconds, double requestsPerSecond, double p50Millis, double p99Millis,
            double maxMillis, long non2xx, long socketErrors, String output) {
    }

    private static final String REPORT_HOOK = """
            -- written by ./mrs bench: prints wrk's figures in one line that the bench reads (times in microseconds)
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("MRS-WRK requests=%.0f duration=%.0f p50=%.0f p99=%.0f max=%.0f status=%.0f socket=%.0f\\n",
                summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
                e.status, e.connect + e.read + e.write + e.timeout))
            end
            """;

    private static final Pattern LINE = Pattern.compile("MRS-WRK requests=(\\d+) duration=(\\d+) p50=(\\d+) p99=(\\d+)"
            + " max=(\\d+) status=(\\d+) socket=(\\d+)");

    private Wrk() {
    }

    /** The {@code wrk} executable on the PATH, if there is one. */
    static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "wrk");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code wrk -t<threads> -c<connections> -d<seconds>s --latency} against the URL with the bearer token; the
     * hook script and wrk's whole output are kept in {@code workDir}.
     */
    static Result run(Path wrk, String url, String token, int threads, int connections, int seconds, Path workDir,
            String name) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path hook = workDir.resolve("wrk-report.lua");
        Files.writeString(hook, REPORT_HOOK);
        List<String> command = new ArrayList<>(List.of(wrk.toString(), "-t" + threads, "-c" + connections,
                "-d" + seconds + "s", "--latency", "--timeout", "10s", "-s", hook.toString(),
                "-H", "Authorization: Bearer " + token, "-H", "Accept: application/json", url));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] bytes;
        try (var in = process.getInputStream()) {
            bytes = in.readAllBytes(); // wrk prints at the end only; the read ends when it exits
        }
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk did not finish within " + (seconds + 60) + " s");
        }
        String output = new String(bytes, StandardCharsets.UTF_8);
        List<String> shown = new ArrayList<>(command); // the command as run, without the token
        shown.replaceAll(arg -> arg.startsWith("Authorization: ") ? "'Authorization: Bearer …'"
                : arg.contains(" ") || arg.contains("?") ? "'" + arg + "'" : arg);
        Files.writeString(workDir.resolve("wrk-" + name + ".txt"), String.join(" ", shown) + "\n\n" + output);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("wrk exited with " + process.exitValue() + ": " + output.strip());
        }
        return parse(output);
    }

    static Result parse(String output) {
        Matcher m = LINE.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("wrk printed no MRS-WRK line: " + output.strip());
        }
        long requests = Long.parseLong(m.group(1));
        double seconds = Long.parseLong(m.group(2)) / 1e6;
        return new Result(requests, seconds, seconds > 0 ? requests / seconds : Double.NaN,
                Long.parseLong(m.group(3)) / 1000.0, Long.parseLong(m.group(4)) / 1000.0,
                Long.parseLong(m.group(5)) / 1000.0, Long.parseLong(m.group(6)), Long.parseLong(m.group(7)), output);
    }
}
