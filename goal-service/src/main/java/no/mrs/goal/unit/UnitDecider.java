package no.mrs.goal.unit;

import no.mrs.contracts.goal.UnitEvent;
import no.mrs.contracts.goal.UnitLevel;
import no.mrs.contracts.goal.UnitMoved;
import no.mrs.contracts.goal.UnitRegistered;
import no.mrs.contracts.goal.UnitRenamed;
import no.mrs.platform.problem.Rejection;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** The rules of the organisation: pure, given the unit's state and what it needs to know of other units. */
public final class UnitDecider {

    /** Create or change a unit ({@code PUT /api/units/{unitId}}). */
    public record PutUnit(String unitId, String name, UnitLevel level, String parentId) {
    }

    /** The unit belongs to a new parent from a month on. */
    public record MoveUnit(String unitId, String newParentId, YearMonth effectiveFrom) {
    }

    /** What a decision needs to know about the rest of the organisation. */
    public interface Organisation {
        Optional<UnitLevel> levelOf(String unitId);

        Optional<String> nationalUnitId();
    }

    private UnitDecider() {
    }

    public static List<UnitEvent> decide(PutUnit command, UnitState state, Organisation organisation) {
        if (!state.exists()) {
            checkPlacement(command.unitId(), command.level(), command.parentId(), organisation);
            return List.of(new UnitRegistered(command.unitId(), command.name(), command.level(), command.parentId()));
        }
        if (command.level() != state.level()) {
            throw Rejection.invalid("level", "level-change",
                    "A unit's level cannot change (" + state.level() + "); register a new unit instead");
        }
        if (!java.util.Objects.equals(command.parentId(), state.currentParentId())) {
            throw Rejection.invalid("parentId", "use-move",
                    "To move a unit to another parent, POST /api/units/" + command.unitId() + "/moves with the month it takes effect");
        }
        if (command.name().equals(state.name())) {
            return List.of();
        }
        return List.of(new UnitRenamed(command.unitId(), command.name(), state.name()));
    }

    public static List<UnitEvent> decide(MoveUnit command, UnitState state, Organisation organisation) {
        if (!state.exists()) {
            throw Rejection.notFound("Unit " + command.unitId() + " does not exist");
        }
        if (state.level() != UnitLevel.OFFICE) {
            throw Rejection.invalid("unitId", "not-an-office", "Only offices move between regions");
        }
        if (command.newParentId().equals(state.currentParentId())) {
            throw Rejection.invalid("newParentId", "same-parent",
                    "Unit " + command.unitId() + " already belongs to " + command.newParentId());
        }
        UnitLevel parentLevel = organisation.levelOf(command.newParentId()).orElseThrow(() ->
                Rejection.invalid("newParentId", "unknown-unit", "Unit " + command.newParentId() + " does not exist"));
        if (parentLevel != UnitLevel.REGION) {
            throw Rejection.invalid("newParentId", "wrong-level", "An office's parent must be a region");
        }
        YearMonth lastMove = state.parents().get(state.parents().size() - 1).from();
        if (lastMove != null && !command.effectiveFrom().isAfter(lastMove)) {
            throw Rejection.invalid("effectiveFrom", "before-last-move",
                    "The unit last moved in " + lastMove + "; a new move must take effect later");
        }
        return List.of(new UnitMoved(command.unitId(), state.currentParentId(), command.newParentId(),
                command.effectiveFrom()));
    }

    private static void checkPlacement(String unitId, UnitLevel level, String parentId, Organisation organisation) {
        switch (level) {
            case NATIONAL -> {
                if (parentId != null) {
                    throw Rejection.invalid("parentId", "must-be-empty", "The national unit has no parent");
                }
                organisation.nationalUnitId().ifPresent(existing -> {
                    throw Rejection.conflict("national-exists", "There is already a national unit: " + existing);
                });
            }
            case REGION -> requireParent(parentId, UnitLevel.NATIONAL, "A region's parent must be the national unit",
                    organisation);
            case OFFICE -> requireParent(parentId, UnitLevel.REGION, "An office's parent must be a region",
                    organisation);
        }
        if (unitId.equals(parentId)) {
            throw Rejection.invalid("parentId", "self-parent", "A unit cannot be its own parent");
        }
    }

    private static void requireParent(String parentId, UnitLevel expected, String message, Organisation organisation) {
        if (parentId == null) {
            throw Rejection.invalid("parentId", "required", message);
        }
        UnitLevel parentLevel = organisation.levelOf(parentId).orElseThrow(() ->
                Rejection.invalid("parentId", "unknown-unit", "Unit " + parentId + " does not exist"));
        if (parentLevel != expected) {
            throw Rejection.invalid("parentId", "wrong-level", message);
        }
    }
}
