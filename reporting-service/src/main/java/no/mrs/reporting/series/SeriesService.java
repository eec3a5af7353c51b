package no.mrs.reporting.series;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.contracts.goal.Measure;
import no.mrs.contracts.goal.UnitLevel;
import no.mrs.reporting.figures.Figures;
import no.mrs.reporting.figures.GoalsInForce;
import no.mrs.reporting.figures.Sums;
import no.mrs.reporting.figures.Hierarchy;
import no.mrs.reporting.model.FigureComment;
import no.mrs.reporting.model.Goal;
import no.mrs.reporting.model.AsOfView;
import no.mrs.reporting.model.ModelView;
import no.mrs.reporting.model.Indicator;
import no.mrs.reporting.model.Result;
import no.mrs.reporting.model.Unit;
import no.mrs.reporting.projection.ReadModels;
import no.mrs.reporting.scorecard.Scorecard;
import no.mrs.platform.problem.ProblemException;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static no.mrs.reporting.scorecard.ScorecardService.number;

/** A unit's monthly figures for one indicator, aggregated like the scorecard's. */
@ApplicationScoped
public class SeriesService {

    @Inject
    ReadModels models;

    public List<SeriesPoint> series(String unitId, String indicatorId, YearMonth from, YearMonth to) {
        return series(unitId, indicatorId, from, to, null);
    }

    /** As of an instant (null: now); a unit or indicator known now but not then has points without figures. */
    public List<SeriesPoint> series(String unitId, String indicatorId, YearMonth from, YearMonth to,
            java.time.Instant asOf) {
        return models.read(asOf, model -> {
            ModelView now = model instanceof AsOfView then ? then.now() : model;
            now.unit(unitId).orElseThrow(() -> ProblemException.notFound("Unit " + unitId + " is not known"));
            now.indicator(indicatorId)
                    .orElseThrow(() -> ProblemException.notFound("Indicator " + indicatorId + " is not known"));
            Unit unit = model.unit(unitId).orElse(null);
            Indicator indicator = model.indicator(indicatorId).orElse(null);
            List<SeriesPoint> points = new ArrayList<>();
            if (unit == null || indicator == null) {
                for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                    points.add(new SeriesPoint(month.toString(), null, null, null, null, null, null, List.of()));
                }
                return points;
            }
            Figures figures = new Figures(model);
            for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                Sums sums = figures.month(unitId, indicator, month);
                Goal goal = GoalsInForce.forUnit(model, figures.hierarchy(), unitId, month).get(indicatorId);
                Result office = unit.level() == UnitLevel.OFFICE
                        ? model.result(new Result.Key(unitId, indicatorId, month)).orElse(null)
                        : null;
                String comment = office == null ? null : office.comment();
                boolean fraction = indicator.measure() != Measure.COUNT;
                points.add(new SeriesPoint(month.toString(), number(sums.figure(indicator.measure())),
                        fraction ? number(sums.numeratorOrNull()) : null,
                        fraction ? number(sums.denominatorOrNull()) : null,
                        goal == null ? null : number(goal.targetIn(month)), comment,
                        office == null ? null : Scorecard.OutlierMark.of(office.outlier()),
                        comments(model, figures.hierarchy(), unit, indicatorId, month)));
            }
            return points;
        });
    }

    /**
     * The comments on the unit's figure and on those it is summed from in the month: its own first (a region's or
     * the nation's, oldest first; an office's with its result), then those of the regions and offices below it that
     * month, by unit number. Comments on aggregates are few, so they are looked through whole.
     */
    static List<SeriesPoint.Comment> comments(ModelView model, Hierarchy hierarchy, Unit unit, String indicatorId,
            YearMonth month) {
        List<SeriesPoint.Comment> own = new ArrayList<>();
        Map<String, List<SeriesPoint.Comment>> below = new TreeMap<>();
        for (List<FigureComment> onFigure : model.figureComments()) {
            FigureComment first = onFigure.get(0);
            if (!first.indicatorId().equals(indicatorId) || !first.period().equals(month)) {
                continue;
            }
            List<SeriesPoint.Comment> into;
            if (first.unitId().equals(unit.unitId())) {
                into = own;
            } else if (hierarchy.chain(first.unitId(), month).contains(unit.unitId())) {
                into = below.computeIfAbsent(first.unitId(), u -> new ArrayList<>());
            } else {
                continue;
            }
            String name = model.unit(first.unitId()).map(Unit::name).orElse(null);
            onFigure.forEach(c -> into.add(new SeriesPoint.Comment(c.unitId(), name, c.comment(), c.author(), c.at())));
        }
        for (String officeId : hierarchy.officesUnder(unit.unitId(), month)) {
            model.result(new Result.Key(officeId, indicatorId, month)).map(Result::comment).ifPresent(text -> {
                String name = model.unit(officeId).map(Unit::name).orElse(null);
                SeriesPoint.Comment comment = new SeriesPoint.Comment(officeId, name, text, null, null);
                if (officeId.equals(unit.unitId())) {
                    own.add(comment);
                } else {
                    below.computeIfAbsent(officeId, u -> new ArrayList<>()).add(comment);
                }
            });
        }
        below.values().forEach(own::addAll);
        return own;
    }
}
