package no.mrs.result.comment;

import no.mrs.contracts.goal.UnitLevel;
import no.mrs.contracts.result.FigureCommented;
import no.mrs.platform.problem.Rejection;
import no.mrs.result.catalogue.Catalogue;

import java.time.Instant;
import java.time.YearMonth;

/**
 * Commenting on an aggregate, pure: a region's leaders on their region's figure, the directorate on the nation's.
 * An office comments with its result (ResultItem.comment), so an office here is refused.
 */
public final class FigureCommentDecider {

    public static final int MAX_COMMENT = 1000;
    static final YearMonth FIRST_MONTH = YearMonth.of(2000, 1);

    /** Comment on the figure of {@code unitId} for an indicator and month. */
    public record CommentOnFigure(String unitId, String indicatorId, YearMonth period, String comment) {
    }

    /** What the decision needs to know of the caller: roles and whether the token's units cover the unit. */
    public record Commenter(boolean directorate, boolean leader, boolean coversUnit) {
    }

    private FigureCommentDecider() {
    }

    public static FigureCommented decide(CommentOnFigure c, Commenter who, Catalogue catalogue, YearMonth thisMonth,
            Instant now) {
        Catalogue.Unit unit = catalogue.unit(c.unitId())
                .orElseThrow(() -> Rejection.notFound("Unit " + c.unitId() + " is not known"));
        if (catalogue.indicator(c.indicatorId()).isEmpty()) {
            throw Rejection.notFound("Indicator " + c.indicatorId() + " is not known");
        }
        if (unit.level() == UnitLevel.OFFICE) {
            throw Rejection.invalid("unitId", "not-an-aggregate",
                    "An office comments on its figure with the result itself (comment in POST /api/results)");
        }
        // the nation's figure is the directorate's; a region's is its leaders' (and the directorate's)
        boolean allowed = who.coversUnit() && (who.directorate()
                || (who.leader() && unit.level() == UnitLevel.REGION));
        if (!allowed) {
            throw Rejection.forbidden(unit.level() == UnitLevel.NATIONAL
                    ? "Only the directorate comments on the nation's figure"
                    : "Only the region's leaders and the directorate comment on the region's figure");
        }
        if (c.period().isAfter(thisMonth)) {
            throw Rejection.invalid("period", "future-period", "A month after " + thisMonth + " has no figure yet");
        }
        if (c.period().isBefore(FIRST_MONTH)) {
            throw Rejection.invalid("period", "period-out-of-range", "The month must be " + FIRST_MONTH + " or later");
        }
        String text = c.comment() == null ? "" : c.comment().strip();
        if (text.isEmpty()) {
            throw Rejection.invalid("comment", "required", "A comment needs a text");
        }
        if (text.length() > MAX_COMMENT) {
            throw Rejection.invalid("comment", "too-long", "At most " + MAX_COMMENT + " characters");
        }
        if (text.indexOf('\0') >= 0) {
            throw Rejection.invalid("comment", "invalid-character", "A comment cannot hold a NUL character");
        }
        return new FigureCommented(c.unitId(), c.indicatorId(), c.period(), text, now);
    }
}
