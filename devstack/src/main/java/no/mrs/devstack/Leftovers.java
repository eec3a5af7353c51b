package no.mrs.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The processes a stack started, written down in {@code <state>/pids/<name>.pid} (the process id and its start
 * time, so that a reused process id is never taken for ours). A launcher killed without its shutdown hook (kill -9,
 * a closed terminal, out of memory) leaves its broker, services and PostgreSQL running; the next {@code ./mrs up}
 * finds them here (PostgreSQL in its own {@code postmaster.pid}) and stops them before it starts, instead of failing
 * with "port already in use".
 */
public final class Leftovers {

    /** The launcher's own record: a live one means another {@code ./mrs up} runs on this state. */
    public static final String LAUNCHER = "launcher";
    private static final String DIRECTORY = "pids";

    private Leftovers() {
    }

    /** Writes down a process that the stack started (or the launcher itself). */
    public static void record(Path state, String name, ProcessHandle process) {
        try {
            Path directory = Files.createDirectories(state.resolve(DIRECTORY));
            String started = process.info().startInstant().map(i -> Long.toString(i.toEpochMilli())).orElse("-");
            Files.writeString(directory.resolve(name + ".pid"), process.pid() + "\n" + started + "\n");
        } catch (IOException e) {
            System.err.println("  writing down " + name + "'s process id failed: " + e.getMessage());
        }
    }

    /** Forgets a process that was stopped. */
    public static void forget(Path state, String name) {
        try {
            Files.deleteIfExists(state.resolve(DIRECTORY).resolve(name + ".pid"));
        } catch (IOException e) {
            // a stale record is harmless: its process is not alive, or not the same process
        }
    }

    /** The recorded process of that name, if it is still alive (and the same process, not a reused id). */
    public static Optional<ProcessHandle> alive(Path state, String name) {
        Path file = state.resolve(DIRECTORY).resolve(name + ".pid");
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(file);
            long pid = Long.parseLong(lines.get(0).trim());
            String started = lines.size() > 1 ? lines.get(1).trim() : "-";
            // without a start time to compare, a reused process id could be someone else's: not ours then
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> p.info().startInstant()
                    .map(Instant::toEpochMilli).map(Object::toString).map(started::equals).orElse(false));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops whatever a crashed run left behind on this state: first the services and the web app, then the broker
     * (SIGTERM, SIGKILL after a grace period), then the embedded PostgreSQL of {@code <state>/postgres} (a fast
     * shutdown). Returns how many processes it stopped. Call it only when no launcher runs on this state.
     */
    public static int stop(Path state, Consumer<String> progress) {
        int stopped = 0;
        List<String> names = new ArrayList<>();
        Path directory = state.resolve(DIRECTORY);
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".pid"))
                        .map(f -> f.substring(0, f.length() - ".pid".length()))
                        .filter(n -> !n.equals(LAUNCHER)).sorted().forEach(names::add);
            } catch (IOException e) {
                progress.accept("Reading " + directory + " failed: " + e.getMessage());
            }
        }
        // the broker last of the recorded processes: the services are its clients
        names.sort((a, b) -> Boolean.compare(a.equals("kafka"), b.equals("kafka")));
        for (String name : names) {
            Optional<ProcessHandle> process = alive(state, name);
            if (process.isPresent()) {
                progress.accept(name + " (pid " + process.get().pid() + ") was left running by a ./mrs up that did"
                        + " not stop; stopping it");
                terminate(process.get(), Duration.ofSeconds(20));
                stopped++;
            }
            forget(state, name);
        }
        Optional<ProcessHandle> postmaster = postmaster(state.resolve("postgres"));
        if (postmaster.isPresent()) {
            progress.accept("PostgreSQL (pid " + postmaster.get().pid() + ") was left running by a ./mrs up that did"
                    + " not stop; stopping it");
            interrupt(postmaster.get());
            terminate(postmaster.get(), Duration.ofSeconds(30));
            stopped++;
        }
        return stopped;
    }

    /**
     * The PostgreSQL server running on this data directory, from its {@code postmaster.pid}: the process id (line 1)
     * and start time (line 3, epoch seconds) must both match a live process, so that a stale file whose id has
     * been reused (after a reboot, say) never points at someone else's process.
     */
    public static Optional<ProcessHandle> postmaster(Path dataDirectory) {
        Path file = dataDirectory.resolve("postmaster.pid");
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(file);
            long pid = Long.parseLong(lines.get(0).trim());
            long started = Long.parseLong(lines.get(2).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().startInstant()
                            .map(i -> Math.abs(i.getEpochSecond() - started) <= 5).orElse(false));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** SIGINT: PostgreSQL's fast shutdown (it disconnects its clients and stops cleanly). */
    private static void interrupt(ProcessHandle process) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill(1): SIGTERM below (a smart shutdown, which waits for clients)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, SIGKILL after the grace period; with the process's own children. */
    private static void terminate(ProcessHandle process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // reported by the port check that follows
            }
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }
}
