package no.mrs.platform.paging;

import no.mrs.platform.problem.FieldError;
import no.mrs.platform.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The {@code after} cursor of keyset paging: the sort key of the last item of a page, opaque to clients
 * (base64url of the key's parts) so that an endpoint can change its key without breaking anyone who follows links.
 */
public final class Cursor {

    public static final String PARAMETER = "after";

    // identifiers and periods never contain a line feed, so it separates the parts unambiguously
    private static final String SEPARATOR = "\n";

    private Cursor() {
    }

    public static String of(Object... parts) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                text.append(SEPARATOR);
            }
            text.append(parts[i] == null ? "" : parts[i]);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor this endpoint made; a 400 naming {@code after} for anything else. */
    public static List<String> parts(String cursor, int expected) {
        List<String> parts = Arrays.asList(decode(cursor).split(SEPARATOR, -1));
        if (parts.size() != expected) {
            throw invalid();
        }
        return parts;
    }

    /** The text of a cursor; a 400 naming {@code after} unless it is base64url of a key. */
    static String decode(String cursor) {
        if (cursor == null || cursor.isEmpty() || cursor.length() > 1000) {
            throw invalid();
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** A cursor that decodes but whose parts make no sense for this endpoint. */
    public static ProblemException invalid() {
        return ProblemException.badRequest("The after cursor is not one this endpoint handed out",
                new FieldError(PARAMETER, "invalid-format", "must be a cursor from a Link rel=\"next\" of this endpoint"));
    }
}
