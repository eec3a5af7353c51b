package no.mrs.result.recording;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.contracts.result.ResultEvent;
import no.mrs.platform.events.ConcurrencyConflictException;
import no.mrs.platform.events.EventStore;
import no.mrs.platform.paging.Cursor;
import no.mrs.platform.paging.Page;
import no.mrs.platform.paging.PageRequest;
import no.mrs.result.catalogue.CatalogueStore;
import no.mrs.result.outlier.Series;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Records submitted results. A batch is one transaction: the bulk lookups, the pure judgement, one statement of
 * events into the event log (which is also the outbox and the results' history), and the current values. The
 * caller's answer comes only after the commit, so whatever it counts as accepted is durable and will be published.
 */
@ApplicationScoped
public class ResultService {

    private static final Logger LOG = Logger.getLogger(ResultService.class);

    @Inject
    CatalogueStore catalogue;

    @Inject
    ResultStore results;

    @Inject
    EventStore events;

    @Inject
    ResultsConfig config;

    @Inject
    Clock clock;

    /** Judges and stores a batch; judged again from scratch when a concurrent batch got in first. */
    public List<Verdict> submit(List<Submission> batch) {
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> submitOnce(batch, receivedAt));
            } catch (ConcurrencyConflictException e) {
                if (attempt >= config.maxAttempts()) {
                    throw new ConcurrencyConflictException("results");
                }
            }
        }
    }

    /**
     * Judges and stores a batch inside the caller's transaction, once: a concurrent batch that got in first (a
     * stream's version or a measurement id taken) makes it throw {@link ConcurrencyConflictException} and the caller
     * retries. For callers that store something of their own atomically with the results (a dead letter's
     * re-submission).
     */
    public List<Verdict> submitInTransaction(List<Submission> batch) {
        return submitOnce(batch, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    private List<Verdict> submitOnce(List<Submission> batch, Instant receivedAt) {
        long started = System.nanoTime();
        Set<String> ids = new LinkedHashSet<>();
        Set<ResultKey> keys = new LinkedHashSet<>();
        for (Submission submission : batch) {
            ResultItem item = submission.item();
            if (item.measurementId() != null) {
                ids.add(item.measurementId());
            }
            ResultKey key = keyOf(item);
            if (key != null) {
                keys.add(key);
            }
        }
        // the outlier check's history: the months before each item of the batch's offices and indicators, read with
        // the keys' current values in one query
        Map<Series, YearMonth[]> months = new HashMap<>();
        for (ResultKey key : keys) {
            months.merge(new Series(key.unitId(), key.indicatorId()),
                    new YearMonth[] { ResultDecider.historyFrom(key.period()), key.period().minusMonths(1) },
                    (a, b) -> new YearMonth[] { a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1] });
        }
        ResultStore.Stored stored = results.stored(keys, months);
        ResultDecider.Context context = new ResultDecider.Context(catalogue.snapshot(), results.measurements(ids),
                stored.current(), results.lockedPeriods(), YearMonth.now(clock.withZone(config.zone())), receivedAt,
                stored.history());
        long loaded = System.nanoTime();
        List<Verdict> verdicts = ResultDecider.decide(batch, context);
        long decided = System.nanoTime();
        store(verdicts);
        if (LOG.isDebugEnabled()) {
            LOG.debugf("Batch of %d: look-ups %d ms, decide %d ms, store %d ms", batch.size(),
                    (loaded - started) / 1_000_000, (decided - loaded) / 1_000_000,
                    (System.nanoTime() - decided) / 1_000_000);
        }
        return verdicts;
    }

    private void store(List<Verdict> verdicts) {
        long started = System.nanoTime();
        List<ResultStore.Projected> projected = new ArrayList<>();
        // one append per run of the same actor (a REST batch is one run; Kafka batches mix systems), in item order
        List<EventStore.Append> run = new ArrayList<>();
        String runActor = null;
        for (Verdict verdict : verdicts) {
            if (!(verdict instanceof Verdict.Accepted accepted)) {
                continue;
            }
            String actor = accepted.submission().submitter().actor();
            if (runActor != null && !runActor.equals(actor)) {
                events.append(runActor, run);
                run = new ArrayList<>();
            }
            runActor = actor;
            ResultEvent event = accepted.event();
            run.add(new EventStore.Append(event.streamId(), accepted.version() - 1, List.of(event)));
            projected.add(new ResultStore.Projected(event, accepted.version(), actor));
        }
        if (!run.isEmpty()) {
            events.append(runActor, run);
        }
        long appended = System.nanoTime();
        results.project(projected);
        LOG.debugf("Stored %d events: append %d ms, project %d ms", projected.size(),
                (appended - started) / 1_000_000, (System.nanoTime() - appended) / 1_000_000);
    }

    /** The key of a well-formed item, for the bulk lookup; malformed ones are rejected by the decider anyway. */
    private static ResultKey keyOf(ResultItem item) {
        if (item.unitId() == null || item.indicatorId() == null || item.period() == null) {
            return null;
        }
        try {
            return new ResultKey(item.unitId(), item.indicatorId(), no.mrs.platform.time.Months.parse(item.period()));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A page of a unit's current values in (indicator, month) order; the cursor is the last (indicator, month). */
    public Page<ResultStore.Version> current(String unitId, String indicatorId, YearMonth from, YearMonth to,
            PageRequest page) {
        List<String> after = page.afterKey(2);
        ResultKey key = after == null ? null : new ResultKey(unitId, after.get(0), cursorMonth(after.get(1)));
        return page.page(results.current(unitId, indicatorId, from, to, key, page.fetchSize()),
                v -> Cursor.of(v.indicatorId(), v.period()));
    }

    /** A page of one result's versions, oldest first; the cursor is the last version. */
    public Page<ResultStore.Version> history(String unitId, String indicatorId, YearMonth period, PageRequest page) {
        List<String> after = page.afterKey(1);
        long afterVersion = 0;
        if (after != null) {
            try {
                afterVersion = Long.parseLong(after.get(0));
            } catch (NumberFormatException e) {
                throw Cursor.invalid();
            }
        }
        return page.page(results.history(unitId, indicatorId, period, afterVersion, page.fetchSize()),
                v -> Cursor.of(v.version()));
    }

    private static YearMonth cursorMonth(String text) {
        try {
            return YearMonth.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw Cursor.invalid();
        }
    }
}
