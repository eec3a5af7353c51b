package no.mrs.reporting.model;

import java.time.Instant;
import java.time.YearMonth;

/**
 * A region's or the nation's comment on its own figure for an indicator and month (FigureCommented): {@code seq}
 * is its place among the comments on that figure (1, 2, …), {@code author} who wrote it, {@code at} when. Few of
 * them exist (a handful per region and month at most), so the model keeps them whole.
 */
public record FigureComment(String unitId, String indicatorId, YearMonth period, int seq, String comment,
        String author, Instant at) {

    public Result.Key key() {
        return new Result.Key(unitId, indicatorId, period);
    }
}
