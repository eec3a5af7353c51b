package no.mrs.devstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where the machine's CPU went during a scenario, per part of the stack: the user and system time that the kernel
 * counts for each process ({@code /proc/<pid>/stat}), summed over a group of processes (a service, the broker,
 * PostgreSQL's server and its backends, the benchmark itself) between {@link #start} and {@link #stop}. In cores: 1.0
 * is one core busy for the whole time. On a machine without {@code /proc} nothing is measured.
 */
final class CpuShares {

    /** The kernel's clock ticks per second for these counters (USER_HZ: 100 on Linux). */
    private static final double TICKS = 100.0;

    private final Map<String, Supplier<List<ProcessHandle>>> groups;
    private Map<String, Long> before;
    private long startedAt;

    CpuShares(Map<String, Supplier<List<ProcessHandle>>> groups) {
        this.groups = groups;
    }

    private long[] machineBefore;

    void start() {
        before = ticks();
        machineBefore = machine();
        startedAt = System.nanoTime();
    }

    /** Cores used by each group since {@link #start}, and by all of them together ("total"). */
    Map<String, Double> stop() {
        Map<String, Long> after = ticks();
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        Map<String, Double> cores = new LinkedHashMap<>();
        double total = 0;
        for (String group : groups.keySet()) {
            double used = (after.getOrDefault(group, 0L) - before.getOrDefault(group, 0L)) / TICKS / seconds;
            cores.put(group, used);
            total += used;
        }
        cores.put("total", total);
        long[] machineAfter = machine();
        if (machineBefore != null && machineAfter != null) {
            // the whole machine: what is not the stack's (other programs) shows as the difference from the total
            cores.put("machine", (machineAfter[0] - machineBefore[0]) / TICKS / seconds);
        }
        return cores;
    }

    /** The machine's busy ticks summed over its CPUs ({@code /proc/stat}: all but idle and iowait), or null. */
    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return new long[] { busy };
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The ticks of each group now. A process that ended in between loses its ticks (the groups are the long-lived
     * processes of the stack; PostgreSQL's backends live as long as their pooled connections).
     */
    private Map<String, Long> ticks() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        groups.forEach((group, processes) -> {
            long sum = 0;
            for (ProcessHandle process : processes.get()) {
                sum += ticks(process.pid());
            }
            ticks.put(group, sum);
        });
        return ticks;
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the fields after the command's closing parenthesis: state is the 3rd field, utime the 14th, stime the 15th
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** A process and all of its descendants, alive now. */
    static List<ProcessHandle> withDescendants(ProcessHandle process) {
        List<ProcessHandle> all = new java.util.ArrayList<>();
        all.add(process);
        process.descendants().forEach(all::add);
        return all;
    }

    /** The embedded PostgreSQL server of a data directory (its postmaster.pid) with its backends. */
    static List<ProcessHandle> postgres(Path dataDirectory) {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
            return ProcessHandle.of(pid).map(CpuShares::withDescendants).orElse(List.of());
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
