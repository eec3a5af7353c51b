package no.mrs.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The JDK the local stack runs its services on, and their ahead-of-time caches.
 *
 * <p>The services are built for Java 17 and run on any later JDK. On a JDK 25 or newer the stack gives each service
 * an AOT cache (JEP 483, 514, 515: classes loaded and linked, method profiles), made by a training start of the
 * service after each build and kept beside its packaged application
 * ({@code target/quarkus-app/mrs.aot}); later starts map it and reach readiness in about two thirds of the time.
 * Which JDK: {@code MRS_SERVICE_JAVA_HOME} when set; else the JDK running the stack when it is 25 or newer; else the
 * newest JDK 25+ installed beside it or under {@code /usr/lib/jvm}; else the JDK running the stack, without caches.
 * {@code MRS_SERVICE_AOT=off}: no caches, and the services on the JDK running the stack (or the one
 * {@code MRS_SERVICE_JAVA_HOME} names).
 */
public final class ServiceRuntime {

    /** The first JDK with the one-step AOT cache ({@code -XX:AOTCacheOutput}, JEP 514). */
    public static final int AOT_FEATURE = 25;

    static final String CACHE = "mrs.aot";
    private static final String CACHE_ID = CACHE + ".id";

    private final Path javaHome;
    private final int feature;
    private final boolean aot;

    ServiceRuntime(Path javaHome, int feature, boolean aot) {
        this.javaHome = javaHome;
        this.feature = feature;
        this.aot = aot;
    }

    /** From the environment and the JDKs installed on this machine. */
    public static ServiceRuntime detect() {
        return detect(System.getenv(), Path.of(System.getProperty("java.home")), List.of(Path.of("/usr/lib/jvm")));
    }

    static ServiceRuntime detect(Map<String, String> environment, Path current, List<Path> jdkDirectories) {
        int currentFeature = feature(current).orElse(Runtime.version().feature());
        boolean wanted = !"off".equalsIgnoreCase(environment.getOrDefault("MRS_SERVICE_AOT", "on").trim());
        String explicit = environment.get("MRS_SERVICE_JAVA_HOME");
        if (explicit != null && !explicit.isBlank()) {
            Path home = Path.of(explicit.trim());
            int explicitFeature = feature(home).filter(f -> Files.isExecutable(java(home))).orElseThrow(() ->
                    new IllegalStateException("MRS_SERVICE_JAVA_HOME=" + explicit + " is not a JDK (no bin/java, or no"
                            + " release file with JAVA_VERSION)"));
            return new ServiceRuntime(home, explicitFeature, wanted && explicitFeature >= AOT_FEATURE);
        }
        if (!wanted || currentFeature >= AOT_FEATURE) {
            return new ServiceRuntime(current, currentFeature, wanted);
        }
        List<Path> searched = new ArrayList<>(jdkDirectories);
        if (current.getParent() != null) {
            searched.add(current.getParent());
        }
        record Candidate(Path home, int feature) {
        }
        Optional<Candidate> newest = searched.stream().distinct().filter(Files::isDirectory)
                .flatMap(ServiceRuntime::children)
                .filter(home -> Files.isExecutable(java(home)))
                .flatMap(home -> feature(home).filter(f -> f >= AOT_FEATURE).map(f -> new Candidate(home, f)).stream())
                .max(Comparator.comparingInt(Candidate::feature).thenComparing(c -> c.home().toString()));
        return newest.map(c -> new ServiceRuntime(c.home(), c.feature(), true))
                .orElseGet(() -> new ServiceRuntime(current, currentFeature, false));
    }

