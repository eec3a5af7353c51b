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
        if (text != null && text.length() == 7 && text.charAt(4) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            if (year >= 0 && month >= 1 && month <= 12) {
                return YearMonth.of(year, month);
            }
        }
        return YearMonth.parse(text);
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
