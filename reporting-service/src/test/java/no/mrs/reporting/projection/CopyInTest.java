package no.mrs.reporting.projection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.platform.jdbc.CopyIn;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rows appended through COPY are the rows a JDBC insert of the same values stores: text with every character COPY
 * escapes (and some it does not), NULL apart from the empty text and from a text that reads "\N", decimals with
 * their scale and in exponent form, whole numbers at both ends — more than a chunk of them, in the caller's
 * transaction; a conflict or a row left half-written (a value COPY cannot write) fails the copy and leaves the
 * connection usable.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class CopyInTest {

    private static final String[] TEXTS = { "plain", "", null, "tab\there", "line\nbreak", "carriage\rreturn",
        "back\\slash", "\\N", "N", "\b\f\u000b", "æøå Nav Sagene – «sitat»", "emoji \uD83D\uDE00", "trailing\\",
        "\\x41\\101", "ends with newline\n", "\t", "\\.", "comma, \"quoted\" {braces}" };
    private static final BigDecimal[] DECIMALS = { new BigDecimal("77.50"), new BigDecimal("-0.001"),
        new BigDecimal("12345678901234567890.123456789"), BigDecimal.ZERO, null, new BigDecimal("1E+3"),
        BigDecimal.valueOf(7, -12), new BigDecimal("0.000") };
    private static final Long[] LONGS = { 0L, null, Long.MAX_VALUE, Long.MIN_VALUE, -1L, 1_700_000_000_000L };
    /** Enough rows that they go to the server in several chunks. */
    private static final int ROWS = 3_000;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void rowsAppendedThroughCopyAreTheRowsAnInsertStores() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            create(c);
            try (PreparedStatement ps = c.prepareStatement("insert into copy_in_test (id, t, d, n, s) values"
                    + " (?, ?, ?, ?, 'jdbc')")) {
                for (int i = 0; i < ROWS; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, text(i));
                    ps.setBigDecimal(3, DECIMALS[i % DECIMALS.length]);
                    ps.setObject(4, LONGS[i % LONGS.length], java.sql.Types.BIGINT);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            long count;
            try (CopyIn copy = new CopyIn(c, "copy_in_test", "id, t, d, n, s")) {
                for (int i = 0; i < ROWS; i++) {
                    copy.row(i, text(i), DECIMALS[i % DECIMALS.length], LONGS[i % LONGS.length], "copy");
                }
                count = copy.count();
            }
            assertThat(count).isEqualTo(ROWS);
            assertThat(rows(c, "jdbc")).hasSize(ROWS).isEqualTo(rows(c, "copy"));
            c.rollback();
        }
    }

    @Test
    void aConflictOrAHalfWrittenRowFailsTheCopyAndTheConnectionStaysUsable() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            create(c);
            assertThatThrownBy(() -> {
                try (CopyIn copy = new CopyIn(c, "copy_in_test", "id, t, d, n, s")) {
                    copy.row(1, "a", BigDecimal.ONE, 1L, "copy");
                    copy.row(1, "b", BigDecimal.ONE, 1L, "copy");
                }
            }).isInstanceOf(SQLException.class).hasMessageContaining("duplicate key");
            c.rollback();

            create(c);
            assertThatThrownBy(() -> {
                try (CopyIn copy = new CopyIn(c, "copy_in_test", "id, t, d, n, s")) {
                    copy.row(1, "a", BigDecimal.ONE, 1L, "copy");
                    copy.row(2, "half", new Object(), 1L, "copy");
                }
            }).isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getSuppressed()).singleElement().isInstanceOf(IllegalStateException.class));
            c.rollback();

            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select 42")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }

    private static String text(int i) {
        String t = TEXTS[i % TEXTS.length];
        return t == null || i < TEXTS.length ? t : t + i;
    }

    private static void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("create temporary table copy_in_test (id int, t text, d numeric, n bigint, s text,"
                    + " primary key (id, s)) on commit drop");
        }
    }

    /** The rows written one way, as the server spells them. */
    private static List<String> rows(Connection c, String source) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id, t, d::text, n, t is null from copy_in_test"
                + " where s = ? order by id")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
                            + "|" + rs.getBoolean(5));
                }
            }
        }
        return rows;
    }
}
