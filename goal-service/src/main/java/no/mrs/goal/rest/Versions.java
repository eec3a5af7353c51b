package no.mrs.goal.rest;

import jakarta.ws.rs.core.EntityTag;
import no.mrs.platform.problem.ProblemException;

/** Aggregate versions as HTTP entity tags: {@code ETag: "3"} out, {@code If-Match: "3"} in. */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an If-Match header names; null when absent. A tag that is no version can never match: 412. */
    public static Long ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.preconditionFailed("If-Match must name a version, like \"3\"");
        }
    }
}
