package no.mrs.reporting.model;

import no.mrs.platform.time.MonthMap;
import no.mrs.platform.time.Months;
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
public final class ReadModel implements ModelView {

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
    /**
     * The history kept for {@code asOf} reads: indicator -> month -> unit -> the figure's superseded versions,
     * oldest first (only figures that were corrected or confirmed have any), and every version of each unit,
     * indicator and goal with the time it became known.
     */
    private final Map<String, Map<YearMonth, Map<String, History>>> supersededByIndicator = new HashMap<>();
    /** The corrections' reasons, each kept once (index -> text, text -> index). */
    private final List<String> reasons = new ArrayList<>();
    private final Map<String, Integer> reasonIndex = new HashMap<>();
    private final Map<String, List<Stamped<Unit>>> unitVersions = new HashMap<>();
    private final Map<String, List<Stamped<Indicator>>> indicatorVersions = new HashMap<>();
    private final Map<String, List<Stamped<Goal>>> goalVersions = new HashMap<>();
    /** The time of the event being applied (epoch milliseconds), {@link Result#ALWAYS} outside one. */
    private long eventTime = Result.ALWAYS;
    /**
     * Whether superseded office figures are kept in memory. A rebuild's model does not keep them while it replays
     * (they go to the slot only): the live model and the rebuilt one are both in memory then, and only one needs
     * the history; the slot's is loaded into the rebuilt model when it takes over ({@link #historyLoaded()}).
     */
    private boolean keepsHistory;
    private static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong();
    private final long id = IDS.incrementAndGet();

    /** A model that keeps its history. */
    public ReadModel() {
        this(true);
    }

    /** A model that keeps the superseded office figures in memory, or only sends them to the slot. */
    public ReadModel(boolean keepsHistory) {
        this.keepsHistory = keepsHistory;
    }

    /** This model's identity (caches key on it, so that they do not keep a replaced model alive). */
    public long id() {
        return id;
    }

    /** Whether the superseded office figures are in memory (false for a rebuild's model until it takes over). */
    public boolean keepsHistory() {
        return keepsHistory;
    }

    /** The slot's superseded office figures have been restored: from now on new ones are kept in memory too. */
    public void historyLoaded() {
        keepsHistory = true;
    }
    /** The applied version of every stream but the results' (each {@link Result} holds its own). */
    private final Map<String, Long> streamVersions = new HashMap<>();
    /** One instance of each unit id, indicator id and month, shared by every result that names it. */
    private final Map<Object, Object> canonical = new HashMap<>();
    private final Map<YearMonth, YearMonth> canonicalMonths = new MonthMap<>();
    private final Map<PartitionId, Position> positions = new TreeMap<>();
    private Changes changes = new Changes();
    /** Whether figures and stream versions put are recorded as changes to save (not while a slot is loaded). */
    private boolean recording = true;
    private long revision;
    /**
     * Derived data kept between reads (readers fill them concurrently under the read lock; writers clear what a
     * change touches under the write lock): the offices under each unit per month, and monthly sums per
     * indicator, month and unit. A new result thus costs one (indicator, month) cell, not the whole scorecard.
     */
    private final Map<Long, Map<String, java.util.Set<String>>> officesUnder = new ConcurrentHashMap<>();
    /** By indicator, then month ({@link MonthMap#index}: a month's own hash code collides within a year). */
    private final Map<String, Map<Long, Map<String, Object>>> sums = new ConcurrentHashMap<>();

    // ---------------------------------------------------------------- reads

    @Override
    public Optional<Unit> unit(String unitId) {
        return Optional.ofNullable(units.get(unitId));
    }

    @Override
    public Collection<Unit> units() {
        return Collections.unmodifiableCollection(units.values());
    }

    @Override
    public Optional<Indicator> indicator(String indicatorId) {
        return Optional.ofNullable(indicators.get(indicatorId));
    }

    @Override
    public Collection<Indicator> indicators() {
        return Collections.unmodifiableCollection(indicators.values());
    }

    @Override
    public Optional<Goal> goal(String goalId) {
        return Optional.ofNullable(goals.get(goalId));
    }

