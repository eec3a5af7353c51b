package no.mrs.reporting.series;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.contracts.goal.Measure;
import no.mrs.contracts.goal.UnitLevel;
import no.mrs.reporting.figures.Figures;
import no.mrs.reporting.figures.GoalsInForce;
import no.mrs.reporting.figures.Sums;
import no.mrs.reporting.model.Goal;
import no.mrs.reporting.model.Indicator;
import no.mrs.reporting.model.Result;
import no.mrs.reporting.model.Unit;
import no.mrs.reporting.projection.ReadModels;
import no.mrs.reporting.scorecard.Scorecard;
import no.mrs.platform.problem.ProblemException;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static no.mrs.reporting.scorecard.ScorecardService.number;

/** A unit's monthly figures for one indicator, aggregated like the scorecard's. */
@ApplicationScoped
public class SeriesService {

    @Inject
    ReadModels models;

    public List<SeriesPoint> series(String unitId, String indicatorId, YearMonth from, YearMonth to) {
        return models.read(model -> {
            Unit unit = model.unit(unitId)
                    .orElseThrow(() -> ProblemException.notFound("Unit " + unitId + " is not known"));
            Indicator indicator = model.indicator(indicatorId)
                    .orElseThrow(() -> ProblemException.notFound("Indicator " + indicatorId + " is not known"));
            Figures figures = new Figures(model);
            List<SeriesPoint> points = new ArrayList<>();
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
                        office == null ? null : Scorecard.OutlierMark.of(office.outlier())));
            }
            return points;
        });
    }
}
