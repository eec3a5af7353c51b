package no.mrs.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cache of verified tokens in front of SmallRye JWT's real verifier (an RSA key pair made for the test): a
 * cached token gives the same principal, roles and units without being verified again; it is never served on or
 * after its expiry; tampered tokens and failures are never cached; the cache stays within its bound.
 */
class CachingJwtParserTest {

    private static final String ISSUER = "https://mrs.test/issuer";

    static KeyPair keys;
    static KeyPair otherKeys;

    /** Counts the verifications that reach SmallRye's parser. */
    final AtomicInteger verifications = new AtomicInteger();
    /** The cache's clock; starts at the real time, the tests move it forward. */
    final AtomicLong clock = new AtomicLong(System.currentTimeMillis());

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        otherKeys = generator.generateKeyPair();
    }

    @Test
    void aCachedTokenGivesTheSamePrincipalRolesAndUnitsWithoutBeingVerifiedAgain() throws Exception {
        CachingJwtParser parser = parser(context(), 100);
        String token = sign(claims("leder-oslo", List.of("leader", "employee"), List.of("0300", "0502"), 3600),
                keys.getPrivate());

        JsonWebToken first = parser.parse(token);
        JsonWebToken second = parser.parse(token);

        assertThat(verifications).hasValue(1);
        assertThat(parser.cachedTokens()).isEqualTo(1);
        for (JsonWebToken jwt : List.of(first, second)) {
            assertThat(jwt.getSubject()).isEqualTo("leder-oslo");
            assertThat(jwt.getName()).isEqualTo("leder-oslo");
            assertThat(jwt.getGroups()).containsExactlyInAnyOrder("leader", "employee");
            assertThat(jwt.getRawToken()).isEqualTo(token);
            assertThat(String.valueOf((Object) jwt.getClaim(Roles.UNITS_CLAIM))).contains("0300", "0502");
        }
        assertThat(second.getClaimNames()).isEqualTo(first.getClaimNames());
        assertThat(second.getExpirationTime()).isEqualTo(first.getExpirationTime());

        // another holder's token is another key, verified on its own
        String other = sign(claims("leder-gjovik", List.of("leader"), List.of("0502"), 3600), keys.getPrivate());
        assertThat(parser.parse(other).getSubject()).isEqualTo("leder-gjovik");
        assertThat(parser.parse(other).getGroups()).containsExactly("leader");
        assertThat(verifications).hasValue(2);
        assertThat(parser.parse(token).getSubject()).isEqualTo("leder-oslo");
    }

    @Test
    void aCachedTokenIsNotServedOnOrAfterItsExpiry() throws Exception {
        CachingJwtParser parser = parser(context(), 100);
        JwtClaims claims = claims("viewer", List.of("viewer"), List.of("0000"), 3600);
        long exp = claims.getExpirationTime().getValue();
        String token = sign(claims, keys.getPrivate());
        parser.parse(token);

        clock.set(exp * 1000 - 1);
        parser.parse(token);
        assertThat(verifications).hasValue(1);

        clock.set(exp * 1000); // exp: the time on or after which the token must not be accepted
        parser.parse(token); // the verifier's own clock still accepts it; what counts is that it was asked again
        assertThat(verifications).hasValue(2);
    }

    @Test
    void anExpiredTokenIsRefusedEvenIfItWasCachedBefore() throws Exception {
        JWTAuthContextInfo context = context();
        context.setClockSkew(0);
        CachingJwtParser parser = new CachingJwtParser(counting(new DefaultJWTParser(context)), context, 100,
                System::currentTimeMillis);
        long now = System.currentTimeMillis() / 1000;
        JwtClaims claims = claims("viewer", List.of("viewer"), List.of("0000"), 0);
        claims.setIssuedAt(NumericDate.fromSeconds(now - 60));
        claims.setExpirationTime(NumericDate.fromSeconds(now + 2));
        String token = sign(claims, keys.getPrivate());
        assertThat(parser.parse(token).getSubject()).isEqualTo("viewer");
        assertThat(parser.cachedTokens()).isEqualTo(1);

        while (System.currentTimeMillis() < (now + 3) * 1000) { // waits for the token to expire, asserts no time
            Thread.sleep(100);
        }

        assertThatThrownBy(() -> parser.parse(token)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> parser.parse(token)).isInstanceOf(ParseException.class);
        assertThat(verifications).hasValue(3);
        assertThat(parser.cachedTokens()).isZero();
    }

    @Test
    void tamperedTokensAreRefusedAfterTheGenuineOneWasCached() throws Exception {
        CachingJwtParser parser = parser(context(), 100);
        String token = sign(claims("leder-gjovik", List.of("leader"), List.of("0502"), 3600), keys.getPrivate());
        parser.parse(token);

        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String widened = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("\"0502\"", "\"0000\"").getBytes(StandardCharsets.UTF_8));
        assertThat(widened).isNotEqualTo(parts[1]);
        String otherUnits = parts[0] + "." + widened + "." + parts[2];
        int middle = parts[2].length() / 2; // not the last character: its low bits are padding
        String otherSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, middle)
                + (parts[2].charAt(middle) == 'A' ? 'B' : 'A') + parts[2].substring(middle + 1);
        String signedByAnotherKey = sign(claims("leder-gjovik", List.of("leader"), List.of("0000"), 3600),
                otherKeys.getPrivate());
        String truncated = parts[0] + "." + parts[1] + ".";

        for (String bad : List.of(otherUnits, otherSignature, signedByAnotherKey, truncated)) {
            assertThatThrownBy(() -> parser.parse(bad)).as(bad).isInstanceOf(ParseException.class);
            assertThatThrownBy(() -> parser.parse(bad)).as("again: " + bad).isInstanceOf(ParseException.class);
        }
        assertThat(verifications).hasValue(1 + 2 * 4); // every refusal was verified, none was cached
        assertThat(parser.cachedTokens()).isEqualTo(1);
        assertThat(String.valueOf((Object) parser.parse(token).getClaim(Roles.UNITS_CLAIM))).contains("0502")
                .doesNotContain("0000");
    }

    @Test
    void theCacheIsBounded() throws Exception {
        CachingJwtParser parser = parser(context(), 3);
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tokens.add(sign(claims("user-" + i, List.of("viewer"), List.of("0000"), 3600), keys.getPrivate()));
        }
        for (String token : tokens) {
            parser.parse(token);
            assertThat(parser.cachedTokens()).isLessThanOrEqualTo(3);
        }
        for (int i = 0; i < tokens.size(); i++) { // evicted or not, every token still gives its own principal
            assertThat(parser.parse(tokens.get(i)).getSubject()).isEqualTo("user-" + i);
            assertThat(parser.cachedTokens()).isLessThanOrEqualTo(3);
        }
        assertThat(parser.cachedTokens()).isEqualTo(3);
    }

    @Test
    void expiredEntriesMakeRoomFirstAndNoEntriesAreKeptWhenTheBoundIsZero() throws Exception {
        CachingJwtParser parser = parser(context(), 2);
        JwtClaims shortLived = claims("short", List.of("viewer"), List.of("0000"), 60);
        String shortToken = sign(shortLived, keys.getPrivate());
        String longToken = sign(claims("long", List.of("viewer"), List.of("0000"), 3600), keys.getPrivate());
        parser.parse(shortToken);
        parser.parse(longToken);
        clock.set(shortLived.getExpirationTime().getValue() * 1000);
        parser.parse(sign(claims("third", List.of("viewer"), List.of("0000"), 3600), keys.getPrivate()));
        int before = verifications.get();
        assertThat(parser.parse(longToken).getSubject()).isEqualTo("long"); // the expired one made room
        assertThat(verifications).hasValue(before);

        CachingJwtParser off = parser(context(), 0);
        off.parse(longToken);
        off.parse(longToken);
        assertThat(off.cachedTokens()).isZero();
    }

    @Test
    void aMaximumTokenAgeShorterThanTheExpiryEndsTheCachedEntryEarlier() throws Exception {
        JWTAuthContextInfo context = context();
        context.setTokenAge(600L); // mp.jwt.verify.token.age
        CachingJwtParser parser = parser(context, 100);
        JwtClaims claims = claims("viewer", List.of("viewer"), List.of("0000"), 3600);
        String token = sign(claims, keys.getPrivate());
        parser.parse(token);
        clock.set((claims.getIssuedAt().getValue() + 600) * 1000);
        int before = verifications.get();
        try {
            parser.parse(token);
        } catch (ParseException refusedByTheVerifiersOwnClock) {
            // either way it was not served from the cache
        }
        assertThat(verifications).hasValue(before + 1);
    }

    private CachingJwtParser parser(JWTAuthContextInfo context, int maxEntries) {
        return new CachingJwtParser(counting(new DefaultJWTParser(context)), context, maxEntries, clock::get);
    }

    private JWTParser counting(JWTParser real) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("parse") && args.length == 1) {
                verifications.incrementAndGet();
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (JWTParser) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{JWTParser.class},
                handler);
    }

    private static JWTAuthContextInfo context() {
        JWTAuthContextInfo context = new JWTAuthContextInfo(keys.getPublic(), ISSUER);
        context.setExpectedAudience(java.util.Set.of("mrs"));
        return context;
    }

    private static JwtClaims claims(String subject, List<String> roles, List<String> units, long expiresInSeconds) {
        JwtClaims claims = new JwtClaims();
        long now = System.currentTimeMillis() / 1000;
        claims.setIssuer(ISSUER);
        claims.setAudience("mrs");
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setGeneratedJwtId();
        claims.setIssuedAt(NumericDate.fromSeconds(now - 1));
        claims.setExpirationTime(NumericDate.fromSeconds(now + expiresInSeconds));
        claims.setStringListClaim("groups", roles);
        claims.setStringListClaim(Roles.UNITS_CLAIM, units);
        return claims;
    }

    private static String sign(JwtClaims claims, PrivateKey key) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }
}
