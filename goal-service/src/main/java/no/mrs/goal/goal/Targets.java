package no.mrs.goal.goal;

import no.mrs.contracts.goal.Classification;
import no.mrs.goal.indicator.IndicatorState;
import no.mrs.platform.problem.Rejection;

import java.math.BigDecimal;

/** What a target may be: a STEERING goal has one, a MONITORING goal none, and its range follows the measure. */
public final class Targets {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Targets() {
    }

    /** @param field the name of the target field in the request, e.g. {@code target} or {@code goals[2].target} */
    public static void check(String field, IndicatorState indicator, Classification classification,
            BigDecimal target) {
        if (classification == Classification.MONITORING) {
            if (target != null) {
                throw Rejection.invalid(field, "monitoring-has-no-target",
                        "A MONITORING goal is followed as a statistic and has no target");
            }
            return;
        }
        if (target == null) {
            throw Rejection.invalid(field, "required", "A STEERING goal needs a target");
        }
        switch (indicator.measure()) {
            case RATIO -> {
                if (target.signum() < 0 || target.compareTo(HUNDRED) > 0) {
                    throw Rejection.invalid(field, "out-of-range",
                            indicator.indicatorId() + " is a RATIO: its target is a percentage from 0 to 100");
                }
            }
            case COUNT -> {
                if (target.signum() < 0 || target.stripTrailingZeros().scale() > 0) {
                    throw Rejection.invalid(field, "out-of-range",
                            indicator.indicatorId() + " is a COUNT: its target is a whole number, 0 or more");
                }
            }
            case SCORE -> {
                if (target.compareTo(indicator.scaleMin()) < 0 || target.compareTo(indicator.scaleMax()) > 0) {
                    throw Rejection.invalid(field, "out-of-range", indicator.indicatorId() + " is a SCORE on the scale "
                            + indicator.scaleMin().toPlainString() + "–" + indicator.scaleMax().toPlainString());
                }
            }
        }
    }
}
