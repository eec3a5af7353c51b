package no.mrs.result.period;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.mrs.contracts.result.PeriodLocked;
import no.mrs.platform.events.EventStore;
import no.mrs.platform.paging.Cursor;
import no.mrs.platform.paging.Page;
import no.mrs.platform.paging.PageRequest;
import no.mrs.result.recording.ResultsConfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Locks months; a locked month takes only corrections with a reason by a leader or the directorate. */
@ApplicationScoped
public class PeriodService {

    @Inject
    EventStore events;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ResultsConfig config;

    @Inject
    Clock clock;

    /** A closed month as the API shows it. */
    public record LockView(String period, String reason, String lockedBy, Instant lockedAt) {
    }

    @Transactional
    public LockView lock(PeriodDecider.LockPeriod command, String actor) {
        PeriodLocked event = PeriodDecider.decide(command, find(command.period()) != null,
                YearMonth.now(clock.withZone(config.zone())));
        events.append(event.streamId(), 0, actor, event);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "insert into period_lock (period, reason, actor, locked_at) values (?, ?, ?, ?)")) {
            ps.setString(1, event.period().toString());
            ps.setString(2, event.reason());
            ps.setString(3, actor);
            ps.setTimestamp(4, Timestamp.from(now));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Locking " + event.period() + " failed", e);
        }
        return new LockView(event.period().toString(), event.reason(), actor, now);
    }

    public LockView find(YearMonth period) {
        List<LockView> locks = query("select period, reason, actor, locked_at from period_lock where period = ?",
                period.toString());
        return locks.isEmpty() ? null : locks.get(0);
    }

    /** A page of the locked months in order; the cursor is the last month. */
    public Page<LockView> page(PageRequest page) {
        List<String> after = page.afterKey(1);
        // months are YYYY-MM text, so text order is month order and any text is a valid lower bound
        return page.page(query("select period, reason, actor, locked_at from period_lock where period > ?"
                + " order by period limit " + page.fetchSize(), after == null ? "" : after.get(0)),
                lock -> Cursor.of(lock.period()));
    }

    private List<LockView> query(String sql, String parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            List<LockView> locks = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    locks.add(new LockView(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant()));
                }
            }
            return locks;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading period locks failed", e);
        }
    }
}
