package no.mrs.devstack;

import com.nimbusds.jose.jwk.RSAKey;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The local OpenID Connect provider of {@code ./mrs up} and the tests: NAV's {@code mock-oauth2-server}, a real
 * implementation of discovery, authorization (with PKCE), token, JWKS, userinfo and end-session endpoints, with a
 * login page that lists the {@link DemoUsers}. LOCAL/TEST ONLY.
 *
 * <p>It signs with the committed LOCAL/TEST-ONLY key pair and names itself {@link DevTokens#ISSUER} in the tokens it
 * issues, with audience {@link DevTokens#AUDIENCE}: the services trust exactly one issuer, so a person's token from
 * this login and a system's token from {@code ./mrs token} are accepted alike, as in production where both come
 * from the agency's identity provider.
 */
public final class LocalOidcProvider implements AutoCloseable {

    /** The issuer id: discovery is at {@code <url>/.well-known/openid-configuration}. */
    public static final String ISSUER_ID = "mrs";
    /** The web app's client id at this provider (any secret is accepted). */
    public static final String CLIENT_ID = "mrs-web";
    public static final String CLIENT_SECRET = "local-test-only-secret";

    private final MockOAuth2Server server;
    private final int port;

    private LocalOidcProvider(MockOAuth2Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts the provider on the given port; the login page is written to {@code state/oidc-login.html}. */
    public static LocalOidcProvider start(int port, Path state) throws IOException {
        Files.createDirectories(state);
        Path loginPage = state.resolve("oidc-login.html");
        Files.writeString(loginPage, DemoUsers.loginPage(), StandardCharsets.UTF_8);
        OAuth2TokenCallback callback = new DefaultOAuth2TokenCallback(ISSUER_ID, "anonymous", "JWT",
                List.of(DevTokens.AUDIENCE), Map.of("iss", DevTokens.ISSUER), 3600);
        OAuth2Config config = new OAuth2Config(true, loginPage.toString(), null, false,
                new OAuth2TokenProvider(new KeyProvider(List.of(signingKey()), "RS256")), Set.of(callback),
                new NettyWrapper());
        MockOAuth2Server server = new MockOAuth2Server(config);
        server.start(InetAddress.getByName("0.0.0.0"), port);
        return new LocalOidcProvider(server, port);
    }

    /** The provider's base URL for the web app's {@code quarkus.oidc.auth-server-url}. */
    public String authServerUrl() {
        return "http://localhost:" + port + "/" + ISSUER_ID;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.shutdown();
    }

    /** The LOCAL/TEST-ONLY key pair as a JWK, its public half derived from the private key. */
    static RSAKey signingKey() {
        try (InputStream in = LocalOidcProvider.class.getClassLoader()
                .getResourceAsStream("mrs-dev-keys/local-test-only-private-key.pem")) {
            if (in == null) {
                throw new IllegalStateException("the dev key is not on the classpath");
            }
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) DevTokens.parsePkcs8(
                    new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(ISSUER_ID).build();
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Reading the dev key failed", e);
        }
    }
}
