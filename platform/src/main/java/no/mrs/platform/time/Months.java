package no.mrs.platform.time;

import java.time.YearMonth;

/** Reading months written as ISO 8601 {@code yyyy-MM} without a formatter on the hot paths (stream ids, rows). */
public final class Months {

    private Months() {
    }

    /**
     * The month of {@code yyyy-MM} (four digits, a hyphen, two digits) read directly; anything else as
     * {@link YearMonth#parse(CharSequence)} reads it (and fails as it fails).
     */
    public static YearMonth parse(String text) {
        YearMonth month = text == null ? null : exact(text, 0);
        return month != null ? month : YearMonth.parse(text);
    }

    /**
     * The month written as exactly {@code yyyy-MM} from {@code from} to the end of {@code text} (what
     * {@link YearMonth#toString} writes for the years 0000 to 9999), null for anything else.
     */
    public static YearMonth exact(String text, int from) {
        if (text.length() - from != 7 || text.charAt(from + 4) != '-') {
            return null;
        }
        int year = digits(text, from, from + 4);
        int month = digits(text, from + 5, from + 7);
        return year >= 0 && month >= 1 && month <= 12 ? YearMonth.of(year, month) : null;
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
