package no.mrs.result.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.platform.security.UnitTree;

import java.util.Optional;

/** The organisation as result-service learnt it from goal-service's events. */
@ApplicationScoped
public class CatalogueUnitTree implements UnitTree {

    @Inject
    CatalogueStore store;

    @Override
    public Optional<String> parentOf(String unitId) {
        return store.parentOf(unitId);
    }
}
