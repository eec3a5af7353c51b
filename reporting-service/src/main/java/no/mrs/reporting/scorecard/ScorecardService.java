package no.mrs.reporting.scorecard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.contracts.goal.Perspective;
import no.mrs.reporting.figures.Displacement;
import no.mrs.reporting.figures.Figures;
import no.mrs.reporting.figures.GoalsInForce;
import no.mrs.reporting.figures.Status;
import no.mrs.reporting.figures.Sums;
import no.mrs.reporting.figures.Trend;
import no.mrs.reporting.model.Goal;
import no.mrs.reporting.model.Indicator;
import no.mrs.reporting.model.AsOfView;
import no.mrs.reporting.model.ModelView;
import no.mrs.reporting.model.ReadModel;
import no.mrs.reporting.model.Unit;
import no.mrs.reporting.projection.ReadModels;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Builds scorecards from the active read model. A scorecard is computed once per model revision and unit/month (and
 * written as JSON once) and then served from a cache until the next event changes the model.
 */
@ApplicationScoped
public class ScorecardService {

    @Inject
    ReadModels models;

    @Inject
    ObjectMapper json;

    /**
     * The scorecards built from one revision of one model (by its id: a cache must not keep a replaced model in
     * memory); replaced as a whole when the model changes.
     */
    private record Generation(long modelId, long revision, Map<String, Optional<Cached>> scorecards) {

        boolean of(ReadModel model) {
            return modelId == model.id() && revision == model.revision();
        }
    }

    /** A built scorecard and its JSON, serialised once on first request. */
    private static final class Cached {
        final Scorecard scorecard;
        volatile byte[] json;

        Cached(Scorecard scorecard) {
            this.scorecard = scorecard;
        }
    }

    private final AtomicReference<Generation> generation = new AtomicReference<>();
    /** Scorecards as published at an instant, kept like the current ones (per model revision), at most this many. */
    private final AtomicReference<Generation> published = new AtomicReference<>();
    private static final int MAX_PUBLISHED = 256;

    /** The scorecard, or empty when the unit is unknown. */
    public Optional<Scorecard> scorecard(String unitId, YearMonth period) {
        return cached(unitId, period).map(c -> c.scorecard);
    }

    /** The scorecard as JSON (as the REST layer writes it), or empty when the unit is unknown. */
    public Optional<byte[]> scorecardJson(String unitId, YearMonth period) {
        return cached(unitId, period).map(this::json);
    }

    /**
     * Built once per model revision and unit/month: concurrent requests for the same scorecard wait for one build
     * instead of each building it, and the read lock keeps the revision fixed while it is built.
     */
    private Optional<Cached> cached(String unitId, YearMonth period) {
        return models.read(model -> {
            Generation current = generation.get();
            if (current == null || !current.of(model)) {
                Generation fresh = new Generation(model.id(), model.revision(), new ConcurrentHashMap<>());
                current = generation.compareAndSet(current, fresh) ? fresh : generation.get();
                if (!current.of(model)) {
                    current = fresh; // another reader swapped in a generation of a different model: build unshared
                }
            }
            return current.scorecards().computeIfAbsent(unitId + "@" + period,
                    key -> build(model, unitId, period).map(Cached::new));
        });
    }

    /**
     * The scorecard as reporting-service would have answered at {@code asOf} (null: as it stands, see
     * {@link #scorecard(String, YearMonth)}), each row marked with what changed it since; empty when the unit is
     * not known now. A unit known now but not then has an empty scorecard.
     */
    public Optional<Scorecard> scorecard(String unitId, YearMonth period, java.time.Instant asOf) {
        return asOf == null ? scorecard(unitId, period) : cachedAsOf(unitId, period, asOf).map(c -> c.scorecard);
    }

