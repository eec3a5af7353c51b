package no.mrs.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which JDK the services run on, and when their AOT caches are made, used and made again. */
class ServiceRuntimeTest {

    @TempDir
    Path dir;

    private Path jdk(String name, String version) throws IOException {
        Path home = dir.resolve("jvm").resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        if (version != null) {
            Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        }
        return home;
    }

    @Test
    void theNewestJdkFromTwentyFiveOnIsChosenBesideAnOlderOne() throws IOException {
        Path current = jdk("jdk-17", "17.0.9");
        jdk("temurin-25-jdk", "25.0.3");
        Path newest = jdk("jdk-26", "26");
        jdk("no-release", null);
        ServiceRuntime runtime = ServiceRuntime.detect(Map.of(), current, List.of());
        assertThat(runtime.javaHome()).isEqualTo(newest);
        assertThat(runtime.feature()).isEqualTo(26);
        assertThat(runtime.aot()).isTrue();
        assertThat(runtime.java()).isEqualTo(newest.resolve("bin/java"));
    }

    @Test
    void withoutAJdkTwentyFiveTheCurrentOneRunsTheServicesWithoutCaches() throws IOException {
        Path current = jdk("jdk-17", "17.0.9");
        jdk("jdk-21", "21.0.2");
        ServiceRuntime runtime = ServiceRuntime.detect(Map.of(), current, List.of(dir.resolve("elsewhere")));
        assertThat(runtime.javaHome()).isEqualTo(current);
        assertThat(runtime.feature()).isEqualTo(17);
        assertThat(runtime.aot()).isFalse();
    }

    @Test
    void aCurrentJdkTwentyFiveIsKeptAndTheEnvironmentDecides() throws IOException {
        Path current = jdk("jdk-25", "25.0.1");
        Path old = jdk("jdk-8", "1.8.0_392");
        assertThat(ServiceRuntime.detect(Map.of(), current, List.of()).javaHome()).isEqualTo(current);
        assertThat(ServiceRuntime.detect(Map.of("MRS_SERVICE_AOT", "off"), current, List.of()).aot()).isFalse();

        ServiceRuntime explicit = ServiceRuntime.detect(Map.of("MRS_SERVICE_JAVA_HOME", old.toString()), current,
                List.of());
        assertThat(explicit.javaHome()).isEqualTo(old);
        assertThat(explicit.feature()).isEqualTo(8);
        assertThat(explicit.aot()).isFalse();

        Path notAJdk = Files.createDirectories(dir.resolve("not-a-jdk"));
        assertThatThrownBy(() -> ServiceRuntime.detect(Map.of("MRS_SERVICE_JAVA_HOME", notAJdk.toString()), current,
                List.of())).isInstanceOf(IllegalStateException.class).hasMessageContaining("MRS_SERVICE_JAVA_HOME");
    }

    @Test
    void offKeepsTheServicesOnTheCurrentJdkEvenWhenANewerOneIsInstalled() throws IOException {
        Path current = jdk("jdk-17", "17.0.9");
        jdk("jdk-25", "25.0.3");
        ServiceRuntime runtime = ServiceRuntime.detect(Map.of("MRS_SERVICE_AOT", "OFF"), current, List.of());
        assertThat(runtime.javaHome()).isEqualTo(current);
        assertThat(runtime.aot()).isFalse();
        assertThat(runtime.needsTraining(dir.resolve("any/quarkus-run.jar"), List.of())).isFalse();
    }

    @Test
    void aCacheIsUsedUntilTheApplicationOrTheOptionsChange() throws IOException {
        ServiceRuntime runtime = new ServiceRuntime(jdk("jdk-25", "25.0.3"), 25, true);
        Path app = Files.createDirectories(dir.resolve("quarkus-app/lib/main"));
        Path jar = Files.writeString(dir.resolve("quarkus-app/quarkus-run.jar"), "jar");
        Path library = Files.writeString(app.resolve("a.jar"), "library");
        List<String> options = List.of("-Dx=1");

        assertThat(runtime.needsTraining(dir.resolve("not-built/quarkus-app/quarkus-run.jar"), options))
                .as("an application not built yet is not trained").isFalse();
        assertThat(runtime.needsTraining(jar, options)).isTrue();
        assertThat(runtime.useOptions(jar, options)).isEmpty();
        Path output = runtime.trainingOutput(jar);
        assertThat(runtime.trainingOptions(output)).containsExactly("-XX:AOTCacheOutput=" + output);
        assertThat(runtime.keep(jar, output, options)).as("no cache written, none kept").isFalse();

        Files.writeString(output, "cache");
        assertThat(runtime.keep(jar, output, options)).isTrue();
        assertThat(output).doesNotExist();
        assertThat(ServiceRuntime.cache(jar)).hasContent("cache");
        assertThat(runtime.needsTraining(jar, options)).isFalse();
        assertThat(runtime.useOptions(jar, options)).containsExactly("-XX:AOTCache=" + ServiceRuntime.cache(jar));

        assertThat(runtime.needsTraining(jar, List.of("-Dx=2"))).as("other JVM options").isTrue();
        assertThat(runtime.useOptions(jar, List.of("-Dx=2"))).isEmpty();

        Files.setLastModifiedTime(library, FileTime.fromMillis(Files.getLastModifiedTime(library).toMillis() + 2_000));
        assertThat(runtime.needsTraining(jar, options)).as("a rebuilt library").isTrue();
        assertThat(runtime.useOptions(jar, options)).isEmpty();

        Files.writeString(runtime.trainingOutput(jar), "cache 2");
        runtime.keep(jar, runtime.trainingOutput(jar), options);
        assertThat(runtime.needsTraining(jar, options)).isFalse();
        Files.delete(ServiceRuntime.cache(jar));
        assertThat(runtime.useOptions(jar, options)).as("the cache removed by hand").isEmpty();
    }

    @Test
    void theFeatureVersionIsReadFromTheReleaseFile() throws IOException {
        assertThat(ServiceRuntime.feature(jdk("a", "21.0.2"))).contains(21);
        assertThat(ServiceRuntime.feature(jdk("b", "1.8.0_392"))).contains(8);
        assertThat(ServiceRuntime.feature(jdk("c", "26-ea"))).contains(26);
        assertThat(ServiceRuntime.feature(jdk("d", "x"))).isEmpty();
        assertThat(ServiceRuntime.feature(jdk("e", null))).isEmpty();
    }

    @Test
    void servicesOnJdkTwentyFiveGetCompactObjectHeadersAndOlderOnesNothing() throws IOException {
        assertThat(new ServiceRuntime(jdk("jdk-25", "25.0.3"), 25, true).runtimeOptions())
                .containsExactly("-XX:+UseCompactObjectHeaders");
        assertThat(new ServiceRuntime(jdk("jdk-26", "26"), 26, false).runtimeOptions())
                .containsExactly("-XX:+UseCompactObjectHeaders");
        assertThat(new ServiceRuntime(jdk("jdk-21", "21.0.2"), 21, false).runtimeOptions()).isEmpty();
        assertThat(new ServiceRuntime(jdk("jdk-17", "17.0.9"), 17, false).runtimeOptions()).isEmpty();
    }
}
