package no.mrs.result.recording;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.mrs.contracts.result.Outlier;
import no.mrs.contracts.result.ResultCorrected;
import no.mrs.contracts.result.ResultEvent;
import no.mrs.contracts.result.ResultRecorded;
import no.mrs.platform.jdbc.ArrayColumns;
import no.mrs.platform.jdbc.CopyIn;
import no.mrs.platform.time.MonthMap;
import no.mrs.platform.time.Months;
import no.mrs.result.outlier.OutlierCheck;
import no.mrs.result.outlier.Series;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The result tables, read and written in bulk: a batch of any size costs a fixed number of statements (arrays and
 * JDBC batches), never one query per item.
 */
@ApplicationScoped
public class ResultStore {

    /**
     * The result events in the event log, as the partial index {@code event_log_measurement_id_uk} names them (literal
     * in every query, so that a generic plan can use the index).
     */
    private static final String RESULT_EVENTS =
            " event_type in ('no.mrs.result.ResultRecorded.v1', 'no.mrs.result.ResultCorrected.v1')";

    @Inject
    AgroalDataSource dataSource;

    /** A stored version of a result, as the history shows it. */
    public record Version(String measurementId, String unitId, String indicatorId, String period, long version,
            BigDecimal numerator, BigDecimal denominator, BigDecimal value, String comment, String correctionReason,
            String reportedBy, Instant receivedAt, OutlierMark outlier) {
    }

    /**
     * The outlier check's warning on a current value and, once a leader confirmed the figure, who, when and why
     * (null: not confirmed, so the figure is marked).
     */
    public record OutlierMark(BigDecimal figure, BigDecimal expectedLow, BigDecimal expectedHigh, String confirmedBy,
            Instant confirmedAt, String confirmationReason) {
    }

    /** An accepted event to project, with who sent it. */
    public record Projected(ResultEvent event, long version, String actor) {
    }

