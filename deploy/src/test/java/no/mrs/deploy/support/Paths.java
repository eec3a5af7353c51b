package no.mrs.deploy.support;

import java.nio.file.Path;

/** Where the deploy module and the services' sources are, however the tests are started. */
public final class Paths {

    private Paths() {
    }

    public static Path deployDir() {
        return Path.of(System.getProperty("mrs.deploy.dir", ".")).toAbsolutePath().normalize();
    }

    public static Path repositoryRoot() {
        return deployDir().getParent();
    }

    public static Path serviceDir(String service) {
        return repositoryRoot().resolve(service);
    }
}
