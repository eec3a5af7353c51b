package no.mrs.contracts.result;

import no.mrs.contracts.EventPayload;

/**
 * Events of result-service. A result's stream is {@code result:<unitId>/<indicatorId>/<period>}; the key is the
 * unit id so that a unit's results stay in order.
 */
public sealed interface ResultEvent extends EventPayload permits ResultRecorded, ResultCorrected, OutlierConfirmed,
        PeriodLocked, FigureCommented {
}
