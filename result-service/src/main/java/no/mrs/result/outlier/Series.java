package no.mrs.result.outlier;

/** An office's figures on one indicator, month by month: what the outlier check reads as its history. */
public record Series(String unitId, String indicatorId) {
}
