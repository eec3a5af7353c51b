package no.mrs.reporting.model;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Collections;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Everything the reporting API answers from, held in memory: the organisation, the catalogue, the goals and the
 * office figures, plus how far each stream and partition has been applied. Figures are aggregated when read (see
 * {@code Figures}), so the order in which the two topics arrive does not matter.
 *
 * <p>Not thread-safe: {@code ReadModels} guards it with a read-write lock. Every mutation records its key in
 * {@link #changes()} so that the store saves exactly what changed.
 */
public final class ReadModel {

    private final Map<String, Unit> units = new HashMap<>();
    private final Map<String, Indicator> indicators = new HashMap<>();
    private final Map<String, Goal> goals = new HashMap<>();
    /** The units' own goal budgets: unit -> year -> cap on steering goals (units without one have the default). */
    private final Map<String, Map<Integer, Integer>> goalBudgets = new HashMap<>();
    /** Comments of regions and the nation on their own figures, by figure, oldest first. */
    private final Map<Result.Key, List<FigureComment>> figureComments = new HashMap<>();
    private int resultCount;
    /** indicator -> month -> unit -> result: what aggregation scans. */
    private final Map<String, Map<YearMonth, Map<String, Result>>> resultsByIndicator = new HashMap<>();
    /** The applied version of every stream but the results' (each {@link Result} holds its own). */
    private final Map<String, Long> streamVersions = new HashMap<>();
    /** One instance of each unit id, indicator id and month, shared by every result that names it. */
    private final Map<Object, Object> canonical = new HashMap<>();
    private final Map<PartitionId, Position> positions = new TreeMap<>();
    private Changes changes = new Changes();
    private long revision;
    /**
     * Derived data kept between reads (readers fill them concurrently under the read lock; writers clear what a
     * change touches under the write lock): the offices under each unit per month, and monthly sums per
     * indicator, month and unit. A new result thus costs one (indicator, month) cell, not the whole scorecard.
     */
    private final Map<YearMonth, Map<String, java.util.Set<String>>> officesUnder = new ConcurrentHashMap<>();
    private final Map<String, Map<YearMonth, Map<String, Object>>> sums = new ConcurrentHashMap<>();

    // ---------------------------------------------------------------- reads

    public Optional<Unit> unit(String unitId) {
        return Optional.ofNullable(units.get(unitId));
    }

    public Collection<Unit> units() {
        return Collections.unmodifiableCollection(units.values());
    }

    public Optional<Indicator> indicator(String indicatorId) {
        return Optional.ofNullable(indicators.get(indicatorId));
    }

    public Collection<Indicator> indicators() {
        return Collections.unmodifiableCollection(indicators.values());
    }

    public Optional<Goal> goal(String goalId) {
        return Optional.ofNullable(goals.get(goalId));
    }

    public Collection<Goal> goals() {
        return Collections.unmodifiableCollection(goals.values());
    }

    /** The unit's own cap on steering goals for the year, empty when it has none (the default applies). */
    public Optional<Integer> goalBudget(String unitId, int year) {
        Map<Integer, Integer> byYear = goalBudgets.get(unitId);
        return Optional.ofNullable(byYear == null ? null : byYear.get(year));
    }

    /** Every own goal budget: unit -> year -> cap (a view: read it under the read lock). */
    public Map<String, Map<Integer, Integer>> goalBudgets() {
        return Collections.unmodifiableMap(goalBudgets);
    }

    /** The comments on a region's or the nation's figure, oldest first (empty when there are none). */
    public List<FigureComment> figureComments(Result.Key key) {
        List<FigureComment> comments = figureComments.get(key);
        return comments == null ? List.of() : Collections.unmodifiableList(comments);
    }

    /** Every figure comment (a view: iterate it under the read lock). */
    public Collection<List<FigureComment>> figureComments() {
        return Collections.unmodifiableCollection(figureComments.values());
    }

    public Optional<Result> result(Result.Key key) {
        Map<String, Result> byUnit = byUnit(key.indicatorId(), key.period());
        return Optional.ofNullable(byUnit == null ? null : byUnit.get(key.unitId()));
    }

    /** Every result (a view: iterate it under the read lock). */
    public Collection<Result> results() {
        return new java.util.AbstractCollection<>() {
            @Override
            public java.util.Iterator<Result> iterator() {
                return resultsByIndicator.values().stream().flatMap(byMonth -> byMonth.values().stream())
                        .flatMap(byUnit -> byUnit.values().stream()).iterator();
            }

            @Override
            public int size() {
                return resultCount;
            }
        };
    }

    private Map<String, Result> byUnit(String indicatorId, YearMonth month) {
        Map<YearMonth, Map<String, Result>> byMonth = resultsByIndicator.get(indicatorId);
        return byMonth == null ? null : byMonth.get(month);
    }

    /** The results of an indicator in a month, by unit (empty when there are none). */
    public Map<String, Result> results(String indicatorId, YearMonth month) {
        Map<YearMonth, Map<String, Result>> byMonth = resultsByIndicator.get(indicatorId);
        Map<String, Result> byUnit = byMonth == null ? null : byMonth.get(month);
        return byUnit == null ? Map.of() : Collections.unmodifiableMap(byUnit);
    }

    /** The months in which any indicator has results. */
    public java.util.Set<YearMonth> resultMonths() {
        java.util.Set<YearMonth> months = new java.util.HashSet<>();
        resultsByIndicator.values().forEach(byMonth -> months.addAll(byMonth.keySet()));
        return months;
    }

    public long streamVersion(String streamId) {
        Result.Key key = resultStream(streamId);
        if (key != null) {
            Optional<Result> result = result(key);
            if (result.isPresent()) {
                return result.get().streamVersion();
            }
        }
        Long version = streamVersions.get(streamId);
        return version == null ? 0L : version;
    }

    /** Every stream's applied version, by stream id: a copy, for checksums. */
    public Map<String, Long> streamVersions() {
        Map<String, Long> all = new HashMap<>(streamVersions);
        for (Result result : results()) {
            if (result.streamVersion() > 0) {
                all.put(resultStreamId(result.key()), result.streamVersion());
            }
        }
        return Collections.unmodifiableMap(all);
    }

    /** How many streams have been applied. */
    public int streamCount() {
        int count = streamVersions.size();
        for (Result result : results()) {
            if (result.streamVersion() > 0) {
                count++;
            }
        }
        return count;
    }

    private static final String RESULT_STREAM = "result:";

    /** The result key of a result stream id ({@code result:<unit>/<indicator>/<month>}), null for any other id. */
    static Result.Key resultStream(String streamId) {
        if (!streamId.startsWith(RESULT_STREAM)) {
            return null;
        }
        int first = streamId.indexOf('/', RESULT_STREAM.length());
        int last = streamId.lastIndexOf('/');
        if (first < 0 || last <= first) {
            return null;
        }
        try {
            Result.Key key = new Result.Key(streamId.substring(RESULT_STREAM.length(), first),
                    streamId.substring(first + 1, last), YearMonth.parse(streamId.substring(last + 1)));
            // only an id that the key spells back exactly is kept by key
            return resultStreamId(key).equals(streamId) ? key : null;
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    static String resultStreamId(Result.Key key) {
        return RESULT_STREAM + key.unitId() + "/" + key.indicatorId() + "/" + key.period();
    }

    public Optional<Position> position(PartitionId partition) {
        return Optional.ofNullable(positions.get(partition));
    }

    public Map<PartitionId, Position> positions() {
        return Collections.unmodifiableMap(positions);
    }

    /** The time of the latest event applied, null before the first. */
    public Instant asOf() {
        return positions.values().stream().map(Position::eventTime).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
    }

    /** Grows with every change: caches of derived figures key on it. */
    public long revision() {
        return revision;
    }

    /** The offices under each unit in a month, computed once per month until the organisation changes. */
    public Map<String, java.util.Set<String>> officesUnder(YearMonth month,
            Function<YearMonth, Map<String, java.util.Set<String>>> compute) {
        return officesUnder.computeIfAbsent(month, compute);
    }

    /** A derived figure of (indicator, month, unit), computed once until a result of that indicator and month changes. */
    @SuppressWarnings("unchecked")
    public <T> T derived(String indicatorId, YearMonth month, String unitId, Function<String, T> compute) {
        return (T) sums.computeIfAbsent(indicatorId, i -> new ConcurrentHashMap<>())
                .computeIfAbsent(month, m -> new ConcurrentHashMap<>())
                .computeIfAbsent(unitId, compute::apply);
    }

    // ---------------------------------------------------------------- writes

    public void put(Unit unit) {
        units.put(unit.unitId(), unit);
        officesUnder.clear();
        sums.clear();
        changed().units.add(unit.unitId());
    }

    public void put(Indicator indicator) {
        indicators.put(indicator.indicatorId(), indicator);
        sums.remove(indicator.indicatorId());
        changed().indicators.add(indicator.indicatorId());
    }

    public void put(Goal goal) {
        goals.put(goal.goalId(), goal);
        changed().goals.add(goal.goalId());
    }

    public void put(Result result) {
        put(result, null);
    }

    public void putGoalBudget(String unitId, int year, int maxSteeringGoals) {
        goalBudgets.computeIfAbsent(unitId, u -> new HashMap<>()).put(year, maxSteeringGoals);
        changed().goalBudgets.add(new Changes.BudgetKey(unitId, year));
    }

    /** Adds a comment on an aggregate figure; its seq follows the comments already there. */
    public FigureComment addFigureComment(FigureComment comment) {
        List<FigureComment> comments = figureComments.computeIfAbsent(comment.key(), k -> new ArrayList<>());
        FigureComment added = comment.seq() > 0 ? comment : new FigureComment(comment.unitId(), comment.indicatorId(),
                comment.period(), comments.size() + 1, comment.comment(), comment.author(), comment.at());
        comments.add(added);
        changed().figureComments.add(added);
        return added;
    }

    /** Puts a result; {@code reported} (when and by whom it was first reported) goes only to the slot. */
    public void put(Result result, Reported reported) {
        String unitId = canonical(result.unitId());
        String indicatorId = canonical(result.indicatorId());
        YearMonth period = canonical(result.period());
        Map<String, Result> byUnit = resultsByIndicator.computeIfAbsent(indicatorId, i -> new HashMap<>())
                .computeIfAbsent(period, m -> new HashMap<>());
        Result previous = byUnit.get(unitId);
        // a replacement keeps the stream's version until the model records the new one
        long version = result.streamVersion() == 0 && previous != null ? previous.streamVersion() : result.streamVersion();
        // in memory without its measurement id (the change below carries it to the slot)
        Result kept = new Result(unitId, indicatorId, period, result.numerator(), result.denominator(), result.value(),
                result.comment(), null, version, result.outlier(), result.confirmations());
        byUnit.put(unitId, kept);
        if (previous == null) {
            resultCount++;
        }
        Map<YearMonth, Map<String, Object>> derived = sums.get(indicatorId);
        if (derived != null) {
            derived.remove(period);
        }
        Changes changes = changed();
        changes.results.put(kept.key(), result);
        if (reported != null) {
            changes.reported.put(kept.key(), reported);
        }
    }

    public void streamApplied(String streamId, long version) {
        Result.Key key = resultStream(streamId);
        Map<String, Result> byUnit = key == null ? null : byUnit(key.indicatorId(), key.period());
        Result result = byUnit == null ? null : byUnit.get(key.unitId());
        if (result != null) {
            byUnit.put(result.unitId(), result.withStreamVersion(version));
            streamVersions.remove(streamId);
        } else {
            streamVersions.put(streamId, version);
        }
        changed().streams.add(streamId);
    }

    public void partitionApplied(PartitionId partition, Position position) {
        positions.put(partition, position);
        changed().partitions.add(partition);
    }

    /** The rows changed since the last call, copied out so they can be saved on any thread; recording starts afresh. */
    public ChangedRows takeChangedRows() {
        return ChangedRows.of(this, takeChanges());
    }

    /** The rows of these changed keys as they stand now, copied out. */
    public ChangedRows rowsOf(Changes taken) {
        return ChangedRows.of(this, taken);
    }

    /**
     * Records changes taken earlier as unsaved again (their save failed), under any made since: a key changed again
     * keeps its newer row.
     */
    public void restoreChanges(Changes taken) {
        changes.units.addAll(taken.units);
        changes.indicators.addAll(taken.indicators);
        changes.goals.addAll(taken.goals);
        taken.results.forEach(changes.results::putIfAbsent);
        taken.reported.forEach(changes.reported::putIfAbsent);
        changes.goalBudgets.addAll(taken.goalBudgets);
        // comments are only ever added: the earlier ones go first (saving one twice changes nothing)
        changes.figureComments.addAll(0, taken.figureComments);
        changes.streams.addAll(taken.streams);
        changes.partitions.addAll(taken.partitions);
    }

    /** Whether changes are recorded that were not taken yet (not saved). */
    public boolean hasChanges() {
        return !changes.isEmpty();
    }

    @SuppressWarnings("unchecked")
    private <T> T canonical(T value) {
        if (value == null) {
            return null;
        }
        Object known = canonical.putIfAbsent(value, value);
        return known == null ? value : (T) known;
    }

    /** The keys changed since the last call; the model starts recording afresh. */
    public Changes takeChanges() {
        Changes taken = changes;
        changes = new Changes();
        return taken;
    }

    private Changes changed() {
        revision++;
        return changes;
    }
}
