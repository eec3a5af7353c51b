package no.mrs.result.recording;

import java.math.BigDecimal;

/** The value a key has now, and its stream's version. */
public record CurrentValue(String measurementId, BigDecimal numerator, BigDecimal denominator, BigDecimal value,
        long version) {
}
