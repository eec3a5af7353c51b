package no.mrs.reporting.comparison;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.contracts.goal.Direction;
import no.mrs.platform.problem.ProblemException;
import no.mrs.reporting.figures.Figures;
import no.mrs.reporting.model.AsOfView;
import no.mrs.reporting.model.Indicator;
import no.mrs.reporting.model.ModelView;
import no.mrs.reporting.model.Unit;
import no.mrs.reporting.projection.ReadModels;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static no.mrs.reporting.scorecard.ScorecardService.number;

/** The children of a unit (in that month's hierarchy) side by side, best first. */
@ApplicationScoped
public class ComparisonService {

    @Inject
    ReadModels models;

    /** One child: its rank (1 = best), year to date and month figures. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Entry(int rank, String unitId, String unitName, Double yearToDate, Double period) {
    }

    private record Figure(Unit unit, BigDecimal yearToDate, BigDecimal period) {
    }

    public List<Entry> compare(String unitId, String indicatorId, YearMonth period) {
        return compare(unitId, indicatorId, period, null);
    }

    /** As of an instant (null: now); a unit or indicator known now but not then compares nothing. */
    public List<Entry> compare(String unitId, String indicatorId, YearMonth period, java.time.Instant asOf) {
        return models.read(asOf, model -> {
            ModelView now = model instanceof AsOfView then ? then.now() : model;
            now.unit(unitId).orElseThrow(() -> ProblemException.notFound("Unit " + unitId + " is not known"));
            now.indicator(indicatorId)
                    .orElseThrow(() -> ProblemException.notFound("Indicator " + indicatorId + " is not known"));
            Indicator indicator = model.indicator(indicatorId).orElse(null);
            if (model.unit(unitId).isEmpty() || indicator == null) {
                return List.<Entry>of();
            }
            Figures figures = new Figures(model);
            List<Figure> children = new ArrayList<>();
            for (Unit child : figures.hierarchy().childrenOf(unitId, period)) {
                children.add(new Figure(child,
                        figures.yearToDate(child.unitId(), indicator, period).figure(indicator.measure()),
                        figures.month(child.unitId(), indicator, period).figure(indicator.measure())));
            }
            Comparator<BigDecimal> better = indicator.direction() == Direction.LOWER_IS_BETTER
                    ? Comparator.naturalOrder() : Comparator.reverseOrder();
            children.sort(Comparator.comparing(Figure::yearToDate, Comparator.nullsLast(better))
                    .thenComparing(Figure::period, Comparator.nullsLast(better))
                    .thenComparing(f -> f.unit().unitId()));
            List<Entry> entries = new ArrayList<>();
            for (Figure f : children) {
                entries.add(new Entry(entries.size() + 1, f.unit().unitId(), f.unit().name(), number(f.yearToDate()),
                        number(f.period())));
            }
            return entries;
        });
    }
}
