package no.mrs.devstack.test;

import no.mrs.devstack.Postgres;

/**
 * Optional: PostgreSQL and Kafka in containers, when {@code MRS_TEST_INFRA=testcontainers} is set and a Docker
 * engine is present. The Testcontainers modules are optional dependencies of mrs-devstack; add them to the test
 * classpath to use this. The default path never needs Docker.
 */
final class Containers {

    private Containers() {
    }

    static TestInfrastructure start() {
        try {
            var pg = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:16-alpine");
            pg.start();
            var kafka = new org.testcontainers.kafka.KafkaContainer("apache/kafka:4.1.0");
            kafka.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.stop();
                pg.stop();
            }));
            return TestInfrastructure.of(Postgres.external(pg.getJdbcUrl(), pg.getUsername(), pg.getPassword()),
                    kafka.getBootstrapServers());
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("MRS_TEST_INFRA=testcontainers needs org.testcontainers:testcontainers-"
                    + "postgresql and testcontainers-kafka on the test classpath", e);
        }
    }
}
