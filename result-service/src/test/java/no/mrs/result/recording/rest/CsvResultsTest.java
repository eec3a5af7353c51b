package no.mrs.result.recording.rest;

import no.mrs.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CSV reader on its own: RFC 4180 cells, line ends, the header. */
class CsvResultsTest {

    static final String HEADER = "measurementId,unitId,indicatorId,period,numerator,denominator,value,comment,correctionReason";

    static List<CsvResults.Row> read(String csv) {
        return CsvResults.read(csv.getBytes(StandardCharsets.UTF_8), 10);
    }

    @Test
    void readsQuotedCommasEscapedQuotesAndLineBreaks() {
        List<CsvResults.Row> rows = read(HEADER + "\nm1,0314,B.15,2021-06,1,2,,\"a, \"\"b\"\"\r\nc\",\n");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).cells()).containsEntry("comment", "a, \"b\"\r\nc").containsEntry("value", "")
                .containsEntry("correctionReason", "");
    }

    @Test
    void acceptsABomWindowsLineEndsAndNoFinalLineEnd() {
        List<CsvResults.Row> rows = read("\uFEFF" + HEADER + "\r\nm1,0314,B.15,2021-06,1,2,,,\r\nm2,0314,B.15,2021-07,1,2,,,");
        assertThat(rows).extracting(r -> r.cells().get("measurementId")).containsExactly("m1", "m2");
    }

    @Test
    void skipsBlankLines() {
        assertThat(read(HEADER + "\n\nm1,0314,B.15,2021-06,1,2,,,\n\n")).hasSize(1);
    }

    @Test
    void marksARowWithTheWrongNumberOfCells() {
        CsvResults.Row row = read(HEADER + "\nm1,0314\n").get(0);
        assertThat(row.error().code()).isEqualTo("malformed-row");
    }

    @Test
    void refusesABrokenQuoteAnUnknownColumnAndAMissingRequiredOne() {
        assertThatThrownBy(() -> read(HEADER + "\nm1,0314,B.15,2021-06,1,2,,\"open,\n"))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> read(HEADER + "\nm1,0314,B.15,2021-06,1,2,,\"closed\"junk,\n"))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> read("measurementId,unitId,indicatorId,period,colour\n"))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> read("measurementId,unitId,indicatorId\n")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> read("")).isInstanceOf(ProblemException.class);
    }

    @Test
    void refusesMoreRowsThanAllowed() {
        StringBuilder csv = new StringBuilder(HEADER + "\n");
        for (int i = 0; i < 11; i++) {
            csv.append("m").append(i).append(",0314,B.15,2021-06,1,2,,,\n");
        }
        assertThatThrownBy(() -> read(csv.toString())).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().status()).isEqualTo(413));
        assertThat(read(csv.substring(0, csv.lastIndexOf("m10")))).hasSize(10);
    }
}
