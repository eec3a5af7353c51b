package no.mrs.contracts.result;

import no.mrs.contracts.EventType;

import java.time.Instant;
import java.time.YearMonth;

/**
 * A region's or the nation's leaders commented on their own figure (an aggregate) for an indicator and month:
 * offices comment on their results with the result itself, an aggregate has no result of its own to carry one.
 * Who commented is the envelope's {@code actor}; {@code commentedAt} is when result-service received it. Each
 * comment is an event of its own on the stream {@code figure-comment:<unit>/<indicator>/<period>}: they add up,
 * none replaces another.
 */
@EventType(name = "no.mrs.result.FigureCommented", version = 1)
public record FigureCommented(String unitId, String indicatorId, YearMonth period, String comment,
        Instant commentedAt) implements ResultEvent {

    @Override
    public String streamId() {
        return "figure-comment:" + unitId + "/" + indicatorId + "/" + period;
    }

    @Override
    public String partitionKey() {
        return unitId;
    }
}
