package no.mrs.goal.unit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.mrs.platform.security.UnitTree;

import java.util.Optional;

/** goal-service owns the organisation: the current parent comes straight from its unit table. */
@ApplicationScoped
public class GoalUnitTree implements UnitTree {

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> parentOf(String unitId) {
        return UnitRow.<UnitRow>findByIdOptional(unitId).map(row -> row.parentId);
    }
}
