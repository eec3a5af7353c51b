package no.mrs.reporting.model;

import no.mrs.platform.time.MonthMap;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The read model as it stood at an instant: each office figure in the version known then (before later corrections,
 * absent when it was reported later), each unit, indicator and goal in the version known then (so the hierarchy,
 * the goals and their dated targets as they were then known), and the comments made by then. What an event made
 * known counts from the event's time (its CloudEvent {@code time}).
 *
 * <p>A view is made for one request and read on one thread under the model's read lock; it keeps what it works out
 * (filtered results, offices per unit, monthly sums) for that request only.
 */
public final class AsOfView implements ModelView {

    private final ReadModel model;
    private final Instant at;
    private final long time;
    private Map<String, Unit> units;
    private Map<String, Indicator> indicators;
    private Map<String, Goal> goals;
    private final Map<String, Map<YearMonth, Map<String, Result>>> results = new HashMap<>();
    private final Map<YearMonth, Map<String, Set<String>>> officesUnder = new MonthMap<>();
    private final Map<String, Map<YearMonth, Map<String, Object>>> derived = new HashMap<>();

    AsOfView(ReadModel model, Instant at) {
        this.model = model;
        this.at = at;
        this.time = at.toEpochMilli();
    }

    /** The instant the view shows. */
    public Instant at() {
        return at;
    }

    /** The model as it stands now. */
    public ReadModel now() {
        return model;
    }

    @Override
    public Optional<Unit> unit(String unitId) {
        units();
        return Optional.ofNullable(units.get(unitId));
    }

    @Override
    public Collection<Unit> units() {
        if (units == null) {
            units = known(model.units(), Unit::unitId, model::unitVersions);
        }
        return Collections.unmodifiableCollection(units.values());
    }

    @Override
    public Optional<Indicator> indicator(String indicatorId) {
        indicators();
        return Optional.ofNullable(indicators.get(indicatorId));
    }

    @Override
    public Collection<Indicator> indicators() {
        if (indicators == null) {
            indicators = known(model.indicators(), Indicator::indicatorId, model::indicatorVersions);
        }
        return Collections.unmodifiableCollection(indicators.values());
    }

    @Override
    public Optional<Goal> goal(String goalId) {
        goals();
        return Optional.ofNullable(goals.get(goalId));
    }

    @Override
    public Collection<Goal> goals() {
        if (goals == null) {
            goals = known(model.goals(), Goal::goalId, model::goalVersions);
        }
        return Collections.unmodifiableCollection(goals.values());
    }

    /** Each thing in its version known at the instant; one without versions counts as known from the beginning. */
    private <T> Map<String, T> known(Collection<T> current, Function<T, String> id,
            Function<String, List<Stamped<T>>> versionsOf) {
        Map<String, T> known = new HashMap<>();
        for (T thing : current) {
            String key = id.apply(thing);
            List<Stamped<T>> versions = versionsOf.apply(key);
            if (versions.isEmpty()) {
                known.put(key, thing);
                continue;
            }
            for (int i = versions.size() - 1; i >= 0; i--) {
                Stamped<T> version = versions.get(i);
                if (version.knownFrom() == Result.ALWAYS || version.knownFrom() <= time) {
                    known.put(key, version.value());
                    break;
                }
            }
        }
        return known;
    }

    @Override
    public List<FigureComment> figureComments(Result.Key key) {
        return madeByThen(model.figureComments(key));
    }

    @Override
    public Collection<List<FigureComment>> figureComments() {
        List<List<FigureComment>> all = new ArrayList<>();
        for (List<FigureComment> comments : model.figureComments()) {
            List<FigureComment> then = madeByThen(comments);
            if (!then.isEmpty()) {
                all.add(then);
            }
        }
        return all;
    }

    private List<FigureComment> madeByThen(List<FigureComment> comments) {
        List<FigureComment> then = new ArrayList<>(comments.size());
        for (FigureComment c : comments) {
            if (c.at() == null || !c.at().isAfter(at)) {
                then.add(c);
            }
        }
        return then;
    }

