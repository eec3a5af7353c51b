package no.mrs.reporting.projection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.reporting.model.ChangedRows;
import no.mrs.reporting.model.Result;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live save appends the office figures new to the model through COPY; one that the slot already holds (another
 * replica saved it before this one took over the lead, or a save whose commit went unconfirmed is made again) makes
 * the save upsert them all instead, and the save stands as a whole. Written in a transaction that is rolled back, in
 * the active slot, for units no other test uses ({@code 59xx}).
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class NewFiguresSaveTest {

    private static final YearMonth JUNE = YearMonth.of(2021, 6);

    @Inject
    SlotStore store;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aFigureNewToTheModelThatTheSlotAlreadyHoldsIsUpsertedWithTheRestOfTheSave() throws Exception {
        Slot slot = store.activeSlot();
        Result first = figure("5901", 40, "m-5901-1", 1);
        Result corrected = figure("5901", 50, "m-5901-2", 2);
        Result other = figure("5902", 30, "m-5902-1", 1);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                store.write(c, slot, rows(List.of(first), Set.of(first.key())));
                assertThat(stored(c, slot)).containsExactly("5901 40 80 m-5901-1 1");

                store.write(c, slot, rows(List.of(corrected, other), Set.of(corrected.key(), other.key())));

                assertThat(stored(c, slot)).containsExactly("5901 50 80 m-5901-2 2", "5902 30 80 m-5902-1 1");
            } finally {
                c.rollback();
            }
        }
    }

    private static Result figure(String unitId, int numerator, String measurementId, long version) {
        return new Result(unitId, "TN.59", JUNE, BigDecimal.valueOf(numerator), BigDecimal.valueOf(80), null, null,
                measurementId, version);
    }

    private static ChangedRows rows(List<Result> results, Set<Result.Key> added) {
        return new ChangedRows(List.of(), List.of(), List.of(), results, Map.of(), Map.of(), List.of(), List.of(),
                List.of(), Map.of(), Map.of(), added);
    }

    private static List<String> stored(Connection c, Slot slot) throws Exception {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select unit_id, numerator, denominator, measurement_id,"
                + " stream_version from " + slot.schema + ".result where indicator_id = 'TN.59' order by unit_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
                        + rs.getLong(5));
            }
        }
        return rows;
    }
}
