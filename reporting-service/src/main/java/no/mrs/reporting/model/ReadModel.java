package no.mrs.reporting.model;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
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
    private final Map<Result.Key, Result> results = new HashMap<>();
    /** indicator -> month -> unit -> result: what aggregation scans. */
    private final Map<String, Map<YearMonth, Map<String, Result>>> resultsByIndicator = new HashMap<>();
    private final Map<String, Long> streamVersions = new HashMap<>();
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

    public Optional<Result> result(Result.Key key) {
        return Optional.ofNullable(results.get(key));
    }

    public Collection<Result> results() {
        return Collections.unmodifiableCollection(results.values());
    }

    /** The results of an indicator in a month, by unit (empty when there are none). */
    public Map<String, Result> results(String indicatorId, YearMonth month) {
        Map<YearMonth, Map<String, Result>> byMonth = resultsByIndicator.get(indicatorId);
        Map<String, Result> byUnit = byMonth == null ? null : byMonth.get(month);
        return byUnit == null ? Map.of() : Collections.unmodifiableMap(byUnit);
    }

    /** The months in which an indicator has results. */
    public Collection<YearMonth> months(String indicatorId) {
        Map<YearMonth, Map<String, Result>> byMonth = resultsByIndicator.get(indicatorId);
        return byMonth == null ? java.util.List.of() : Collections.unmodifiableSet(byMonth.keySet());
    }

    public long streamVersion(String streamId) {
        return streamVersions.getOrDefault(streamId, 0L);
    }

    public Map<String, Long> streamVersions() {
        return Collections.unmodifiableMap(streamVersions);
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
        results.put(result.key(), result);
        resultsByIndicator.computeIfAbsent(result.indicatorId(), i -> new HashMap<>())
                .computeIfAbsent(result.period(), m -> new HashMap<>())
                .put(result.unitId(), result);
        Map<YearMonth, Map<String, Object>> derived = sums.get(result.indicatorId());
        if (derived != null) {
            derived.remove(result.period());
        }
        changed().results.add(result.key());
    }

    public void streamApplied(String streamId, long version) {
        streamVersions.put(streamId, version);
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
