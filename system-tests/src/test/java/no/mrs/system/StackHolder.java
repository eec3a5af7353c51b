package no.mrs.system;

import no.mrs.devstack.Stack;

import java.nio.file.Path;

/**
 * A JVM that starts a stack (no web app) on the given state directory and port offset, says so, and waits to be
 * ended: for {@link StackExitIT}, which ends it as an operator or a terminal would.
 */
public final class StackHolder {

    private StackHolder() {
    }

    /** Arguments: the repository's root, the state directory, the port offset. */
    public static void main(String[] args) throws Exception {
        Stack.start(Path.of(args[0]), Stack.Settings.offset(Path.of(args[1]), Integer.parseInt(args[2])),
                message -> System.out.println("[stack-holder] " + message));
        System.out.println("STACK READY");
        Thread.sleep(Long.MAX_VALUE);
    }
}
