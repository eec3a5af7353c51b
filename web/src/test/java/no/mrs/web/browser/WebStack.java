package no.mrs.web.browser;

import no.mrs.devstack.DemoSeeder;
import no.mrs.devstack.Stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What {@code ./mrs up} runs, once per test JVM and on ports of its own: PostgreSQL, a Kafka broker, the three
 * services, the local OpenID provider with the demo users and the packaged web app, with the demo data loaded
 * through the public APIs. Browser tests share it; each test makes the data it changes its own (its own unit,
 * indicator or year) so that the order of tests does not matter.
 */
public final class WebStack {

    /** Ports are the defaults of ./mrs up plus this offset (system property mrs.web-stack.port-offset). */
    private static final int PORT_OFFSET = Integer.getInteger("mrs.web-stack.port-offset", 23_000);
    private static Stack stack;

    private WebStack() {
    }

    public static synchronized Stack get() throws Exception {
        if (stack == null) {
            Path root = root();
            Path state = root.resolve("web/target/web-stack");
            deleteRecursively(state);
            Stack.Settings settings = Stack.Settings.offset(state, PORT_OFFSET)
                    .withWeb(no.mrs.devstack.WebApp.DEFAULT_PORT + PORT_OFFSET,
                            no.mrs.devstack.WebApp.DEFAULT_OIDC_PORT + PORT_OFFSET);
            // never closed here: the stack stops what it started when the test JVM ends (Stack.start)
            Stack started = Stack.start(root, settings, message -> System.out.println("[web-stack] " + message));
            new DemoSeeder(started.urls(), message -> System.out.println("[web-stack] " + message)).seed();
            stack = started;
        }
        return stack;
    }

    public static Path root() {
        return Path.of(System.getProperty("mrs.root", "..")).toAbsolutePath().normalize();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
