package no.mrs.web.session;

import io.agroal.api.AgroalDataSource;
import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TokenStateManager;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;

/**
 * Keeps a logged-in person's ID, access and refresh tokens in the web app's own database; the session cookie holds
 * only a random, unguessable id. The browser never sees a token (backend-for-frontend), and several replicas of the
 * web app share the sessions. Rows live as long as the session cookie may, and expired rows are purged.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class ServerSideTokenStateManager implements TokenStateManager {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SessionConfig config;

    @Override
    public Uni<String> createTokenState(RoutingContext routingContext, OidcTenantConfig oidcConfig,
            AuthorizationCodeTokens tokens, OidcRequestContext<String> requestContext) {
        return requestContext.runBlocking(() -> {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement insert = connection.prepareStatement("""
                            INSERT INTO web_session (id, id_token, access_token, refresh_token, access_token_expires_in,
                                                     access_token_scope, expires_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setString(1, id);
                insert.setString(2, tokens.getIdToken());
                insert.setString(3, tokens.getAccessToken());
                insert.setString(4, tokens.getRefreshToken());
                if (tokens.getAccessTokenExpiresIn() == null) {
                    insert.setNull(5, java.sql.Types.BIGINT);
                } else {
                    insert.setLong(5, tokens.getAccessTokenExpiresIn());
                }
                insert.setString(6, tokens.getAccessTokenScope());
                insert.setTimestamp(7, Timestamp.from(Instant.now().plus(config.maxAge())));
                insert.executeUpdate();
                return id;
            } catch (SQLException e) {
                throw new IllegalStateException("Saving the session failed", e);
            }
        });
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(RoutingContext routingContext, OidcTenantConfig oidcConfig,
            String tokenState, OidcRequestContext<AuthorizationCodeTokens> requestContext) {
        return requestContext.runBlocking(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement select = connection.prepareStatement("""
                            SELECT id_token, access_token, refresh_token, access_token_expires_in, access_token_scope
                              FROM web_session WHERE id = ? AND expires_at > now()""")) {
                select.setString(1, tokenState);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        // unknown, expired or logged out: the person is sent to the login again (499 for the front end)
                        throw new AuthenticationFailedException("no such session");
                    }
                    long expiresIn = row.getLong(4);
                    return new AuthorizationCodeTokens(row.getString(1), row.getString(2), row.getString(3),
                            row.wasNull() ? null : expiresIn, row.getString(5));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Reading the session failed", e);
            }
        });
    }

    @Override
    public Uni<Void> deleteTokens(RoutingContext routingContext, OidcTenantConfig oidcConfig, String tokenState,
            OidcRequestContext<Void> requestContext) {
        return requestContext.runBlocking(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement delete = connection.prepareStatement("DELETE FROM web_session WHERE id = ?")) {
                delete.setString(1, tokenState);
                delete.executeUpdate();
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException("Deleting the session failed", e);
            }
        });
    }

    /** Sessions whose cookie can no longer be valid are removed. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM web_session WHERE expires_at <= now()")) {
            delete.executeUpdate();
        }
    }
}
