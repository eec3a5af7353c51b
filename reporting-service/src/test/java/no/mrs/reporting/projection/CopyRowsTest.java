package no.mrs.reporting.projection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.mrs.devstack.test.MrsTestInfrastructure;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rows read through COPY are the rows JDBC reads: text with every character COPY escapes (and some it does not),
 * NULL apart from the empty text and from a text that reads "\N", decimals with their scale, negative and large
 * whole numbers, months — in the caller's transaction, and a failed read leaves the connection usable.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class CopyRowsTest {

    private static final String QUERY = "select t, d, n, m from copy_rows_test order by id";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void rowsReadThroughCopyAreTheRowsJdbcReads() throws Exception {
        String[] texts = { "plain", "", null, "tab\there", "line\nbreak", "carriage\rreturn", "back\\slash",
                "\\N", "N", "\b\f\u000b", "æøå Nav Sagene – «sitat»", "emoji \uD83D\uDE00", "trailing\\", "\\x41\\101",
                "ends with newline\n", "\t" };
        String[] decimals = { "77.50", "-0.001", "12345678901234567890.123456789", "0", null, "100" };
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("create temporary table copy_rows_test (id int, t text, d numeric, n bigint, m text)"
                        + " on commit drop");
            }
            try (PreparedStatement ps = c.prepareStatement("insert into copy_rows_test values (?, ?, ?::numeric, ?, ?)")) {
                for (int i = 0; i < texts.length; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, texts[i]);
                    ps.setString(3, decimals[i % decimals.length]);
                    if (i % 5 == 4) {
                        ps.setNull(4, java.sql.Types.BIGINT);
                    } else {
                        ps.setLong(4, i % 2 == 0 ? Long.MAX_VALUE - i : -1_000_000_000_000L * i);
                    }
                    ps.setString(5, YearMonth.of(2021, 1 + i % 12).toString());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            List<List<Object>> jdbc = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(QUERY)) {
                while (rs.next()) {
                    long n = rs.getLong(3);
                    long orAbsent = rs.wasNull() ? -1L : n;
                    jdbc.add(Arrays.asList(rs.getString(1), rs.getBigDecimal(2), orAbsent,
                            YearMonth.parse(rs.getString(4))));
                }
            }
            List<List<Object>> copied = new ArrayList<>();
            try (CopyRows rows = new CopyRows(c, QUERY, 4)) {
                while (rows.next()) {
                    copied.add(Arrays.asList(rows.getString(1), rows.getBigDecimal(2), rows.getLong(3, -1L),
                            rows.getMonth(4)));
                }
            }
            assertThat(copied).hasSize(texts.length).isEqualTo(jdbc);
            assertThat(copied.get(0).get(1)).isEqualTo(new BigDecimal("77.50")); // the scale as stored
            for (int i = 0; i < texts.length; i++) {
                assertThat(copied.get(i).get(0)).isEqualTo(texts[i]);
            }
            // a read that fails half-way leaves the connection in its transaction, usable
            assertThatThrownBy(() -> {
                try (CopyRows rows = new CopyRows(c, QUERY, 4)) {
                    rows.next();
                    rows.getBigDecimal(1); // "plain" is not a decimal
                }
            }).isInstanceOf(NumberFormatException.class);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from copy_rows_test")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(texts.length);
            }
            // a query of other columns than asked for is refused, not read askew
            assertThatThrownBy(() -> {
                try (CopyRows rows = new CopyRows(c, QUERY, 3)) {
                    rows.next();
                }
            }).isInstanceOf(java.sql.SQLException.class);
            c.rollback();
        }
    }
}
