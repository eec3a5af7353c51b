package no.mrs.reporting.scorecard;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The scorecard of every office under a unit (in that month's hierarchy) for a month, by office id. */
@Schema(description = "The scorecard of every office that belonged to the unit in the month (the unit itself if it"
        + " is an office), ordered by office id; each is exactly the office's own scorecard.")
public record OfficeScorecards(String unitId, String unitName, String period, List<Scorecard> offices,
        @JsonInclude(JsonInclude.Include.ALWAYS) Instant asOf) {
}
