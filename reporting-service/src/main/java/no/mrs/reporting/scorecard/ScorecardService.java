package no.mrs.reporting.scorecard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.contracts.goal.Perspective;
import no.mrs.reporting.figures.Figures;
import no.mrs.reporting.figures.GoalsInForce;
import no.mrs.reporting.figures.Status;
import no.mrs.reporting.figures.Sums;
import no.mrs.reporting.figures.Trend;
import no.mrs.reporting.model.Goal;
import no.mrs.reporting.model.Indicator;
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

/**
 * Builds scorecards from the active read model. A scorecard is computed once per model revision and unit/month and
 * then served from a cache until the next event changes the model.
 */
@ApplicationScoped
public class ScorecardService {

    @Inject
    ReadModels models;

    private final Map<String, Scorecard> cache = new ConcurrentHashMap<>();
    private volatile ReadModel cachedModel;
    private volatile long cachedRevision = -1;

    /** The scorecard, or empty when the unit is unknown. */
    public Optional<Scorecard> scorecard(String unitId, YearMonth period) {
        return models.read(model -> {
            if (model != cachedModel || model.revision() != cachedRevision) {
                cache.clear();
                cachedModel = model;
                cachedRevision = model.revision();
            }
            String key = unitId + "@" + period;
            Scorecard cached = cache.get(key);
            if (cached != null) {
                return Optional.of(cached);
            }
            Optional<Scorecard> built = build(model, unitId, period);
            built.ifPresent(s -> cache.put(key, s));
            return built;
        });
    }

    static Optional<Scorecard> build(ReadModel model, String unitId, YearMonth period) {
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
                    .add(row(figures, unitId, indicator, goals.get(indicatorId), period)));
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
        Status status = Status.of(goal, indicator.direction(), indicator.measure(), ytd);
        Scorecard.GoalRef goalRef = goal == null ? null : new Scorecard.GoalRef(number(goal.target()),
                goal.classification(), goal.origin(), goal.goalId(), goal.sourceUnitId());
        return new Scorecard.Row(indicator.indicatorId(), indicator.name(), indicator.measure(), indicator.direction(),
                goalRef, trend, status,
                new Scorecard.Pair(number(ytd.figure(indicator.measure())), number(ytdLastYear.figure(indicator.measure()))),
                new Scorecard.Pair(number(month.figure(indicator.measure())),
                        number(monthLastYear.figure(indicator.measure()))));
    }

    /** JSON numbers as doubles: 77/100 is 77.0, 2/3 is 66.66666666666667. */
    public static Double number(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