    private static Stream<Path> children(Path directory) {
        try (Stream<Path> list = Files.list(directory)) {
            return list.sorted().toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    /** The feature version from a JDK's {@code release} file ({@code JAVA_VERSION="25.0.3"}; "1.8.0" is 8). */
    static Optional<Integer> feature(Path javaHome) {
        Path release = javaHome.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "").trim();
                    if (version.startsWith("1.")) {
                        version = version.substring(2);
                    }
                    int end = 0;
                    while (end < version.length() && Character.isDigit(version.charAt(end))) {
                        end++;
                    }
                    return end == 0 ? Optional.empty() : Optional.of(Integer.parseInt(version.substring(0, end)));
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Path java(Path home) {
        return home.resolve("bin").resolve("java");
    }

    /** The {@code java} executable for the services. */
    public Path java() {
        return java(javaHome);
    }

    public Path javaHome() {
        return javaHome;
    }

    /** The JDK's feature version (17, 21, 25…). */
    public int feature() {
        return feature;
    }

    /** Whether services get AOT caches. */
    public boolean aot() {
        return aot;
    }

    /** The first JDK with compact object headers as a product option (JEP 519). */
    public static final int COMPACT_HEADERS_FEATURE = 25;

    /**
     * The JVM options every start of a service on this JDK gets, before the stack's own: on a JDK 25 or newer compact
     * object headers (JEP 519: an object's header in 8 bytes instead of 12), since reporting-service's read models are
     * millions of small objects — a result's figure, its map entry — and a rebuild holds two models in its heap.
     * Part of what an AOT cache is valid for ({@link #identity}): a cache made with other headers is not used.
     */
    public List<String> runtimeOptions() {
        return feature >= COMPACT_HEADERS_FEATURE ? List.of("-XX:+UseCompactObjectHeaders") : List.of();
    }

    /** The cache of the packaged application {@code jar} (whether it exists or not). */
    public static Path cache(Path jar) {
        return jar.getParent().resolve(CACHE);
    }

    /** Whether the application needs a training start: caches are on and its cache is missing or stale. */
    public boolean needsTraining(Path jar, List<String> jvmOptions) {
        // an application not built yet: its start says so
        return aot && Files.isRegularFile(jar) && !identity(jar, jvmOptions).equals(readId(jar));
    }

    /** The options that make a service use its cache: none when it has no current one. */
    public List<String> useOptions(Path jar, List<String> jvmOptions) {
        if (!aot || !Files.isRegularFile(cache(jar)) || needsTraining(jar, jvmOptions)) {
            return List.of();
        }
        return List.of("-XX:AOTCache=" + cache(jar));
    }

    /** Where a training start writes its cache (a file of its own, moved into place by {@link #keep}). */
    public Path trainingOutput(Path jar) {
        return jar.getParent().resolve(CACHE + "." + ProcessHandle.current().pid() + ".training");
    }

    /** The options of a training start that writes to {@code output} when the process exits. */
    public List<String> trainingOptions(Path output) {
        return List.of("-XX:AOTCacheOutput=" + output);
    }

    /**
     * Puts the cache a training start wrote in place, with the identity of what it was made for; false when the
     * training wrote none (its log says why).
     */
    public boolean keep(Path jar, Path output, List<String> jvmOptions) {
        if (!Files.isRegularFile(output)) {
            return false;
        }
        try {
            Files.move(output, cache(jar), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(jar.getParent().resolve(CACHE_ID), identity(jar, jvmOptions), StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readId(Path jar) {
        Path id = jar.getParent().resolve(CACHE_ID);
        try {
            return Files.isRegularFile(id) ? Files.readString(id, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * What a cache is valid for: this JDK, the services' JVM options, and every file of the packaged application
     * (path, size, modification time) — a rebuild makes a new one.
     */
    String identity(Path jar, List<String> jvmOptions) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((javaHome.toAbsolutePath() + "\n" + release(javaHome) + "\n"
                    + String.join(" ", runtimeOptions()) + "\n" + String.join(" ", jvmOptions) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            Path app = jar.getParent();
            List<Path> files;
            try (Stream<Path> walk = Files.walk(app)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(file -> !app.relativize(file).toString().startsWith(CACHE))
                        .sorted().toList();
            }
            for (Path file : files) {
                digest.update((app.relativize(file) + " " + Files.size(file) + " "
                        + Files.getLastModifiedTime(file).toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String release(Path javaHome) throws IOException {
        Path release = javaHome.resolve("release");
        return Files.isRegularFile(release) ? Files.readString(release, StandardCharsets.UTF_8) : "";
    }

    @Override
    public String toString() {
        return "JDK " + feature + " (" + javaHome + ")" + (aot ? " with AOT caches" : "");
    }
}