    @Override
    public Optional<Result> result(Result.Key key) {
        return Optional.ofNullable(results(key.indicatorId(), key.period()).get(key.unitId()));
    }

    @Override
    public Map<String, Result> results(String indicatorId, YearMonth month) {
        return results.computeIfAbsent(indicatorId, i -> new MonthMap<>()).computeIfAbsent(month, m -> {
            Map<String, Result> current = model.results(indicatorId, month);
            Map<String, History> earlier = model.histories(indicatorId, month);
            Map<String, Result> then = new HashMap<>(current.size() * 4 / 3 + 1);
            for (Result result : current.values()) {
                Result known = atTime(result, earlier.get(result.unitId()));
                if (known != null) {
                    then.put(result.unitId(), known);
                }
            }
            return then;
        });
    }

    /** The version of a figure known at the instant, null when it was not known yet. */
    private Result atTime(Result current, History earlier) {
        if (current.knownAt(time)) {
            return current;
        }
        if (earlier != null) {
            for (int i = earlier.size() - 1; i >= 0; i--) {
                if (earlier.knownAt(i, time)) {
                    // the one object a read makes of a superseded version (the model keeps them packed)
                    return earlier.result(i, current.unitId(), current.indicatorId(), current.period());
                }
            }
        }
        return null;
    }

    @Override
    public Instant asOf() {
        Instant latest = model.asOf();
        return latest == null ? null : latest.isBefore(at) ? latest : at;
    }

    @Override
    public Map<String, Set<String>> officesUnder(YearMonth month,
            Function<YearMonth, Map<String, Set<String>>> compute) {
        return officesUnder.computeIfAbsent(month, compute);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T derived(String indicatorId, YearMonth month, String unitId, Function<String, T> compute) {
        Map<String, Object> byUnit = derived.computeIfAbsent(indicatorId, i -> new MonthMap<>())
                .computeIfAbsent(month, m -> new HashMap<>());
        Object value = byUnit.get(unitId);
        if (value == null) {
            value = compute.apply(unitId);
            byUnit.put(unitId, value);
        }
        return (T) value;
    }

    /**
     * What changed after the instant among an indicator's figures of a month from these offices: corrections (with
     * their reasons, in the order made) and figures first reported later.
     */
    public Since since(String indicatorId, YearMonth month, Set<String> offices) {
        int corrections = 0;
        int late = 0;
        Set<String> reasons = new LinkedHashSet<>();
        Map<String, History> earlier = model.histories(indicatorId, month);
        for (Result current : model.results(indicatorId, month).values()) {
            if (current.knownAt(time) || !offices.contains(current.unitId())) {
                continue;
            }
            History versions = earlier.get(current.unitId());
            if (versions == null || !versions.knownAt(0, time)) {
                late++;
                continue;
            }
            for (int i = 0; i < versions.size(); i++) {
                boolean replacedLater = i + 1 < versions.size() ? !versions.knownAt(i + 1, time) : !current.knownAt(time);
                if (versions.change(i) == Superseded.Change.CORRECTION && replacedLater) {
                    corrections++;
                    String reason = model.reason(versions.reason(i));
                    if (reason != null && !reason.isBlank()) {
                        reasons.add(reason);
                    }
                }
            }
        }
        return new Since(corrections, late, List.copyOf(reasons));
    }

    /** Corrections made and figures first reported after the instant, and the corrections' distinct reasons. */
    public record Since(int corrections, int lateReports, List<String> reasons) {

        public static final Since NONE = new Since(0, 0, List.of());

        public Since plus(Since other) {
            if (other.corrections == 0 && other.lateReports == 0) {
                return this;
            }
            Set<String> all = new LinkedHashSet<>(reasons);
            all.addAll(other.reasons);
            return new Since(corrections + other.corrections, lateReports + other.lateReports, List.copyOf(all));
        }

        public boolean isEmpty() {
            return corrections == 0 && lateReports == 0;
        }
    }
}
