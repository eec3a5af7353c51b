package no.mrs.platform.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Tokens whose signature and claims have been verified, each kept until it expires: keyed by the whole raw token (a
 * token that differs in one character is another key and is verified again), holding at most {@code maxEntries}.
 * Only what the verifier accepted is put here; a token is never served on or after its {@code exp} (nor past the
 * configured maximum token age), whatever the verifier's clock skew would allow.
 */
final class VerifiedTokens {

    private record Entry(JsonWebToken token, long validUntilMillis) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Long maxAgeSeconds;
    private final LongSupplier clockMillis;

    /**
     * @param maxEntries           the bound; 0 keeps nothing
     * @param maxAgeSeconds        the verifier's {@code mp.jwt.verify.token.age} (a token older than that since
     *                             its {@code iat} is refused), or null when there is none
     * @param clockMillis          the current time, epoch milliseconds
     */
    VerifiedTokens(int maxEntries, Long maxAgeSeconds, LongSupplier clockMillis) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must not be negative: " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.maxAgeSeconds = maxAgeSeconds;
        this.clockMillis = clockMillis;
    }

    /** The verified token for exactly this raw token, or null when it is not here or has expired. */
    JsonWebToken get(String rawToken) {
        Entry entry = entries.get(rawToken);
        if (entry == null) {
            return null;
        }
        if (clockMillis.getAsLong() >= entry.validUntilMillis()) {
            entries.remove(rawToken, entry);
            return null;
        }
        return entry.token();
    }

    /** Keeps a token the verifier has just accepted, unless it carries no expiry or has expired already. */
    void put(String rawToken, JsonWebToken verified) {
        if (maxEntries == 0 || rawToken == null || verified == null) {
            return;
        }
        long exp = verified.getExpirationTime();
        if (exp <= 0) {
            return;
        }
        long validUntil = Math.multiplyExact(exp, 1000L);
        if (maxAgeSeconds != null) {
            long iat = verified.getIssuedAtTime();
            if (iat <= 0) {
                return;
            }
            validUntil = Math.min(validUntil, Math.multiplyExact(iat + maxAgeSeconds, 1000L));
        }
        long now = clockMillis.getAsLong();
        if (now >= validUntil) {
            return;
        }
        synchronized (this) { // puts follow a full verification, so they are rare; the bound holds exactly
            if (!entries.containsKey(rawToken) && entries.size() >= maxEntries) {
                makeRoom(now);
            }
            entries.put(rawToken, new Entry(verified, validUntil));
        }
    }

    int size() {
        return entries.size();
    }

    /** Drops the expired tokens and, if that is not enough, arbitrary ones until there is room for one. */
    private void makeRoom(long now) {
        entries.values().removeIf(entry -> now >= entry.validUntilMillis());
        Iterator<String> keys = entries.keySet().iterator();
        while (entries.size() >= maxEntries && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
