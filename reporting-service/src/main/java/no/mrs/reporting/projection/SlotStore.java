package no.mrs.reporting.projection;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.contracts.goal.Classification;
import no.mrs.contracts.goal.Direction;
import no.mrs.contracts.goal.GoalOrigin;
import no.mrs.contracts.goal.LocalAdjustment;
import no.mrs.contracts.goal.Measure;
import no.mrs.contracts.goal.Perspective;
import no.mrs.contracts.goal.UnitLevel;
import no.mrs.contracts.result.Outlier;
import no.mrs.platform.jdbc.ArrayColumns;
import no.mrs.platform.jdbc.CopyIn;
import no.mrs.reporting.model.ChangedRows;
import no.mrs.reporting.model.EntityVersion;
import no.mrs.reporting.model.Stamped;
import no.mrs.reporting.model.Superseded;
import no.mrs.reporting.model.FigureComment;
import no.mrs.reporting.model.Goal;
import no.mrs.reporting.model.Indicator;
import no.mrs.reporting.model.PartitionId;
import no.mrs.reporting.model.Position;
import no.mrs.reporting.model.ReadModel;
import no.mrs.reporting.model.Reported;
import no.mrs.reporting.model.Result;
import no.mrs.reporting.model.Unit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves a read model's changes into a slot's tables, one transaction per batch of records, and loads a slot back
 * into memory. Plain JDBC: the rows are few and wide, written in batches.
 */
