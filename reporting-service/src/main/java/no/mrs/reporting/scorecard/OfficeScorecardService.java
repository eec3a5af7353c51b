package no.mrs.reporting.scorecard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.reporting.figures.Hierarchy;
import no.mrs.reporting.model.Unit;
import no.mrs.reporting.projection.ReadModels;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A unit's offices' scorecards for a month, for the one-sheet export. Built on request from one revision of the
 * model and not cached: each is the office's scorecard as {@link ScorecardService} builds it, and only the answer
 * is held, never a second copy of the model.
 */
@ApplicationScoped
public class OfficeScorecardService {

    @Inject
    ReadModels models;

    /** Empty when the unit is unknown. */
    public Optional<OfficeScorecards> offices(String unitId, YearMonth period) {
        return models.read(model -> {
            Optional<Unit> unit = model.unit(unitId);
            if (unit.isEmpty()) {
                return Optional.empty();
            }
            List<Scorecard> offices = new ArrayList<>();
            for (String officeId : new TreeSet<>(new Hierarchy(model).officesUnder(unitId, period))) {
                ScorecardService.build(model, officeId, period).ifPresent(offices::add);
            }
            return Optional.of(new OfficeScorecards(unitId, unit.get().name(), period.toString(), offices,
                    model.asOf()));
        });
    }
}
