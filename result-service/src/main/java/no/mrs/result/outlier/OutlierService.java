package no.mrs.result.outlier;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.mrs.contracts.result.OutlierConfirmed;
import no.mrs.platform.events.EventStore;
import no.mrs.platform.problem.Rejection;
import no.mrs.result.recording.ResultKey;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Confirms a figure the outlier check warned about: the {@code OutlierConfirmed} event (who, when, why) is appended
 * to the result's stream and the current value stops being marked, in one transaction.
 */
@ApplicationScoped
public class OutlierService {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventStore events;

    @Inject
    Clock clock;

    /** A confirmed outlier as the API shows it. */
    public record Confirmation(String unitId, String indicatorId, String period, String measurementId,
            BigDecimal figure, BigDecimal expectedLow, BigDecimal expectedHigh, String reason, String confirmedBy,
            Instant confirmedAt) {
    }

    /** The current value of a result as far as its outlier warning goes. */
    record Flagged(String measurementId, long version, BigDecimal figure, BigDecimal low, BigDecimal high,
            String confirmedBy) {
    }

    @Transactional
    public Confirmation confirm(ResultKey key, String reason, String actor) {
        Flagged current = find(key);
        if (current == null) {
            throw Rejection.notFound("No figure is reported for " + key.unitId() + "/" + key.indicatorId() + "/"
                    + key.period());
        }
        if (current.figure() == null) {
            throw Rejection.conflict("not-an-outlier", "The figure " + current.measurementId() + " of "
                    + key.unitId() + "/" + key.indicatorId() + "/" + key.period()
                    + " carries no outlier warning; there is nothing to confirm");
        }
        if (current.confirmedBy() != null) {
            throw Rejection.conflict("already-confirmed", "The figure " + current.measurementId()
                    + " was already confirmed by " + current.confirmedBy());
        }
        OutlierConfirmed event = new OutlierConfirmed(key.unitId(), key.indicatorId(), key.period(),
                current.measurementId(), reason);
        // the result's stream goes on: the next correction is appended after the confirmation
        events.append(event.streamId(), current.version(), actor, event);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                update result_current set version = ?, outlier_confirmed_by = ?, outlier_confirmed_at = ?,
                       outlier_confirmation_reason = ?
                where unit_id = ? and indicator_id = ? and period = ?""")) {
            ps.setLong(1, current.version() + 1);
            ps.setString(2, actor);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setString(4, reason);
            ps.setString(5, key.unitId());
            ps.setString(6, key.indicatorId());
            ps.setString(7, key.period().toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Confirming the outlier " + key + " failed", e);
        }
        return new Confirmation(key.unitId(), key.indicatorId(), key.period().toString(), current.measurementId(),
                current.figure(), current.low(), current.high(), reason, actor, now);
    }

    private Flagged find(ResultKey key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select measurement_id, version, outlier_figure, outlier_low, outlier_high, outlier_confirmed_by
                from result_current where unit_id = ? and indicator_id = ? and period = ?""")) {
            ps.setString(1, key.unitId());
            ps.setString(2, key.indicatorId());
            ps.setString(3, key.period().toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Flagged(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading " + key + " failed", e);
        }
    }
}
