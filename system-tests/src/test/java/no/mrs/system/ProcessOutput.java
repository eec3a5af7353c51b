package no.mrs.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The output of a process that a system test starts, written to a log file. */
final class ProcessOutput {

    private ProcessOutput() {
    }

    /** Until the log holds {@code marker}; fails at once when the process exits, and after six minutes. */
    static void await(Process process, Path log, String marker, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
        while (true) {
            String output = Files.exists(log) ? Files.readString(log) : "";
            if (output.contains(marker)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError(what + " exited with " + process.exitValue() + ":\n" + output);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " was not ready within 6 minutes:\n" + output);
            }
            Thread.sleep(500);
        }
    }
}
