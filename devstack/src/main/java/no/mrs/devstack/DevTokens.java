package no.mrs.devstack;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Signs tokens with the LOCAL/TEST-ONLY key pair committed in this repository ({@code mrs-dev-keys/}). The
 * services trust its public half only in the {@code local}, {@code dev} and {@code test} profiles; production
 * verifies tokens with the real issuer's key. Never use these tokens or this key anywhere else.
 */
public final class DevTokens {

    public static final String ISSUER = "https://mrs.local/dev-issuer";
    public static final String AUDIENCE = "mrs";
    private static final String KEY_RESOURCE = "mrs-dev-keys/local-test-only-private-key.pem";

    private static volatile PrivateKey devKey;

    private String subject = "dev-user";
    private List<String> roles = List.of();
    private List<String> units = List.of();
    private boolean withUnits = true;
    private Duration expiresIn = Duration.ofHours(12);
    private String issuer = ISSUER;
    private String audience = AUDIENCE;
    private PrivateKey key;

    private DevTokens() {
    }

    /** A token builder; {@link #sign()} signs with the local/test key unless told otherwise. */
    public static DevTokens token() {
        return new DevTokens();
    }

    /** Shorthand: a token for the given roles and units, subject derived from them. */
    public static String issue(List<String> roles, List<String> units) {
        return token().roles(roles).units(units).subject(String.join("+", roles) + "@" + String.join("+", units))
                .sign();
    }

    public DevTokens subject(String value) {
        this.subject = value;
        return this;
    }

    public DevTokens roles(List<String> value) {
        this.roles = List.copyOf(value);
        return this;
    }

    public DevTokens roles(String... value) {
        return roles(List.of(value));
    }

    public DevTokens units(List<String> value) {
        this.units = List.copyOf(value);
        return this;
    }

    public DevTokens units(String... value) {
        return units(List.of(value));
    }

    /** Leaves the units claim out altogether. */
    public DevTokens withoutUnitsClaim() {
        this.withUnits = false;
        return this;
    }

    /** A negative duration gives an expired token. */
    public DevTokens expiresIn(Duration value) {
        this.expiresIn = value;
        return this;
    }

    public DevTokens issuer(String value) {
        this.issuer = value;
        return this;
    }

    public DevTokens audience(String value) {
        this.audience = value;
        return this;
    }

    public DevTokens signedWith(PrivateKey value) {
        this.key = value;
        return this;
    }

    public String sign() {
        try {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(issuer);
            claims.setAudience(audience);
            claims.setSubject(subject);
            claims.setClaim("upn", subject);
            claims.setGeneratedJwtId();
            long now = System.currentTimeMillis() / 1000;
            claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(Math.min(now, now + expiresIn.toSeconds() - 60)));
            claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(now + expiresIn.toSeconds()));
            claims.setStringListClaim("groups", roles);
            if (withUnits) {
                claims.setStringListClaim("units", units);
            }
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key != null ? key : devKey());
            jws.setKeyIdHeaderValue("mrs-local-test-only");
            jws.setHeader("typ", "JWT");
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Signing a dev token failed", e);
        }
    }

    static PrivateKey devKey() {
        if (devKey == null) {
            try (InputStream in = DevTokens.class.getClassLoader().getResourceAsStream(KEY_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(KEY_RESOURCE + " is not on the classpath");
                }
                devKey = parsePkcs8(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new IllegalStateException("Reading the dev key failed", e);
            }
        }
        return devKey;
    }

    static PrivateKey parsePkcs8(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not a PKCS#8 RSA private key", e);
        }
    }
}
