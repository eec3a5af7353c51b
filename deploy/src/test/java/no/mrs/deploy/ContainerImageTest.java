package no.mrs.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import no.mrs.deploy.support.Paths;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The services' JVM images follow the Quarkus fast-jar convention the manifests rely on. */
class ContainerImageTest {

    @ParameterizedTest
    @ValueSource(strings = {"goal-service", "result-service", "reporting-service", "web"})
    void eachServiceHasAJvmDockerfileInTheQuarkusLayout(String service) throws Exception {
        Path dockerfile = Paths.serviceDir(service).resolve("src/main/docker/Dockerfile.jvm");

        assertThat(dockerfile).isRegularFile();
        String text = Files.readString(dockerfile);
        assertThat(text)
                .contains("FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:")
                .contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/")
                .contains("COPY --chown=185 target/quarkus-app/*.jar /deployments/")
                .contains("COPY --chown=185 target/quarkus-app/app/ /deployments/app/")
                .contains("COPY --chown=185 target/quarkus-app/quarkus/ /deployments/quarkus/")
                .contains("EXPOSE 8080")
                .contains("USER 185")
                .contains("ENV JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"")
                .contains("ENTRYPOINT [ \"/opt/jboss/container/java/run/run-java.sh\" ]");
    }
}
