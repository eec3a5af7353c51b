package no.mrs.reporting.organisation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.platform.security.UnitTree;
import no.mrs.reporting.model.Unit;
import no.mrs.reporting.projection.ReadModels;

import java.util.Optional;

/** The current hierarchy as the unit events have told this service. */
@ApplicationScoped
public class ReportingUnitTree implements UnitTree {

    @Inject
    ReadModels models;

    @Override
    public Optional<String> parentOf(String unitId) {
        return models.read(model -> model.unit(unitId).map(Unit::currentParent));
    }
}
