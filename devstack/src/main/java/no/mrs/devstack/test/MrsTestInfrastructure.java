package no.mrs.devstack.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * The Quarkus test resource of every MRS service: a fresh database of its own on the shared real PostgreSQL and
 * the shared real Kafka broker (see {@link TestInfrastructure} for how to point it elsewhere). Init argument
 * {@code database}: the prefix of the database name.
 */
public class MrsTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    private String prefix = "mrs";

    @Override
    public void init(Map<String, String> initArgs) {
        prefix = initArgs.getOrDefault("database", prefix);
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", infrastructure.newDatabase(prefix));
        config.put("quarkus.datasource.username", infrastructure.postgres().user());
        config.put("quarkus.datasource.password", infrastructure.postgres().password());
        config.put("kafka.bootstrap.servers", infrastructure.bootstrapServers());
        return config;
    }

    @Override
    public void stop() {
        // the infrastructure is shared by the whole test JVM and stops with it
    }
}
