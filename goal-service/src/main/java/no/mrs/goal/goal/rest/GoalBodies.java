package no.mrs.goal.goal.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.mrs.contracts.goal.Classification;
import no.mrs.contracts.goal.LocalAdjustment;
import no.mrs.goal.indicator.rest.IndicatorResource;

import java.math.BigDecimal;

/** The request bodies of the goal endpoints. */
public final class GoalBodies {

    private GoalBodies() {
    }

    /** A unit's own goal. {@code localAdjustment} (default ALLOWED) says whether units below may adjust it. */
    public record LocalGoalBody(
            @NotNull @Pattern(regexp = IndicatorResource.INDICATOR_ID, message = IndicatorResource.INDICATOR_MESSAGE)
            String indicatorId,
            @NotNull @Min(2000) @Max(2100) Integer year,
            @NotNull Classification classification,
            BigDecimal target,
            @Size(max = 200) String mainGoal,
            LocalAdjustment localAdjustment,
            @Size(max = 4000) String rationale) {
    }

    /** {@code effectiveFrom}: the first month judged against the new target, YYYY-MM (default: this month). */
    public record RevisionBody(@NotNull BigDecimal target, @NotBlank @Size(max = 4000) String reason,
            @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be a month, YYYY-MM") String effectiveFrom) {
    }

    public record RetirementBody(@NotBlank @Size(max = 4000) String reason) {
    }
}
