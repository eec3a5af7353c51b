package no.mrs.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The web app ({@code web/}) as a process: profile {@code local}, logging in through the local OpenID provider. */
public final class WebApp {

    public static final String ID = "web";
    public static final String DATABASE = "web";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_OIDC_PORT = 8090;

    private WebApp() {
    }

    public static Path jar(Path root) {
        return root.resolve("web/target/quarkus-app/quarkus-run.jar");
    }

    public static ManagedProcess start(Path root, int port, String jdbcUrl, String user, String password,
            String authServerUrl, Stack.Urls services, Path log, List<String> extraJvmOptions) throws IOException {
        return ManagedProcess.startQuarkusApp(ID, jar(root), port, Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                "QUARKUS_DATASOURCE_USERNAME", user,
                "QUARKUS_DATASOURCE_PASSWORD", password,
                "MRS_OIDC_AUTH_SERVER_URL", authServerUrl,
                "MRS_GOAL_SERVICE_URL", services.goal(),
                "MRS_RESULT_SERVICE_URL", services.result(),
                "MRS_REPORTING_SERVICE_URL", services.reporting()), log, extraJvmOptions);
    }
}
