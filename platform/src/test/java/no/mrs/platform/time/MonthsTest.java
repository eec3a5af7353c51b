package no.mrs.platform.time;

import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MonthsTest {

    @Test
    void readsWhatYearMonthReads() {
        for (String text : new String[] { "2024-01", "2024-12", "0001-06", "9999-12", "+10000-01", "-0001-03" }) {
            assertEquals(YearMonth.parse(text), Months.parse(text), text);
        }
    }

    @Test
    void refusesWhatYearMonthRefuses() {
        for (String text : new String[] { "2024-13", "2024-00", "2024-1", "24-01", "2024/01", "20a4-01", "2024-0x", "" }) {
            assertThrows(DateTimeException.class, () -> Months.parse(text), text);
        }
        assertThrows(NullPointerException.class, () -> Months.parse(null));
    }
}
