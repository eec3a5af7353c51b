package no.mrs.reporting.projection;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Starts loading the read models as soon as Flyway has brought the schema up to date at start, instead of at the
 * StartupEvent: the rest of Quarkus's start (Hibernate, the Kafka channels, the HTTP server — 0.4–0.55 s on the
 * reference machine) then overlaps the load, which is what reporting-service's readiness waits for. Where Flyway
 * does not migrate at start, {@link ReadModels} starts the load at the StartupEvent as before. Only the first
 * migration of the process starts it (a later migrate, from a test, does nothing here).
 */
@Singleton
public class EarlyLoad implements FlywayConfigurationCustomizer {

    @Inject
    Instance<ReadModels> models;

    @Override
    public void customize(FluentConfiguration configuration) {
        java.util.List<Callback> callbacks = new java.util.ArrayList<>();
        if (configuration.getCallbacks() != null) {
            callbacks.addAll(java.util.Arrays.asList(configuration.getCallbacks()));
        }
        callbacks.add(new Callback() {
            @Override
            public boolean supports(Event event, Context context) {
                return event == Event.AFTER_MIGRATE;
            }

            @Override
            public boolean canHandleInTransaction(Event event, Context context) {
                return true;
            }

            @Override
            public void handle(Event event, Context context) {
                models.get().loadAtStart("after Flyway's migration");
            }

            @Override
            public String getCallbackName() {
                return "mrs-read-model-early-load";
            }
        });
        configuration.callbacks(callbacks.toArray(Callback[]::new));
    }
}