    /** The scorecard as published at {@code asOf} (null: as it stands) as JSON; empty when the unit is unknown now. */
    public Optional<byte[]> scorecardJson(String unitId, YearMonth period, java.time.Instant asOf) {
        return asOf == null ? scorecardJson(unitId, period) : cachedAsOf(unitId, period, asOf).map(this::json);
    }

    private byte[] json(Cached c) {
        byte[] bytes = c.json;
        if (bytes == null) {
            try {
                bytes = json.writeValueAsBytes(c.scorecard);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A scorecard could not be written as JSON", e);
            }
            c.json = bytes;
        }
        return bytes;
    }

    /**
     * Like the current scorecards, one built per model revision and unit/month/instant (an answer as of an instant
     * changes only when an event changes the model), at most {@link #MAX_PUBLISHED} per revision.
     */
    private Optional<Cached> cachedAsOf(String unitId, YearMonth period, java.time.Instant asOf) {
        return models.read(asOf, view -> {
            AsOfView then = (AsOfView) view;
            ReadModel model = then.now();
            Generation current = published.get();
            if (current == null || !current.of(model)) {
                Generation fresh = new Generation(model.id(), model.revision(), new ConcurrentHashMap<>());
                current = published.compareAndSet(current, fresh) ? fresh : published.get();
                if (!current.of(model)) {
                    current = fresh;
                }
            }
            if (current.scorecards().size() >= MAX_PUBLISHED) {
                current.scorecards().clear();
            }
            return current.scorecards().computeIfAbsent(unitId + "@" + period + "@" + asOf,
                    key -> asPublished(then, unitId, period).map(Cached::new));
        });
    }

    /** Built from a view as of an instant: each row marked with what changed it since. */
    private static Optional<Scorecard> asPublished(AsOfView then, String unitId, YearMonth period) {
        Optional<Unit> now = then.now().unit(unitId);
        if (now.isEmpty()) {
            return Optional.empty();
        }
        Scorecard scorecard = build(then, unitId, period)
                .orElseGet(() -> new Scorecard(unitId, now.get().name(), period.toString(), List.of(), null));
        List<Scorecard.PerspectiveRows> perspectives = new ArrayList<>();
        Figures current = new Figures(then.now());
        Figures past = new Figures(then);
        for (Scorecard.PerspectiveRows rows : scorecard.perspectives()) {
            List<Scorecard.Row> marked = new ArrayList<>();
            for (Scorecard.Row row : rows.rows()) {
                marked.add(row.withChangedSince(changedSince(then, current, past, unitId, row, period)));
            }
            perspectives.add(new Scorecard.PerspectiveRows(rows.perspective(), marked));
        }
        return Optional.of(new Scorecard(unitId, scorecard.unitName(), scorecard.period(), perspectives, then.asOf(),
                then.at()));
    }

    /**
     * What changed a row after the view's instant: its figures of this year now, and the corrections and late
     * reports among the office figures it sums (those under the unit then or now), null when nothing did.
     */
    static Scorecard.ChangedSince changedSince(AsOfView then, Figures current, Figures past, String unitId,
            Scorecard.Row row, YearMonth period) {
        Optional<Indicator> indicator = then.now().indicator(row.indicatorId());
        if (indicator.isEmpty()) {
            return null;
        }
        AsOfView.Since since = AsOfView.Since.NONE;
        for (YearMonth m = YearMonth.of(period.getYear(), 1); !m.isAfter(period); m = m.plusMonths(1)) {
            java.util.Set<String> offices = new java.util.HashSet<>(current.hierarchy().officesUnder(unitId, m));
            offices.addAll(past.hierarchy().officesUnder(unitId, m));
            since = since.plus(then.since(row.indicatorId(), m, offices));
        }
        Double yearToDate = number(current.yearToDate(unitId, indicator.get(), period).figure(indicator.get().measure()));
        Double month = number(current.month(unitId, indicator.get(), period).figure(indicator.get().measure()));
        if (since.isEmpty() && java.util.Objects.equals(yearToDate, row.yearToDate().thisYear())
                && java.util.Objects.equals(month, row.period().thisYear())) {
            return null;
        }
        return new Scorecard.ChangedSince(yearToDate, month, since.corrections(), since.lateReports(),
                since.reasons());
    }

