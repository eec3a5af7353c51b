package no.mrs.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.function.LongSupplier;

/**
 * The services' JWT verifier: SmallRye JWT's own ({@link DefaultJWTParser}, which Quarkus' bearer-token
 * authentication calls for every request) with a cache of the tokens it has accepted in front of it, so that a
 * caller's token has its RSA signature and claims verified once and not on every request until it expires.
 * <p>
 * Only {@link #parse(String)} — the configured verification ({@code mp.jwt.verify.*}) — is cached, keyed by the
 * whole raw token; a failed verification throws and leaves nothing behind; a cached token is served only before its
 * {@code exp} (and before {@code iat} plus {@code mp.jwt.verify.token.age} when that is configured), after which it is verified again and refused as the verifier decides. At most
 * {@code mrs.jwt.verified-cache.max-entries} tokens are kept (0 turns the cache off). A change of verification key
 * does not reach tokens already cached: they stay accepted until they expire, as they would with any cache of keys.
 */
@Alternative
@Priority(1)
@Singleton
public class CachingJwtParser implements JWTParser {

    private final JWTParser delegate;
    private final VerifiedTokens verified;

    @Inject
    public CachingJwtParser(DefaultJWTParser delegate, JWTAuthContextInfo contextInfo,
                            @ConfigProperty(name = "mrs.jwt.verified-cache.max-entries", defaultValue = "1000")
                            int maxEntries) {
        this(delegate, contextInfo, maxEntries, System::currentTimeMillis);
    }

    CachingJwtParser(JWTParser delegate, JWTAuthContextInfo contextInfo, int maxEntries, LongSupplier clockMillis) {
        this.delegate = delegate;
        this.verified = new VerifiedTokens(maxEntries, maxAgeSeconds(contextInfo), clockMillis);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (token == null) {
            return delegate.parse(null);
        }
        JsonWebToken cached = verified.get(token);
        if (cached != null) {
            return cached;
        }
        JsonWebToken jwt = delegate.parse(token); // throws unless the token verifies: nothing is cached then
        verified.put(token, jwt);
        return jwt;
    }

    /** How many verified tokens are kept now. */
    public int cachedTokens() {
        return verified.size();
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }

    private static Long maxAgeSeconds(JWTAuthContextInfo contextInfo) {
        if (contextInfo == null) {
            return null;
        }
        return contextInfo.getTokenAge(); // smallrye.jwt.time-to-live bounds exp - iat, so exp covers it
    }
}