@ApplicationScoped
public class SlotStore {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(SlotStore.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    // ---------------------------------------------------------------- the pointer

    /** Which slot is active, and its generation (counted up by every switch). */
    public record Active(Slot slot, long generation) {
    }

    /** What a slot holds as of one moment: the active pointer, the saved positions. */
    public record SlotState(Active active, Map<PartitionId, Long> nextOffsets) {
    }

    /** A slot loaded into memory, with the generation it was loaded as. */
    public record Loaded(Slot slot, long generation, ReadModel model) {
    }

    public Slot activeSlot() {
        return active().slot();
    }

    public Active active() {
        try (Connection c = dataSource.getConnection()) {
            return active(c, false);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the active read model slot failed", e);
        }
    }

    /** The active slot as {@code c} sees it; {@code forShare} locks the pointer against a switch until commit. */
    public Active active(Connection c, boolean forShare) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select active, generation from read_model_slot where id = 1" + (forShare ? " for share" : ""))) {
            rs.next();
            return new Active(Slot.ofSchema(rs.getString(1)), rs.getLong(2));
        }
    }

    /** The active slot and the positions saved in it, read in one snapshot. */
    public SlotState state() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                SlotState state = state(c);
                c.commit();
                return state;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the active read model slot failed", e);
        }
    }

    /** The active slot and the positions saved in it, in the caller's transaction. */
    public SlotState state(Connection c) throws SQLException {
        Active active = active(c, false);
        Map<PartitionId, Long> next = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select topic, partition,"
                + " next_offset from " + active.slot().schema + ".partition_position")) {
            while (rs.next()) {
                next.put(new PartitionId(rs.getString(1), rs.getInt(2)), rs.getLong(3));
            }
        }
        return new SlotState(active, next);
    }

    /** Empties a slot's tables before a rebuild fills it. */
    public void truncate(Slot slot) {
        execute("truncate " + String.join(", ", qualified(slot, "unit", "unit_parent", "indicator", "goal", "result",
                "result_version", "entity_version", "goal_budget", "figure_comment", "stream_position",
                "partition_position")));
    }

    /**
     * Makes {@code slot} the active one, together with whatever else the caller writes in the same transaction, and
     * counts up the generation; the pointer is locked until commit, so a leader's save waits and then sees it.
     */
    public long activate(Connection c, Slot slot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update read_model_slot set active = ?, switched_at = now(),"
                + " generation = generation + 1 where id = 1 and active <> ? returning generation")) {
            ps.setString(1, slot.schema);
            ps.setString(2, slot.schema);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException(slot.schema + " is already the active slot");
                }
                return rs.getLong(1);
            }
        }
    }

    public Connection transaction() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        return c;
    }

    // ---------------------------------------------------------------- writing

    /**
     * Saves the changed rows in one transaction: office figures new to the model appended through {@code COPY}
     * (upserted after all if one was saved before: see {@link #copyAdded}), the others upserted, superseded versions
     * added.
     */
    public void write(Slot slot, ChangedRows changes) {
        write(slot, changes, false);
    }

    /**
     * Saves the changed rows in one transaction, as the rebuild does into the slot it emptied and alone writes: the
     * office figures never saved before ({@link ChangedRows#added()}) and the superseded versions are only appended
     * there, so they go in through {@code COPY} (no conflict can arise; a conflict would fail the save).
     */
    public void append(Slot slot, ChangedRows changes) {
        write(slot, changes, true);
    }

    private void write(Slot slot, ChangedRows changes, boolean append) {
        if (changes.isEmpty()) {
            return;
        }
        try (Connection c = transaction()) {
            try {
                write(c, slot, changes, append);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Saving the read model in " + slot.schema + " failed", e);
        }
    }

    public void write(Connection c, Slot slot, ChangedRows changes) throws SQLException {
        write(c, slot, changes, false);
    }

    private void write(Connection c, Slot slot, ChangedRows changes, boolean append) throws SQLException {
        String s = slot.schema;
        if (!changes.units().isEmpty()) {
            try (PreparedStatement unit = c.prepareStatement("insert into " + s + ".unit (unit_id, name, level) values (?, ?, ?)"
                    + " on conflict (unit_id) do update set name = excluded.name, level = excluded.level");
                    PreparedStatement clear = c.prepareStatement("delete from " + s + ".unit_parent where unit_id = ?");
                    PreparedStatement spell = c.prepareStatement("insert into " + s
                            + ".unit_parent (unit_id, seq, parent_id, valid_from) values (?, ?, ?, ?)")) {
                for (Unit u : changes.units()) {
                    String unitId = u.unitId();
                    unit.setString(1, u.unitId());
                    unit.setString(2, u.name());
                    unit.setString(3, u.level().name());
                    unit.addBatch();
                    clear.setString(1, unitId);
                    clear.addBatch();
                    int seq = 0;
                    for (Unit.Spell sp : u.spells()) {
                        spell.setString(1, unitId);
                        spell.setInt(2, seq++);
                        spell.setString(3, sp.parentId());
                        spell.setString(4, sp.validFrom() == null ? null : sp.validFrom().toString());
                        spell.addBatch();
                    }
                }
                unit.executeBatch();
                clear.executeBatch();
                spell.executeBatch();
            }
        }
        if (!changes.indicators().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("insert into " + s + ".indicator (indicator_id, name,"
                    + " perspective, measure, direction, description, scale_min, scale_max, owner_unit_id,"
                    + " paired_outcome) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (indicator_id) do update set"
                    + " name = excluded.name,"
                    + " perspective = excluded.perspective, measure = excluded.measure, direction = excluded.direction,"
                    + " description = excluded.description, scale_min = excluded.scale_min,"
                    + " scale_max = excluded.scale_max, owner_unit_id = excluded.owner_unit_id,"
                    + " paired_outcome = excluded.paired_outcome")) {
                for (Indicator i : changes.indicators()) {
                    ps.setString(1, i.indicatorId());
                    ps.setString(2, i.name());
                    ps.setString(3, i.perspective().name());
                    ps.setString(4, i.measure().name());
                    ps.setString(5, i.direction().name());
                    ps.setString(6, i.description());
                    ps.setBigDecimal(7, i.scaleMin());
                    ps.setBigDecimal(8, i.scaleMax());
                    ps.setString(9, i.ownerUnitId());
                    ps.setString(10, i.pairedOutcome());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!changes.goals().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("insert into " + s + ".goal (goal_id, indicator_id, year,"
                    + " classification, target, origin, source_unit_id, letter_id, main_goal, local_adjustment,"
                    + " proposal_id, retired_from, target_revisions) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (goal_id) do update set indicator_id = excluded.indicator_id, year = excluded.year,"
                    + " classification = excluded.classification, target = excluded.target, origin = excluded.origin,"
                    + " source_unit_id = excluded.source_unit_id, letter_id = excluded.letter_id,"
                    + " main_goal = excluded.main_goal, local_adjustment = excluded.local_adjustment,"
                    + " proposal_id = excluded.proposal_id, retired_from = excluded.retired_from,"
                    + " target_revisions = excluded.target_revisions")) {
                for (Goal g : changes.goals()) {
                    ps.setString(1, g.goalId());
                    ps.setString(2, g.indicatorId());
                    ps.setInt(3, g.year());
                    ps.setString(4, g.classification().name());
                    ps.setBigDecimal(5, g.target());
                    ps.setString(6, g.origin().name());
                    ps.setString(7, g.sourceUnitId());
                    ps.setString(8, g.letterId());
                    ps.setString(9, g.mainGoal());
                    ps.setString(10, g.localAdjustment() == null ? null : g.localAdjustment().name());
                    ps.setString(11, g.proposalId());
                    ps.setString(12, g.retiredFrom() == null ? null : g.retiredFrom().toString());
                    ps.setString(13, revisions(g.revisions()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        List<Result> results = changes.results();
        if (!changes.added().isEmpty()) {
            results = copyAdded(c, s, changes, append);
        }
        if (!results.isEmpty()) {
            // one statement for all of them, the rows as arrays (one per key: the changes hold a result once)
            List<Object[]> rows = new ArrayList<>(results.size());
            for (Result r : results) {
                rows.add(resultRow(r, changes.reported().get(r.key())));
            }
            try (PreparedStatement ps = c.prepareStatement(RESULTS.formatted(s))) {
                ArrayColumns.set(c, ps, rows, i -> i == 14 ? "integer" : i >= 15 ? "bigint" : "text");
                ps.executeUpdate();
            }
        }
        if (!changes.supersededResults().isEmpty()) {
            List<Object[]> rows = new ArrayList<>(changes.supersededResults().size());
            for (Superseded v : changes.supersededResults()) {
                rows.add(versionRow(v));
            }
            if (append) {
                try (CopyIn copy = new CopyIn(c, s + ".result_version", VERSION_COLUMNS)) {
                    for (Object[] row : rows) {
                        copy.row(row);
                    }
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement(VERSIONS.formatted(s))) {
                    ArrayColumns.set(c, ps, rows, i -> i == 3 || i == 11 ? "integer" : i == 12 ? "bigint" : "text");
                    ps.executeUpdate();
                }
            }
        }
        if (!changes.entityVersions().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("insert into " + s + ".entity_version (kind, id, seq,"
                    + " known_from, body) values (?, ?, ?, ?, ?::jsonb) on conflict do nothing")) {
                for (EntityVersion v : changes.entityVersions()) {
                    ps.setString(1, v.kind().name());
                    ps.setString(2, v.id());
                    ps.setInt(3, v.version().seq());
                    setTime(ps, 4, v.version().knownFrom());
                    ps.setString(5, json(v.version().value()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!changes.streams().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("insert into " + s + ".stream_position (stream_id, version)"
                    + " values (?, ?) on conflict (stream_id) do update set version = excluded.version")) {
                for (Map.Entry<String, Long> stream : changes.streams().entrySet()) {
                    ps.setString(1, stream.getKey());
                    ps.setLong(2, stream.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!changes.goalBudgets().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("insert into " + s + ".goal_budget (unit_id, year,"
                    + " max_steering_goals) values (?, ?, ?) on conflict (unit_id, year) do update set"
                    + " max_steering_goals = excluded.max_steering_goals")) {
                for (Map.Entry<no.mrs.reporting.model.Changes.BudgetKey, Integer> b : changes.goalBudgets().entrySet()) {
                    ps.setString(1, b.getKey().unitId());
                    ps.setInt(2, b.getKey().year());
                    ps.setInt(3, b.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!changes.figureComments().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("insert into " + s + ".figure_comment (unit_id,"
                    + " indicator_id, period, seq, comment, author, commented_at) values (?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (unit_id, indicator_id, period, seq) do nothing")) {
                for (FigureComment fc : changes.figureComments()) {
                    ps.setString(1, fc.unitId());
                    ps.setString(2, fc.indicatorId());
                    ps.setString(3, fc.period().toString());
                    ps.setInt(4, fc.seq());
                    ps.setString(5, fc.comment());
                    ps.setString(6, fc.author());
                    setInstant(ps, 7, fc.at());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!changes.partitions().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("insert into " + s + ".partition_position (topic, partition,"
                    + " next_offset, event_time, applied_at) values (?, ?, ?, ?, ?) on conflict (topic, partition)"
                    + " do update set next_offset = excluded.next_offset, event_time = excluded.event_time,"
                    + " applied_at = excluded.applied_at")) {
                for (Map.Entry<PartitionId, Position> partition : changes.partitions().entrySet()) {
                    PartitionId p = partition.getKey();
                    Position position = partition.getValue();
                    ps.setString(1, p.topic());
                    ps.setInt(2, p.partition());
                    ps.setLong(3, position.nextOffset());
                    setInstant(ps, 4, position.eventTime());
                    setInstant(ps, 5, position.appliedAt());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    // ---------------------------------------------------------------- loading

    /** The slot's content as a read model. */
    public ReadModel load(Slot slot) {
        return loadSnapshot(slot).model();
    }

    /** The active slot's content as a read model, with the generation it was loaded as. */
    public Loaded loadActive() {
        return loadSnapshot(null);
    }

    /**
     * Loads a slot (null: the active one) in one read-only snapshot, so that rows and positions agree even while
     * another replica saves into it.
     */
    private Loaded loadSnapshot(Slot wanted) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                Active active = active(c, false);
                Slot slot = wanted == null ? active.slot() : wanted;
                ReadModel model = load(c, slot);
                c.commit();
                return new Loaded(slot, active.generation(), model);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setReadOnly(false);
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Loading the read model failed", e);
        }
    }

    private ReadModel load(Connection c, Slot slot) {
        ReadModel model = new ReadModel();
        Phases phases = new Phases("Loaded the read models of " + slot.schema);
        load(c, slot, model, true, phases);
        phases.log();
        return model;
    }

    /**
     * The slot's rows into {@code model}, in the caller's transaction; its superseded figures too if
     * {@code withHistory}. Each table's rows and time go to {@code phases}.
     */
    private void load(Connection c, Slot slot, ReadModel model, boolean withHistory, Phases phases) {
        String s = slot.schema;
        long loaded = 0;
        model.recording(false); // what is loaded is saved already
        try (Statement st = c.createStatement()) {
            st.setFetchSize(5_000);
            Map<String, List<Unit.Spell>> spells = new HashMap<>();
            try (ResultSet rs = st.executeQuery("select unit_id, parent_id, valid_from from " + s
                    + ".unit_parent order by unit_id, seq")) {
                while (rs.next()) {
                    spells.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Unit.Spell(month(rs.getString(3)), rs.getString(2)));
                    phases.row();
                }
            }
            phases.done("unit_parent");
            try (ResultSet rs = st.executeQuery("select unit_id, name, level from " + s + ".unit")) {
                while (rs.next()) {
                    model.restore(new Unit(rs.getString(1), rs.getString(2), UnitLevel.valueOf(rs.getString(3)),
                            spells.getOrDefault(rs.getString(1), List.of())));
                    phases.row();
                }
            }
            phases.done("unit");
            try (ResultSet rs = st.executeQuery("select indicator_id, name, perspective, measure, direction,"
                    + " description, scale_min, scale_max, owner_unit_id, paired_outcome from " + s + ".indicator")) {
                while (rs.next()) {
                    model.restore(new Indicator(rs.getString(1), rs.getString(2), Perspective.valueOf(rs.getString(3)),
                            Measure.valueOf(rs.getString(4)), Direction.valueOf(rs.getString(5)), rs.getString(6),
                            rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getString(9), rs.getString(10)));
                    phases.row();
                }
            }
            phases.done("indicator");
            try (ResultSet rs = st.executeQuery("select goal_id, indicator_id, year, classification, target, origin,"
                    + " source_unit_id, letter_id, main_goal, local_adjustment, proposal_id, retired_from,"
                    + " target_revisions from " + s
                    + ".goal")) {
                while (rs.next()) {
                    String adjustment = rs.getString(10);
                    model.restore(new Goal(rs.getString(1), rs.getString(2), rs.getInt(3),
                            Classification.valueOf(rs.getString(4)), rs.getBigDecimal(5),
                            GoalOrigin.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9),
                            adjustment == null ? null : LocalAdjustment.valueOf(adjustment), rs.getString(11),
                            month(rs.getString(12)), revisions(rs.getString(13))));
                    phases.row();
                }
            }
            phases.done("goal");
            // not the measurement ids: a model keeps none in memory (they are the slot's, for the rows it saves); and
            // through COPY, which streams the rows while they are read (a cursor's fetches wait for each other)
            try (CopyRows rs = new CopyRows(c, "select unit_id, indicator_id, period, numerator, denominator, value,"
                    + " comment, outlier_figure, outlier_low, outlier_high, outlier_confirmations,"
                    + " known_from, stream_version from " + s + ".result", 13)) {
                while (rs.next()) {
                    if (++loaded % 10_000 == 0) {
                        model.takeChanges(); // loading changes nothing to save: keep the model's record short
                    }
                    java.math.BigDecimal figure = rs.getBigDecimal(8);
                    model.restore(new Result(rs.getString(1), rs.getString(2), rs.getMonth(3),
                            rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7),
                            null, rs.getLong(13, 0), figure == null ? null
                                    : new Outlier(figure, rs.getBigDecimal(9), rs.getBigDecimal(10)),
                            (int) rs.getLong(11, 0), rs.getLong(12, Result.ALWAYS)));
                    phases.row();
                }
            }
            phases.done("result");
            if (withHistory) {
                loadSuperseded(st, s, model::restoreSuperseded, phases);
                phases.done("result_version");
            }
            try (ResultSet rs = st.executeQuery("select kind, id, seq, known_from, body::text from " + s
                    + ".entity_version order by kind, id, seq")) {
                while (rs.next()) {
                    Stamped.Kind kind = Stamped.Kind.valueOf(rs.getString(1));
                    Class<?> type = switch (kind) {
                        case UNIT -> Unit.class;
                        case INDICATOR -> Indicator.class;
                        case GOAL -> Goal.class;
                    };
                    model.restoreVersion(new EntityVersion(kind, rs.getString(2),
                            new Stamped<>(time(rs, 4), fromJson(rs.getString(5), type), rs.getInt(3))));
                    phases.row();
                }
            }
            phases.done("entity_version");
            try (ResultSet rs = st.executeQuery("select unit_id, year, max_steering_goals from " + s
                    + ".goal_budget")) {
                while (rs.next()) {
                    model.putGoalBudget(rs.getString(1), rs.getInt(2), rs.getInt(3));
                    phases.row();
                }
            }
            phases.done("goal_budget");
            try (ResultSet rs = st.executeQuery("select unit_id, indicator_id, period, seq, comment, author,"
                    + " commented_at from " + s + ".figure_comment order by unit_id, indicator_id, period, seq")) {
                while (rs.next()) {
                    model.addFigureComment(new FigureComment(rs.getString(1), rs.getString(2),
                            YearMonth.parse(rs.getString(3)), rs.getInt(4), rs.getString(5), rs.getString(6),
                            instant(rs.getTimestamp(7))));
                    phases.row();
                }
            }
            phases.done("figure_comment");
            try (ResultSet rs = st.executeQuery("select stream_id, version from " + s + ".stream_position")) {
                while (rs.next()) {
                    if (++loaded % 10_000 == 0) {
                        model.takeChanges();
                    }
                    // a figure's row may carry a later version of its stream than a row saved here before V10
                    if (rs.getLong(2) > model.streamVersion(rs.getString(1))) {
                        model.streamApplied(rs.getString(1), rs.getLong(2));
                    }
                    phases.row();
                }
            }
            phases.done("stream_position");
            try (ResultSet rs = st.executeQuery("select topic, partition, next_offset, event_time, applied_at from " + s
                    + ".partition_position")) {
                while (rs.next()) {
                    model.partitionApplied(new PartitionId(rs.getString(1), rs.getInt(2)),
                            new Position(rs.getLong(3), instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5))));
                    phases.row();
                }
            }
            phases.done("partition_position");
        } catch (SQLException e) {
            throw new IllegalStateException("Loading the read model from " + s + " failed", e);
        } finally {
            model.recording(true);
        }
        model.takeChanges();
    }

    /**
     * Loads the active slot for a start, in one snapshot on two connections: the model's current content
     * (everything but the superseded office figures) on the calling thread, handed to {@code current} as soon as
     * it is complete; then the superseded figures on a second connection, run by {@code executor}, which takes
     * the first one's snapshot ({@code pg_export_snapshot()}, {@code SET TRANSACTION SNAPSHOT}), so that rows,
     * history and positions agree as one consistent snapshot even while another replica saves. Returns the history
     * once both are loaded, for {@link ReadModel#installHistory}; the model is loaded without it
     * ({@link ReadModel#keepsHistory()} false) and nothing may be applied to it until it is installed.
     */
    public ReadModel.SupersededHistory loadForStart(java.util.function.Consumer<Loaded> current,
            java.util.concurrent.Executor executor) {
        java.util.concurrent.CompletableFuture<ReadModel.SupersededHistory> history;
        try (Connection c = dataSource.getConnection()) {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            c.setAutoCommit(false);
            try {
                Active active = active(c, false);
                Slot slot = active.slot();
                String snapshot;
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select pg_export_snapshot()")) {
                    rs.next();
                    snapshot = rs.getString(1);
                }
                ReadModel model = new ReadModel(false);
                Phases phases = new Phases("Loaded the current read models of " + slot.schema);
                load(c, slot, model, false, phases);
                phases.log();
                current.accept(new Loaded(slot, active.generation(), model));
                // only now: on two cores, shared with the rest of the start, the history would slow the current
                // content down (measured), and only asOf reads and live records wait for it
                java.util.concurrent.CountDownLatch imported = new java.util.concurrent.CountDownLatch(1);
                history = java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> loadHistory(slot, snapshot, imported), executor);
                // the exported snapshot lives as long as this transaction: the second connection must have taken it
                imported.await();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                c.rollback();
                throw new IllegalStateException("Loading the read model was interrupted", e);
            } finally {
                c.setAutoCommit(true);
                c.setReadOnly(false);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Loading the read model failed", e);
        }
        try {
            return history.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The superseded office figures of a slot, in the exported snapshot of another transaction. */
    private ReadModel.SupersededHistory loadHistory(Slot slot, String snapshot,
            java.util.concurrent.CountDownLatch imported) {
        ReadModel.SupersededHistory history = new ReadModel.SupersededHistory();
        readSuperseded(slot, snapshot, imported::countDown, history::add);
        return history;
    }

    /** The rows and time of each table a load reads, logged once at the end (INFO). */
    static final class Phases {
        private final String what;
        private final long begin = System.nanoTime();
        private final StringBuilder done = new StringBuilder();
        private long mark = begin;
        private long rows;

        Phases(String what) {
            this.what = what;
        }

        void row() {
            rows++;
        }

        void done(String table) {
            long now = System.nanoTime();
            done.append(done.length() == 0 ? "" : ", ").append(table).append(' ').append(rows).append(" rows ")
                    .append((now - mark) / 1_000_000).append(" ms");
            mark = now;
            rows = 0;
        }

        void log() {
            LOG.infof("%s in %d ms: %s", what, (System.nanoTime() - begin) / 1_000_000, done);
        }
    }

    /** The superseded office figures of a slot, oldest first per figure, to {@code into}. */
    private static void loadSuperseded(Statement st, String s, java.util.function.Consumer<Superseded> into,
            Phases phases) throws SQLException {
        try (ResultSet rs = st.executeQuery("select unit_id, indicator_id, period, seq, numerator, denominator,"
                + " value, comment, outlier_figure, outlier_low, outlier_high, outlier_confirmations, known_from,"
                + " superseded_by, reason from " + s + ".result_version order by unit_id, indicator_id, period,"
                + " seq")) {
            while (rs.next()) {
                java.math.BigDecimal figure = rs.getBigDecimal(9);
                phases.row();
                into.accept(new Superseded(new Result(rs.getString(1), rs.getString(2),
                        YearMonth.parse(rs.getString(3)), rs.getBigDecimal(5), rs.getBigDecimal(6),
                        rs.getBigDecimal(7), rs.getString(8), null, 0L, figure == null ? null
                                : new Outlier(figure, rs.getBigDecimal(10), rs.getBigDecimal(11)),
                        rs.getInt(12), time(rs, 13)), Superseded.Change.valueOf(rs.getString(14)),
                        rs.getString(15), rs.getInt(4)));
            }
        }
    }

    /**
     * Loads a slot's superseded office figures into a model that did not keep them (a rebuild's, when it takes
     * over), in one read-only snapshot; from then on the model keeps them.
     */
    public void loadHistory(Slot slot, ReadModel model) {
        readSuperseded(slot, null, () -> { }, model::restoreSuperseded);
        model.historyLoaded();
    }

    /**
     * Reads a slot's superseded office figures, oldest first per figure, in a read-only transaction of their own —
     * in the exported {@code snapshot} of another transaction when one is given ({@code imported} runs once it has
     * been taken, or the attempt failed: the exporting transaction may end then).
     */
    private void readSuperseded(Slot slot, String snapshot, Runnable imported, java.util.function.Consumer<Superseded> into) {
        try (Connection c = dataSource.getConnection()) {
            if (snapshot != null) {
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            c.setReadOnly(true);
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                if (snapshot != null) {
                    try {
                        st.execute("set transaction snapshot '" + snapshot.replace("'", "''") + "'");
                    } finally {
                        imported.run();
                    }
                }
                st.setFetchSize(5_000);
                Phases phases = new Phases("Loaded the history of " + slot.schema);
                loadSuperseded(st, slot.schema, into, phases);
                phases.done("result_version");
                c.commit();
                phases.log();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
                c.setReadOnly(false);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Loading the history of " + slot.schema + " failed", e);
        } finally {
            imported.run();
        }
    }

    // ---------------------------------------------------------------- helpers

    private void execute(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Statement failed: " + sql, e);
        }
    }

    private static String[] qualified(Slot slot, String... tables) {
        String[] names = new String[tables.length];
        for (int i = 0; i < tables.length; i++) {
            names[i] = slot.schema + "." + tables[i];
        }
        return names;
    }

    // ---------------------------------------------------------------- on demand

    /** When and by whom the figures of these offices for a month were first reported, as the slot saved it. */
    public Map<Result.Key, Reported> reported(Slot slot, YearMonth period, java.util.Collection<String> unitIds) {
        Map<Result.Key, Reported> reported = new HashMap<>();
        if (unitIds.isEmpty()) {
            return reported;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select unit_id,"
                + " indicator_id, reported_at, reported_by, reporter_kind from " + slot.schema + ".result"
                + " where period = ? and unit_id = any(?)")) {
            ps.setString(1, period.toString());
            ps.setArray(2, c.createArrayOf("text", unitIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reported.put(new Result.Key(rs.getString(1), rs.getString(2), period),
                            new Reported(instant(rs.getTimestamp(3)), rs.getString(4), rs.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading when the figures of " + period + " were reported failed", e);
        }
        return reported;
    }

    /** A goal's dated targets as the slot keeps them: {@code 2021-06=80;2021-09=85.5} (null: none). */
    static String revisions(List<Goal.Revision> revisions) {
        if (revisions.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (Goal.Revision r : revisions) {
            text.append(text.length() == 0 ? "" : ";").append(r.from()).append('=').append(r.target().toString());
        }
        return text.toString();
    }

    static List<Goal.Revision> revisions(String text) {
        List<Goal.Revision> revisions = new ArrayList<>();
        if (text != null && !text.isEmpty()) {
            for (String part : text.split(";")) {
                int eq = part.indexOf('=');
                revisions.add(new Goal.Revision(YearMonth.parse(part.substring(0, eq)),
                        new java.math.BigDecimal(part.substring(eq + 1))));
            }
        }
        return revisions;
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A version could not be written as JSON", e);
        }
    }

    private <T> T fromJson(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("A saved version could not be read: " + text, e);
        }
    }

    /**
     * An office figure's row in {@link #RESULT_COLUMNS}' order, for either way of writing it: figures and times as
     * text, as the driver sends a single value (the statement casts them; COPY reads them as written).
     */
    private static Object[] resultRow(Result r, Reported reported) {
        Outlier outlier = r.outlier();
        return new Object[] { r.unitId(), r.indicatorId(), r.period().toString(), text(r.numerator()),
            text(r.denominator()), text(r.value()), r.comment(), r.measurementId(),
            reported == null || reported.at() == null ? null : reported.at().toString(),
            reported == null ? null : reported.by(), reported == null ? null : reported.kind(),
            outlier == null ? null : text(outlier.figure()), outlier == null ? null : text(outlier.expectedLow()),
            outlier == null ? null : text(outlier.expectedHigh()), r.confirmations(), time(r.knownFrom()),
            r.streamVersion() };
    }

    /**
     * Appends the office figures the model had not saved before ({@link ChangedRows#added()}) through {@code COPY};
     * returns the changed figures left to upsert. Into the slot a rebuild emptied ({@code append}) no conflict can
     * arise, and one would fail the save. A live save appends them too, under a savepoint: a figure the model holds as
     * new can already be in the slot when another replica saved it before this one took over the lead (or a save
     * whose commit was not confirmed is retried) — then the copy is undone to the savepoint and every changed figure
     * is upserted, as if none had been new.
     */
    private List<Result> copyAdded(Connection c, String s, ChangedRows changes, boolean append) throws SQLException {
        List<Result> results = changes.results();
        List<Result> existing = new ArrayList<>(results.size() - changes.added().size());
        java.sql.Savepoint before = append ? null : c.setSavepoint();
        try (CopyIn copy = new CopyIn(c, s + ".result", RESULT_COLUMNS)) {
            for (Result r : results) {
                if (changes.added().contains(r.key())) {
                    copy.row(resultRow(r, changes.reported().get(r.key())));
                } else {
                    existing.add(r);
                }
            }
        } catch (SQLException e) {
            if (before == null || !"23505".equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(before);
            LOG.debugf("Office figures saved as new were in %s already (%s): upserting them", s, e.getMessage());
            return results;
        }
        if (before != null) {
            c.releaseSavepoint(before);
        }
        return existing;
    }

    /** A superseded version's row in {@link #VERSION_COLUMNS}' order (as {@link #resultRow}). */
    private static Object[] versionRow(Superseded v) {
        Result r = v.result();
        Outlier outlier = r.outlier();
        return new Object[] { r.unitId(), r.indicatorId(), r.period().toString(), v.seq(), text(r.numerator()),
            text(r.denominator()), text(r.value()), r.comment(),
            outlier == null ? null : text(outlier.figure()), outlier == null ? null : text(outlier.expectedLow()),
            outlier == null ? null : text(outlier.expectedHigh()), r.confirmations(), time(r.knownFrom()),
            v.change().name(), v.reason() };
    }

    /** The columns of an office figure's row and of a superseded version's, in the order of their rows' values. */
    private static final String RESULT_COLUMNS = "unit_id, indicator_id, period, numerator, denominator, value,"
            + " comment, measurement_id, reported_at, reported_by, reporter_kind, outlier_figure, outlier_low,"
            + " outlier_high, outlier_confirmations, known_from, stream_version";
    private static final String VERSION_COLUMNS = "unit_id, indicator_id, period, seq, numerator, denominator, value,"
            + " comment, outlier_figure, outlier_low, outlier_high, outlier_confirmations, known_from, superseded_by,"
            + " reason";

    /**
     * The changed office figures of a save, as arrays (figures and times as text, as the driver sends a single
     * value, cast here). A correction keeps when and by whom the figure was first reported.
     */
    private static final String RESULTS = "insert into %s.result (" + RESULT_COLUMNS + ")\n" + """
            select unit_id, indicator_id, period, numerator::numeric, denominator::numeric, value::numeric, comment,
                measurement_id, reported_at::timestamptz, reported_by, reporter_kind, outlier_figure::numeric,
                outlier_low::numeric, outlier_high::numeric, outlier_confirmations, known_from, stream_version
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::integer[], ?::bigint[], ?::bigint[])
            """ + "as t(" + RESULT_COLUMNS + ")\n" + """
            on conflict (unit_id, indicator_id, period) do update set numerator = excluded.numerator,
                known_from = excluded.known_from, denominator = excluded.denominator, value = excluded.value,
                comment = excluded.comment, measurement_id = excluded.measurement_id,
                outlier_figure = excluded.outlier_figure, outlier_low = excluded.outlier_low,
                outlier_high = excluded.outlier_high, outlier_confirmations = excluded.outlier_confirmations,
                reported_at = coalesce(excluded.reported_at, result.reported_at),
                reported_by = coalesce(excluded.reported_by, result.reported_by),
                reporter_kind = coalesce(excluded.reporter_kind, result.reporter_kind),
                stream_version = greatest(excluded.stream_version, result.stream_version)""";

    /**
     * The superseded versions of a save, as arrays. Versions are only ever added: one saved before (a retried save)
     * stays as it was.
     */
    private static final String VERSIONS = "insert into %s.result_version (" + VERSION_COLUMNS + ")\n" + """
            select unit_id, indicator_id, period, seq, numerator::numeric, denominator::numeric, value::numeric,
                comment, outlier_figure::numeric, outlier_low::numeric, outlier_high::numeric, outlier_confirmations,
                known_from, superseded_by, reason
            from unnest(?::text[], ?::text[], ?::text[], ?::integer[], ?::text[], ?::text[], ?::text[], ?::text[],
                ?::text[], ?::text[], ?::text[], ?::integer[], ?::bigint[], ?::text[], ?::text[])
            """ + "as t(" + VERSION_COLUMNS + ")\n" + """
            on conflict do nothing""";

    private static String text(java.math.BigDecimal figure) {
        return figure == null ? null : figure.toString();
    }

    /** An epoch-milliseconds column's value; null for {@link Result#ALWAYS} (known from the beginning). */
    private static Long time(long time) {
        return time == Result.ALWAYS ? null : time;
    }

    /** An epoch-milliseconds column; null is {@link Result#ALWAYS} (known from the beginning). */
    private static long time(ResultSet rs, int index) throws SQLException {
        long value = rs.getLong(index);
        return rs.wasNull() ? Result.ALWAYS : value;
    }

    private static void setTime(PreparedStatement ps, int index, long time) throws SQLException {
        if (time == Result.ALWAYS) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, time);
        }
    }

    private static YearMonth month(String text) {
        return text == null ? null : YearMonth.parse(text);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setTimestamp(index, Timestamp.from(instant));
        }
    }
}