    static Optional<Scorecard> build(ModelView model, String unitId, YearMonth period) {
        Optional<Unit> unit = model.unit(unitId);
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        Figures figures = new Figures(model);
        Map<String, Goal> goals = GoalsInForce.forUnit(model, figures.hierarchy(), unitId, period);
        TreeSet<String> indicatorIds = new TreeSet<>(goals.keySet());
        for (Indicator indicator : model.indicators()) {
            if (!indicatorIds.contains(indicator.indicatorId())
                    && figures.hasResults(unitId, indicator.indicatorId(), period.getYear())) {
                indicatorIds.add(indicator.indicatorId());
            }
        }
        Map<Perspective, List<Scorecard.Row>> rows = new EnumMap<>(Perspective.class);
        for (String indicatorId : indicatorIds) {
            // a goal for an indicator the catalogue has not told us about yet cannot be shown
            model.indicator(indicatorId).ifPresent(indicator -> rows
                    .computeIfAbsent(indicator.perspective(), p -> new ArrayList<>())
                    .add(row(figures, unitId, indicator, goals.get(indicatorId), period).withDisplacement(
                            indicator.pairedOutcome(), Displacement.of(figures, unitId, indicator, period))
                            .withOutlier(outlier(model, unit.get(), indicatorId, period))));
        }
        List<Scorecard.PerspectiveRows> perspectives = new ArrayList<>();
        rows.forEach((perspective, list) -> perspectives.add(new Scorecard.PerspectiveRows(perspective, list)));
        return Optional.of(new Scorecard(unitId, unit.get().name(), period.toString(), perspectives, model.asOf()));
    }

    static Scorecard.Row row(Figures figures, String unitId, Indicator indicator, Goal goal, YearMonth period) {
        YearMonth lastYear = period.minusYears(1);
        Sums ytd = figures.yearToDate(unitId, indicator, period);
        Sums ytdLastYear = figures.yearToDate(unitId, indicator, lastYear);
        Sums month = figures.month(unitId, indicator, period);
        Sums monthLastYear = figures.month(unitId, indicator, lastYear);
        Trend trend = Trend.of(figures.range(unitId, indicator, period.minusMonths(2), period),
                figures.range(unitId, indicator, period.minusMonths(5), period.minusMonths(3)), indicator.measure());
        Status status = Status.of(goal, period, indicator.direction(), indicator.measure(), ytd);
        Scorecard.GoalRef goalRef = goal == null ? null : new Scorecard.GoalRef(number(goal.targetIn(period)),
                goal.classification(), goal.origin(), goal.goalId(), goal.sourceUnitId());
        return new Scorecard.Row(indicator.indicatorId(), indicator.name(), indicator.measure(), indicator.direction(),
                goalRef, trend, status,
                new Scorecard.Pair(number(ytd.figure(indicator.measure())), number(ytdLastYear.figure(indicator.measure()))),
                new Scorecard.Pair(number(month.figure(indicator.measure())),
                        number(monthLastYear.figure(indicator.measure()))));
    }

    /** The outlier mark of an office's figure of the month (null for regions and the nation, which report none). */
    static Scorecard.OutlierMark outlier(ModelView model, Unit unit, String indicatorId, YearMonth period) {
        if (unit.level() != no.mrs.contracts.goal.UnitLevel.OFFICE) {
            return null;
        }
        return model.result(new no.mrs.reporting.model.Result.Key(unit.unitId(), indicatorId, period))
                .map(r -> Scorecard.OutlierMark.of(r.outlier())).orElse(null);
    }

    /** JSON numbers as doubles: 77/100 is 77.0, 2/3 is 66.66666666666667. */
    public static Double number(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
