package no.mrs.devstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The entry point of {@code ./mrs}: {@code up} runs the whole suite locally, {@code token} prints a dev token. */
public final class Mrs {

    private Mrs() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("mrs.root", ".")).toAbsolutePath().normalize();
        String command = args.length == 0 ? "help" : args[0];
        Options options = Options.parse(Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
        int exit = switch (command) {
            case "up" -> new LocalStack(root, options).run();
            case "token" -> token(options);
            case "bench" -> bench(root, options);
            case "chaos" -> chaos(root, options);
            default -> usage();
        };
        System.exit(exit);
    }

    private static int token(Options options) {
        List<String> roles = options.list("roles");
        List<String> units = options.list("units");
        if (roles.isEmpty()) {
            System.err.println("./mrs token needs --roles (directorate, leader, employee, reporter, viewer; operator)");
            return 2;
        }
        String subject = options.value("subject", String.join("+", roles) + "@" + String.join("+", units));
        long hours = Long.parseLong(options.value("hours", "12"));
        System.out.println("# LOCAL/TEST-ONLY token: roles " + roles + ", units " + units + ", valid " + hours + " h");
        System.out.println(DevTokens.token().subject(subject).roles(roles).units(units)
                .expiresIn(java.time.Duration.ofHours(hours)).sign());
        return 0;
    }

    private static int bench(Path root, Options options) throws Exception {
        // its own state and ports, so that it runs beside ./mrs up
        Path state = root.resolve(".mrs/bench");
        Leftovers.stop(state, m -> System.out.println("[mrs] " + m));
        LocalStack.deleteRecursively(state);
        Stack.Settings settings = Stack.Settings.offset(state, 10_000);
        if (!LocalStack.preflight(root, settings)) {
            return 3;
        }
        return new no.mrs.devstack.bench.Bench(root, options.flag("quick"), m -> {
            System.out.println("[mrs] " + m);
            System.out.flush();
        }).run(settings);
    }

    private static int chaos(Path root, Options options) throws Exception {
        Path state = root.resolve(".mrs/chaos");
        Leftovers.stop(state, m -> System.out.println("[mrs] " + m));
        LocalStack.deleteRecursively(state);
        Stack.Settings settings = Stack.Settings.offset(state, 20_000);
        if (!LocalStack.preflight(root, settings)) {
            return 3;
        }
        var outcomes = new no.mrs.devstack.chaos.Chaos(root, options.flag("quick"), m -> {
            System.out.println("[mrs] " + m);
            System.out.flush();
        }).run(settings);
        return outcomes.stream().allMatch(no.mrs.devstack.chaos.Chaos.Outcome::passed) ? 0 : 1;
    }

    private static int usage() {
        System.out.println("""
                Usage:
                  ./mrs up [--fresh] [--no-demo] [--no-web] [--state DIR]
                      Runs PostgreSQL, Kafka and the three services locally, loads the demo data through the
                      public APIs, prints the URLs and a viewer token. Ctrl-C stops everything. What an
                      ./mrs up that was killed (kill -9, a closed terminal) left running is stopped first.
                      --fresh     start from empty state (removes .mrs/)
                      --no-demo   do not load the demo data
                      --no-web    the services only: no web app, no local OpenID provider
                      --state DIR where the state lives (default .mrs, relative to the repository)
                      Ports (flag or environment variable, default):
                        --goal-port MRS_GOAL_PORT 8081        --result-port MRS_RESULT_PORT 8082
                        --reporting-port MRS_REPORTING_PORT 8083
                        --kafka-port MRS_KAFKA_PORT 9092      --kafka-controller-port MRS_KAFKA_CONTROLLER_PORT 9093
                        --pg-port MRS_PG_PORT 5433
                        --web-port MRS_WEB_PORT 8080          --oidc-port MRS_OIDC_PORT 8090 (local OpenID provider)
                      A local PostgreSQL server instead of the embedded one:
                        MRS_PG_URL=jdbc:postgresql://localhost:5432/postgres MRS_PG_USER=... MRS_PG_PASSWORD=...
                      The services run on a JDK 25+ when one is found (MRS_SERVICE_JAVA_HOME, else /usr/lib/jvm),
                      with AOT caches made by a training start after each build; MRS_SERVICE_AOT=off: without.
                  ./mrs bench [--quick]
                      Starts its own stack (state in .mrs/bench, ports 18081-18083, 19092, 15433), loads a
                      NAV-scale dataset through the APIs, runs the scenarios of docs/PERFORMANCE.md with
                      their baselines and writes target/bench/report.json. --quick: small, under 3 minutes.
                  ./mrs chaos [--quick]
                      Fault injection on its own stack (state in .mrs/chaos, ports 28081-28083, 29092,
                      25433): kill -9 of the ingester and the projector, a broker outage, a database
                      restart, concurrent writers, poison records; prints what went in and came out.
                  ./mrs token --roles directorate,leader --units 0000,0300 [--subject name] [--hours 12]
                      Prints a LOCAL/TEST-ONLY signed JWT (alone on the last line) that ./mrs up accepts.
                      Roles: directorate, leader, employee, reporter, viewer; operator (reporting-service's
                      /api/admin: rebuilds, checksum), e.g. ./mrs token --roles operator
                """);
        return 2;
    }
}
