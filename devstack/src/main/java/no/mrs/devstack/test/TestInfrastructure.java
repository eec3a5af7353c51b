package no.mrs.devstack.test;

import no.mrs.devstack.InJvmKafka;
import no.mrs.devstack.Postgres;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real PostgreSQL and Kafka broker of one test JVM, started on first use and stopped when the JVM exits.
 *
 * <p>Which infrastructure, chosen by environment variables:
 * <ul>
 * <li>default: an embedded PostgreSQL and an in-JVM Kafka broker (no Docker needed);</li>
 * <li>{@code MRS_TEST_JDBC_URL} (+ {@code MRS_TEST_JDBC_USERNAME}, {@code MRS_TEST_JDBC_PASSWORD}): an existing
 * PostgreSQL; the URL names a database from which the tests may create their own databases;</li>
 * <li>{@code MRS_TEST_KAFKA_BOOTSTRAP_SERVERS}: an existing Kafka cluster;</li>
 * <li>{@code MRS_TEST_INFRA=testcontainers}: PostgreSQL and Kafka containers (needs a Docker engine).</li>
 * </ul>
 */
public final class TestInfrastructure {

    private static TestInfrastructure shared;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Postgres postgres;
    private final String bootstrapServers;

    private TestInfrastructure(Postgres postgres, String bootstrapServers) {
        this.postgres = postgres;
        this.bootstrapServers = bootstrapServers;
    }

    public static synchronized TestInfrastructure shared() {
        if (shared == null) {
            try {
                shared = start();
            } catch (Exception e) {
                throw new IllegalStateException("Starting the test infrastructure failed", e);
            }
        }
        return shared;
    }

    private static TestInfrastructure start() throws Exception {
        if ("testcontainers".equalsIgnoreCase(System.getenv("MRS_TEST_INFRA"))) {
            return Containers.start();
        }
        String jdbcUrl = System.getenv("MRS_TEST_JDBC_URL");
        Postgres postgres = jdbcUrl != null && !jdbcUrl.isBlank()
                ? Postgres.external(jdbcUrl, env("MRS_TEST_JDBC_USERNAME", "postgres"), env("MRS_TEST_JDBC_PASSWORD", ""))
                : Postgres.embedded(0, null, Map.of("fsync", "off", "synchronous_commit", "off"));
        String bootstrap = System.getenv("MRS_TEST_KAFKA_BOOTSTRAP_SERVERS");
        InJvmKafka kafka = null;
        if (bootstrap == null || bootstrap.isBlank()) {
            kafka = InJvmKafka.start();
            bootstrap = kafka.bootstrapServers();
        }
        InJvmKafka toClose = kafka;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (toClose != null) {
                    toClose.close();
                }
                postgres.close();
            } catch (Exception e) {
                // the JVM is going away; nothing more to do
            }
        }, "mrs-test-infrastructure-stop"));
        return new TestInfrastructure(postgres, bootstrap);
    }

    static TestInfrastructure of(Postgres postgres, String bootstrapServers) {
        return new TestInfrastructure(postgres, bootstrapServers);
    }

    public Postgres postgres() {
        return postgres;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** A new, empty database whose name starts with the prefix; returns its JDBC URL. */
    public String newDatabase(String prefix) {
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try {
            postgres.ensureDatabase(name);
        } catch (Exception e) {
            throw new IllegalStateException("Creating database " + name + " failed", e);
        }
        return postgres.jdbcUrl(name);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
