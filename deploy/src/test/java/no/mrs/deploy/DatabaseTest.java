package no.mrs.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import no.mrs.deploy.support.Manifests;
import no.mrs.deploy.support.Overlay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One CloudNativePG cluster per service and one for the web app; in production replicated and backed up. */
class DatabaseTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void eachServiceAndTheWebAppHasItsOwnDatabase(Overlay overlay) {
        Manifests manifests = overlay.render();

        assertThat(manifests.ofKind("Cluster")).extracting(Manifests::name)
                .containsExactlyInAnyOrder("goal-db", "result-db", "reporting-db", "web-db");
        for (String name : List.of("goal", "result", "reporting", "web")) {
            JsonNode initdb = manifests.named("Cluster", name + "-db").at("/spec/bootstrap/initdb");
            assertThat(initdb.path("database").asText()).isEqualTo(name);
            assertThat(initdb.path("owner").asText()).isEqualTo(name);
            // bytewise text order, as the services' local and test databases are made (devstack's Postgres)
            assertThat(initdb.path("localeCollate").asText()).isEqualTo("C");
            assertThat(initdb.path("localeCType").asText()).isEqualTo("C");
        }
    }

    @Test
    void inDevelopmentEachDatabaseIsOneSmallInstance() {
        for (JsonNode cluster : Overlay.DEV.render().ofKind("Cluster")) {
            assertThat(cluster.at("/spec/instances").asInt()).as(Manifests.name(cluster)).isEqualTo(1);
            assertThat(cluster.at("/spec/storage/size").asText()).as(Manifests.name(cluster)).isEqualTo("1Gi");
        }
    }

    @Test
    void inProductionEachDatabaseHasThreeInstancesAndNightlyBackupsToAnObjectStore() {
        Manifests prod = Overlay.PROD.render();

        for (JsonNode cluster : prod.ofKind("Cluster")) {
            String name = Manifests.name(cluster);
            assertThat(cluster.at("/spec/instances").asInt()).as(name).isEqualTo(3);
            JsonNode store = cluster.at("/spec/backup/barmanObjectStore");
            assertThat(store.path("destinationPath").asText()).as(name).startsWith("s3://");
            assertThat(store.at("/s3Credentials/accessKeyId/name").asText()).as(name).isNotBlank();
            assertThat(store.at("/s3Credentials/secretAccessKey/name").asText()).as(name).isNotBlank();
            assertThat(prod.ofKind("ScheduledBackup"))
                    .as("a ScheduledBackup of " + name)
                    .anySatisfy(backup -> assertThat(backup.at("/spec/cluster/name").asText()).isEqualTo(name));
        }
    }
}