    /** The stored content of the measurements with these ids. */
    public Map<String, ResultItem> measurements(Collection<String> ids) {
        Map<String, ResultItem> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select data ->> 'measurementId', data ->> 'unitId', data ->> 'indicatorId', data ->> 'period',
                               data ->> 'numerator', data ->> 'denominator', data ->> 'value', data ->> 'comment',
                               data ->> 'reason'
                        from event_log
                        where (data ->> 'measurementId') = any(?) and""" + RESULT_EVENTS)) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), new ResultItem(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), decimal(rs.getString(5)), decimal(rs.getString(6)),
                            decimal(rs.getString(7)), rs.getString(8), rs.getString(9)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading measurements failed", e);
        }
    }

    /**
     * What judging a batch reads of the current values: those of its keys (absent: nothing reported yet) and, for the
     * outlier check, each office's and indicator's figures in a range of months (from, to; inclusive).
     */
    public record Stored(Map<ResultKey, CurrentValue> current,
            Map<Series, Map<YearMonth, OutlierCheck.Figure>> history) {
    }

    /**
     * The current values of {@code keys} and the figures of each series in its range of {@code months}, in one query:
     * a range scan of the primary key per series, from the start of its range to its latest key's month. Every key's
     * series has a range, ending the month before its latest key (as the batch's judgement reads it).
     */
    public Stored stored(Set<ResultKey> keys, Map<Series, YearMonth[]> months) {
        Map<ResultKey, CurrentValue> current = new HashMap<>();
        Map<Series, Map<YearMonth, OutlierCheck.Figure>> history = new HashMap<>();
        if (months.isEmpty()) {
            return new Stored(current, history);
        }
        List<String> units = new ArrayList<>();
        List<String> indicators = new ArrayList<>();
        List<String> froms = new ArrayList<>();
        List<String> tos = new ArrayList<>();
        months.forEach((series, range) -> {
            units.add(series.unitId());
            indicators.add(series.indicatorId());
            froms.add(range[0].toString());
            tos.add(range[1].plusMonths(1).toString());
        });
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select r.unit_id, r.indicator_id, r.period, r.measurement_id, r.numerator, r.denominator,
                               r.value, r.version
                        from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as k (unit_id, indicator_id, from_period,
                             to_period)
                        join result_current r
                          on r.unit_id = k.unit_id and r.indicator_id = k.indicator_id
                         and r.period between k.from_period and k.to_period""")) {
            ps.setArray(1, c.createArrayOf("text", units.toArray()));
            ps.setArray(2, c.createArrayOf("text", indicators.toArray()));
            ps.setArray(3, c.createArrayOf("text", froms.toArray()));
            ps.setArray(4, c.createArrayOf("text", tos.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Series series = new Series(rs.getString(1), rs.getString(2));
                    YearMonth period = Months.parse(rs.getString(3));
                    BigDecimal numerator = rs.getBigDecimal(5);
                    BigDecimal denominator = rs.getBigDecimal(6);
                    BigDecimal value = rs.getBigDecimal(7);
                    if (!period.isAfter(months.get(series)[1])) {
                        history.computeIfAbsent(series, k -> new MonthMap<>())
                                .put(period, new OutlierCheck.Figure(numerator, denominator, value));
                    }
                    ResultKey key = new ResultKey(series.unitId(), series.indicatorId(), period);
                    if (keys.contains(key)) {
                        current.put(key, new CurrentValue(rs.getString(4), numerator, denominator, value,
                                rs.getLong(8)));
                    }
                }
            }
            return new Stored(current, history);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading current values failed", e);
        }
    }

    public Set<YearMonth> lockedPeriods() {
        Set<YearMonth> locked = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select period from period_lock");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                locked.add(YearMonth.parse(rs.getString(1)));
            }
            return locked;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading period locks failed", e);
        }
    }

    /**
     * Writes the accepted events into the current values, one row per key. (Their history is the event log itself:
     * see {@link #history(String, String, YearMonth, long, int)}.) A key's first version (stream version 1) has no
     * current value yet — the row is written only here, in the transaction that appended the stream's first event,
     * and this transaction holds that event's place in the stream — so those rows are appended through COPY, with no
     * conflict to look for; the others go in one upsert statement, their rows as arrays. Figures and times go as
     * text, as the driver sends a single BigDecimal, and are read by the column's type.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void project(List<Projected> accepted) {
        if (accepted.isEmpty()) {
            return;
        }
        Map<String, Projected> lastPerStream = new LinkedHashMap<>();
        for (Projected p : accepted) {
            // one upsert per key: a key corrected within the batch must not be updated twice by one statement
            lastPerStream.put(p.event().streamId(), p);
        }
        List<Object[]> first = new ArrayList<>();
        List<Object[]> later = new ArrayList<>();
        for (Projected p : lastPerStream.values()) {
            (p.version() == 1 ? first : later).add(values(p));
        }
        try (Connection c = dataSource.getConnection()) {
            if (!first.isEmpty()) {
                try (CopyIn copy = new CopyIn(c, "result_current", CURRENT_COLUMNS)) {
                    for (Object[] row : first) {
                        copy.row(row);
                    }
                }
            }
            if (!later.isEmpty()) {
                try (PreparedStatement current = c.prepareStatement(PROJECT)) {
                    ArrayColumns.set(c, current, later, i -> i == 11 ? "bigint" : "text");
                    current.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Storing results failed", e);
        }
    }

    /** A current value's columns as {@link #project} writes them: in {@link #CURRENT_COLUMNS}' order. */
    private static Object[] values(Projected p) {
        Row r = Row.of(p);
        return new Object[] { r.unitId, r.indicatorId, r.period, r.measurementId, text(r.numerator),
            text(r.denominator), text(r.value), r.comment, r.reason, p.actor(), r.receivedAt.toString(), p.version(),
            r.outlier == null ? null : text(r.outlier.figure()),
            r.outlier == null ? null : text(r.outlier.expectedLow()),
            r.outlier == null ? null : text(r.outlier.expectedHigh()) };
    }

    /** The columns {@link #project} writes (the confirmation of an outlier is left empty: a new figure has none). */
    private static final String CURRENT_COLUMNS = """
            unit_id, indicator_id, period, measurement_id, numerator, denominator, value, comment, correction_reason, \
            actor, received_at, version, outlier_figure, outlier_low, outlier_high""";

    /** The current values of keys seen before, one row per key (see {@link #project}). */
    private static final String PROJECT = """
            insert into result_current (""" + CURRENT_COLUMNS + """
            )
            select unit_id, indicator_id, period, measurement_id, numerator::numeric, denominator::numeric,
                value::numeric, comment, correction_reason, actor, received_at::timestamptz, version,
                outlier_figure::numeric, outlier_low::numeric, outlier_high::numeric
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[])
                as t(""" + CURRENT_COLUMNS + """
            )
            on conflict (unit_id, indicator_id, period) do update set
                measurement_id = excluded.measurement_id, numerator = excluded.numerator,
                denominator = excluded.denominator, value = excluded.value, comment = excluded.comment,
                correction_reason = excluded.correction_reason, actor = excluded.actor,
                received_at = excluded.received_at, version = excluded.version,
                outlier_figure = excluded.outlier_figure, outlier_low = excluded.outlier_low,
                outlier_high = excluded.outlier_high, outlier_confirmed_by = null,
                outlier_confirmed_at = null, outlier_confirmation_reason = null""";

    private static String text(BigDecimal figure) {
        return figure == null ? null : figure.toString();
    }

    /**
     * A unit's current values in (indicator, month) order, optionally of one indicator and a range of months, after a
     * key (null: from the start), at most {@code limit} of them: a range scan of the primary key.
     */
    public List<Version> current(String unitId, String indicatorId, YearMonth from, YearMonth to, ResultKey after,
            int limit) {
        StringBuilder sql = new StringBuilder("""
                select measurement_id, unit_id, indicator_id, period, version, numerator, denominator, value, comment,
                       correction_reason, actor, received_at, outlier_figure, outlier_low, outlier_high,
                       outlier_confirmed_by, outlier_confirmed_at, outlier_confirmation_reason
                from result_current
                where unit_id = ?""");
        List<Object> parameters = new ArrayList<>(List.of(unitId));
        if (indicatorId != null) {
            sql.append(" and indicator_id = ?");
            parameters.add(indicatorId);
        }
        if (from != null) {
            sql.append(" and period >= ?");
            parameters.add(from.toString());
        }
        if (to != null) {
            sql.append(" and period <= ?");
            parameters.add(to.toString());
        }
        if (after != null) {
            sql.append(" and (indicator_id, period) > (?, ?)");
            parameters.add(after.indicatorId());
            parameters.add(after.period().toString());
        }
        sql.append(" order by indicator_id, period limit ?");
        parameters.add(limit);
        return versions(sql.toString(), parameters.toArray());
    }

    /** The versions of one result after a version (0: from the first), oldest first, at most {@code limit}. */
    public List<Version> history(String unitId, String indicatorId, YearMonth period, long afterVersion, int limit) {
        return versions("""
                select data ->> 'measurementId', data ->> 'unitId', data ->> 'indicatorId', data ->> 'period',
                       stream_version, (data ->> 'numerator')::numeric, (data ->> 'denominator')::numeric,
                       (data ->> 'value')::numeric, data ->> 'comment', data ->> 'reason', actor,
                       (data ->> 'receivedAt')::timestamptz, null, null, null, null, null, null
                from event_log
                where stream_id = ? and stream_version > ? and""" + RESULT_EVENTS + " order by stream_version limit ?",
                new ResultKey(unitId, indicatorId, period).streamId(), afterVersion,
                limit);
    }

    private List<Version> versions(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            List<Version> versions = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    versions.add(new Version(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                            rs.getString(9), rs.getString(10), rs.getString(11), rs.getTimestamp(12).toInstant(),
                            rs.getBigDecimal(13) == null ? null : new OutlierMark(rs.getBigDecimal(13),
                                    rs.getBigDecimal(14), rs.getBigDecimal(15), rs.getString(16),
                                    rs.getTimestamp(17) == null ? null : rs.getTimestamp(17).toInstant(),
                                    rs.getString(18))));
                }
            }
            return versions;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading results failed", e);
        }
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    /** The columns of an event, whichever kind it is. */
    private record Row(String measurementId, String unitId, String indicatorId, String period, BigDecimal numerator,
            BigDecimal denominator, BigDecimal value, String comment, String reason, Instant receivedAt,
            Outlier outlier) {

        static Row of(Projected p) {
            ResultEvent event = p.event();
            if (event instanceof ResultRecorded r) {
                return new Row(r.measurementId(), r.unitId(), r.indicatorId(), r.period().toString(), r.numerator(),
                        r.denominator(), r.value(), r.comment(), null, r.receivedAt(), r.outlier());
            }
            if (event instanceof ResultCorrected r) {
                return new Row(r.measurementId(), r.unitId(), r.indicatorId(), r.period().toString(), r.numerator(),
                        r.denominator(), r.value(), r.comment(), r.reason(), r.receivedAt(), r.outlier());
            }
            throw new IllegalArgumentException("Not a result event: " + event.getClass().getName());
        }
    }
}