    @Override
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
    @Override
    public List<FigureComment> figureComments(Result.Key key) {
        List<FigureComment> comments = figureComments.get(key);
        return comments == null ? List.of() : Collections.unmodifiableList(comments);
    }

    /** Every figure comment (a view: iterate it under the read lock). */
    @Override
    public Collection<List<FigureComment>> figureComments() {
        return Collections.unmodifiableCollection(figureComments.values());
    }

    @Override
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
    @Override
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
        YearMonth month = Months.exact(streamId, last + 1);
        if (month != null) {
            // a month of the form yyyy-MM spells itself back exactly, and so does the rest of the id
            return new Result.Key(streamId.substring(RESULT_STREAM.length(), first), streamId.substring(first + 1, last),
                    month);
        }
        try {
            Result.Key key = new Result.Key(streamId.substring(RESULT_STREAM.length(), first),
                    streamId.substring(first + 1, last), Months.parse(streamId.substring(last + 1)));
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
    @Override
    public Instant asOf() {
        return positions.values().stream().map(Position::eventTime).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
    }

    /** Grows with every change: caches of derived figures key on it. */
    public long revision() {
        return revision;
    }

    /** The offices under each unit in a month, computed once per month until the organisation changes. */
    @Override
    public Map<String, java.util.Set<String>> officesUnder(YearMonth month,
            Function<YearMonth, Map<String, java.util.Set<String>>> compute) {
        return officesUnder.computeIfAbsent(MonthMap.index(month), m -> compute.apply(month));
    }

    /** A derived figure of (indicator, month, unit), computed once until a result of that indicator and month changes. */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T derived(String indicatorId, YearMonth month, String unitId, Function<String, T> compute) {
        return (T) sums.computeIfAbsent(indicatorId, i -> new ConcurrentHashMap<>())
                .computeIfAbsent(MonthMap.index(month), m -> new ConcurrentHashMap<>())
                .computeIfAbsent(unitId, compute::apply);
    }

    // ---------------------------------------------------------------- history

    /** The model as it stood at {@code time}: what every read would have answered then (see {@link AsOfView}). */
    public AsOfView asSeenAt(Instant time) {
        return new AsOfView(this, time);
    }

    /** The superseded versions of an office figure, oldest first (empty when it never changed). */
    public List<Superseded> superseded(Result.Key key) {
        History history = history(key.indicatorId(), key.period(), key.unitId());
        if (history == null) {
            return List.of();
        }
        List<Superseded> versions = new ArrayList<>(history.size());
        for (int i = 0; i < history.size(); i++) {
            versions.add(superseded(history, i, key.unitId(), key.indicatorId(), key.period()));
        }
        return versions;
    }

    /** Every superseded version (read it under the read lock). */
    public java.util.stream.Stream<Superseded> superseded() {
        java.util.stream.Stream.Builder<Superseded> all = java.util.stream.Stream.builder();
        supersededByIndicator.forEach((indicatorId, byMonth) -> byMonth.forEach((period, byUnit) ->
                byUnit.forEach((unitId, history) -> {
                    for (int i = 0; i < history.size(); i++) {
                        all.add(superseded(history, i, unitId, indicatorId, period));
                    }
                })));
        return all.build();
    }

    /** The superseded versions of an office figure, packed; null when it never changed. */
    History history(String indicatorId, YearMonth month, String unitId) {
        Map<YearMonth, Map<String, History>> byMonth = supersededByIndicator.get(indicatorId);
        Map<String, History> byUnit = byMonth == null ? null : byMonth.get(month);
        return byUnit == null ? null : byUnit.get(unitId);
    }

    /** The superseded versions of an indicator's figures in a month, by unit (empty when none changed). */
    Map<String, History> histories(String indicatorId, YearMonth month) {
        Map<YearMonth, Map<String, History>> byMonth = supersededByIndicator.get(indicatorId);
        Map<String, History> byUnit = byMonth == null ? null : byMonth.get(month);
        return byUnit == null ? Map.of() : byUnit;
    }

    /** The text of a reason index (null for -1). */
    String reason(int index) {
        return index < 0 ? null : reasons.get(index);
    }

    private Superseded superseded(History history, int i, String unitId, String indicatorId, YearMonth period) {
        return new Superseded(history.result(i, unitId, indicatorId, period), history.change(i),
                reason(history.reason(i)), i);
    }

    private int reasonIndex(String reason) {
        if (reason == null) {
            return -1;
        }
        return reasonIndex.computeIfAbsent(reason, r -> {
            reasons.add(r);
            return reasons.size() - 1;
        });
    }

    /** The versions of a unit, oldest first (empty when it was only ever restored or put without an event). */
    public List<Stamped<Unit>> unitVersions(String unitId) {
        return versions(unitVersions, unitId);
    }

    public List<Stamped<Indicator>> indicatorVersions(String indicatorId) {
        return versions(indicatorVersions, indicatorId);
    }

    public List<Stamped<Goal>> goalVersions(String goalId) {
        return versions(goalVersions, goalId);
    }

    /** Every unit's, indicator's and goal's versions, for checksums (a view: read it under the read lock). */
    public java.util.stream.Stream<EntityVersion> entityVersions() {
        java.util.stream.Stream.Builder<EntityVersion> all = java.util.stream.Stream.builder();
        unitVersions.forEach((id, list) -> list.forEach(v -> all.add(new EntityVersion(Stamped.Kind.UNIT, id, v))));
        indicatorVersions.forEach((id, list) -> list.forEach(v -> all.add(
                new EntityVersion(Stamped.Kind.INDICATOR, id, v))));
        goalVersions.forEach((id, list) -> list.forEach(v -> all.add(new EntityVersion(Stamped.Kind.GOAL, id, v))));
        return all.build();
    }

    private static <T> List<Stamped<T>> versions(Map<String, List<Stamped<T>>> all, String id) {
        List<Stamped<T>> versions = all.get(id);
        return versions == null ? List.of() : Collections.unmodifiableList(versions);
    }

    /**
     * Marks the start of an event's application: what it puts became known at {@code time} (null: an event without
     * a time, known from the beginning). {@link #applied()} ends it.
     */
    public void applying(Instant time) {
        eventTime = time == null ? Result.ALWAYS : time.toEpochMilli();
    }

    public void applied() {
        eventTime = Result.ALWAYS;
    }

    /** A version's time: the event's, never before the version it follows (a stream's events are in order). */
    private long stamp(long previous) {
        if (eventTime == Result.ALWAYS) {
            return Result.ALWAYS;
        }
        return previous == Result.ALWAYS ? eventTime : Math.max(eventTime, previous);
    }

    private <T> void version(Map<String, List<Stamped<T>>> all, Stamped.Kind kind, String id, T value) {
        List<Stamped<T>> versions = all.computeIfAbsent(id, k -> new ArrayList<>(2));
        long previous = versions.isEmpty() ? Result.ALWAYS : versions.get(versions.size() - 1).knownFrom();
        Stamped<T> version = new Stamped<>(stamp(previous), value, versions.size());
        versions.add(version);
        changed().entityVersions.add(new EntityVersion(kind, id, version));
    }

    /** Restores a saved version of a unit, indicator or goal (loading a slot); versions come oldest first. */
    @SuppressWarnings("unchecked")
    public void restoreVersion(EntityVersion saved) {
        Map<String, List<Stamped<Object>>> all = (Map<String, List<Stamped<Object>>>) (Map<?, ?>) switch (saved.kind()) {
            case UNIT -> unitVersions;
            case INDICATOR -> indicatorVersions;
            case GOAL -> goalVersions;
        };
        all.computeIfAbsent(canonical(saved.id()), k -> new ArrayList<>(2)).add((Stamped<Object>) saved.version());
    }

    /** Restores a saved superseded version of an office figure (loading a slot); versions come oldest first. */
    public void restoreSuperseded(Superseded saved) {
        Result r = saved.result();
        historyOf(canonical(r.indicatorId()), canonical(r.period()), canonical(r.unitId())).add(r, saved.change(),
                reasonIndex(saved.reason()));
    }

    /**
     * A slot's superseded office figures, loaded apart from the model they belong to (on another thread, while the
     * model's current figures load), then handed to it whole by {@link #installHistory}.
     */
    public static final class SupersededHistory {
        private final Map<String, Map<YearMonth, Map<String, History>>> byIndicator = new HashMap<>();
        private final List<String> reasons = new ArrayList<>();
        private final Map<String, Integer> reasonIndex = new HashMap<>();
        private final Map<Object, Object> canonical = new HashMap<>();
        private int size;

        /** Adds a saved superseded version (they come oldest first per figure). */
        public void add(Superseded saved) {
            Result r = saved.result();
            String reason = saved.reason();
            int index = reason == null ? -1 : reasonIndex.computeIfAbsent(reason, t -> {
                reasons.add(t);
                return reasons.size() - 1;
            });
            byIndicator.computeIfAbsent(canonical(r.indicatorId()), i -> new MonthMap<>())
                    .computeIfAbsent(canonical(r.period()), m -> new HashMap<>())
                    .computeIfAbsent(canonical(r.unitId()), u -> new History()).add(r, saved.change(), index);
            size++;
        }

        /** How many versions it holds. */
        public int size() {
            return size;
        }

        @SuppressWarnings("unchecked")
        private <T> T canonical(T value) {
            Object known = canonical.putIfAbsent(value, value);
            return known == null ? value : (T) known;
        }
    }

    /**
     * Hands a model loaded without its history ({@code new ReadModel(false)}, nothing applied to it since) the
     * slot's superseded figures loaded beside it; from then on it keeps new ones in memory too.
     */
    public void installHistory(SupersededHistory history) {
        if (keepsHistory || !supersededByIndicator.isEmpty() || !reasons.isEmpty()) {
            throw new IllegalStateException("The model already has a history");
        }
        supersededByIndicator.putAll(history.byIndicator);
        reasons.addAll(history.reasons);
        reasonIndex.putAll(history.reasonIndex);
        historyLoaded();
    }

    /** Figures of events without stream versions, by key: how many of their versions were superseded. */
    private final Map<Result.Key, Integer> unversioned = new HashMap<>();

    /**
     * The slot's number of a superseded version: by its stream (the version it was, from 0), so that a live model
     * and a rebuild's (which does not keep the history in memory) number alike; by count for a figure whose events
     * carry no stream version (none of MRS's producers send such).
     */
    private int seq(Result previous, History earlier) {
        if (previous.streamVersion() > 0) {
            return (int) (previous.streamVersion() - 1);
        }
        if (earlier != null) {
            return earlier.size();
        }
        return unversioned.merge(previous.key(), 1, Integer::sum) - 1;
    }

    private History historyOf(String indicatorId, YearMonth period, String unitId) {
        return supersededByIndicator.computeIfAbsent(indicatorId, i -> new MonthMap<>())
                .computeIfAbsent(period, m -> new HashMap<>()).computeIfAbsent(unitId, u -> new History());
    }

    // ---------------------------------------------------------------- writes

    /** Puts a unit as an event made it: a new version of it, known from the event's time. */
    public void put(Unit unit) {
        restore(unit);
        version(unitVersions, Stamped.Kind.UNIT, unit.unitId(), unit);
    }

    /** Puts a unit as a slot saved it (its versions are restored on their own). */
    public void restore(Unit unit) {
        units.put(unit.unitId(), unit);
        officesUnder.clear();
        sums.clear();
        changed().units.add(unit.unitId());
    }

    public void put(Indicator indicator) {
        restore(indicator);
        version(indicatorVersions, Stamped.Kind.INDICATOR, indicator.indicatorId(), indicator);
    }

    public void restore(Indicator indicator) {
        indicators.put(indicator.indicatorId(), indicator);
        sums.remove(indicator.indicatorId());
        changed().indicators.add(indicator.indicatorId());
    }

    public void put(Goal goal) {
        restore(goal);
        version(goalVersions, Stamped.Kind.GOAL, goal.goalId(), goal);
    }

    public void restore(Goal goal) {
        goals.put(goal.goalId(), goal);
        changed().goals.add(goal.goalId());
    }

    public void put(Result result) {
        put(result, null);
    }

    /** Puts a result as a slot saved it, with the time it became known (its superseded versions come on their own). */
    public void restore(Result result) {
        keep(result, null, result.knownFrom(), null, null);
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
        put(result, reported, Superseded.Change.CORRECTION, null);
    }

    /**
     * Puts a result as an event made it: the figure it replaces (if any) is kept as superseded by {@code change} with
     * {@code reason}, and the new one is known from the event's time.
     */
    public void put(Result result, Reported reported, Superseded.Change change, String reason) {
        Result previous = result(result.key()).orElse(null);
        keep(result, reported, stamp(previous == null ? Result.ALWAYS : previous.knownFrom()), change, reason);
    }

    private void keep(Result result, Reported reported, long knownFrom, Superseded.Change change, String reason) {
        String unitId = canonical(result.unitId());
        String indicatorId = canonical(result.indicatorId());
        YearMonth period = canonical(result.period());
        Map<String, Result> byUnit = resultsByIndicator.computeIfAbsent(indicatorId, i -> new MonthMap<>())
                .computeIfAbsent(period, m -> new TextKeyMap<>());
        Result previous = byUnit.get(unitId);
        if (!recording && change == null && reported == null) {
            // loading a slot: the row is saved already (and in memory without its measurement id)
            long version = result.streamVersion() == 0 && previous != null ? previous.streamVersion()
                    : result.streamVersion();
            byUnit.put(unitId, result.inModel(unitId, indicatorId, period, version, knownFrom));
            if (previous == null) {
                resultCount++;
            }
            return;
        }
        // a replacement keeps the stream's version until the model records the new one
        long version = result.streamVersion() == 0 && previous != null ? previous.streamVersion() : result.streamVersion();
        // in memory without its measurement id (the change below carries it to the slot)
        Result kept = result.inModel(unitId, indicatorId, period, version, knownFrom);
        byUnit.put(unitId, kept);
        Changes changes = changed();
        if (previous != null && change != null) {
            History earlier = keepsHistory ? historyOf(indicatorId, period, unitId) : null;
            changes.supersededResults.add(new Superseded(previous, change, reason, seq(previous, earlier)));
            if (earlier != null) {
                earlier.add(previous, change, reasonIndex(reason));
            }
        }
        if (previous == null) {
            resultCount++;
            changes.added.add(kept.key());
        }
        Map<Long, Map<String, Object>> derived = sums.get(indicatorId);
        if (derived != null) {
            derived.remove(MonthMap.index(period));
        }
        changes.results.put(kept.key(), result.withKnownFrom(knownFrom));
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
            Result saved = recording ? changes.results.get(key) : null;
            if (saved != null) {
                // the figure's row is saved anyway: it carries the stream's version (no stream_position row)
                changes.results.put(key, saved.withStreamVersion(version));
                return;
            }
        } else {
            streamVersions.put(streamId, version);
        }
        if (recording) {
            changed().streams.add(streamId);
        }
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
        changes.added.addAll(taken.added);
        changes.goalBudgets.addAll(taken.goalBudgets);
        // comments are only ever added: the earlier ones go first (saving one twice changes nothing)
        changes.figureComments.addAll(0, taken.figureComments);
        // versions too are only ever added (saving one twice changes nothing)
        changes.entityVersions.addAll(0, taken.entityVersions);
        changes.supersededResults.addAll(0, taken.supersededResults);
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

    /** The model's one instance of a month (kept apart: months would share buckets among the strings). */
    private YearMonth canonical(YearMonth month) {
        if (month == null) {
            return null;
        }
        YearMonth known = canonicalMonths.putIfAbsent(month, month);
        return known == null ? month : known;
    }

    /**
     * Whether figures and stream versions put from now on are recorded as changes to save: off while a slot is
     * loaded into a new model (the slot holds them already), on otherwise.
     */
    public void recording(boolean on) {
        recording = on;
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
