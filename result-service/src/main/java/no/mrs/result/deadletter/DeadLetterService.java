package no.mrs.result.deadletter;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.contracts.result.DeadLetterDiscarded;
import no.mrs.contracts.result.DeadLetterEvent;
import no.mrs.contracts.result.DeadLetterResubmitted;
import no.mrs.platform.events.ConcurrencyConflictException;
import no.mrs.platform.events.EventStore;
import no.mrs.platform.paging.Cursor;
import no.mrs.platform.paging.Page;
import no.mrs.platform.paging.PageRequest;
import no.mrs.platform.problem.Rejection;
import no.mrs.result.deadletter.DeadLetterActions.Action;
import no.mrs.result.deadletter.DeadLetterActions.Kind;
import no.mrs.result.deadletter.DeadLetterTopic.Letter;
import no.mrs.result.recording.ResultService;
import no.mrs.result.recording.ResultsConfig;
import no.mrs.result.recording.Verdict;
import no.mrs.result.recording.kafka.SubmissionConsumer;
import no.mrs.result.recording.kafka.SubmissionRecord;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Operators' handling of {@code mrs.result-submissions.dlq}: list what is there with what was done about it,
 * re-submit a record once its cause is fixed (judged again with today's catalogue and scopes, stored with its
 * system as the actor), or discard it with a reason. Each action is an event in the log (who, when, why) written in
 * the same transaction as the result it stores, and a record is acted on at most once: asking again to re-submit
 * a re-submitted record answers the first action and stores nothing.
 */
@ApplicationScoped
public class DeadLetterService {

    /** The state of a dead letter. */
    public enum State { PENDING, RESUBMITTED, DISCARDED }

    /** A dead letter and what was done about it ({@code action} null while pending). */
    public record Entry(Letter letter, Action action) {
        public State state() {
            return action == null ? State.PENDING
                    : action.action() == Kind.RESUBMITTED ? State.RESUBMITTED : State.DISCARDED;
        }
    }

    @Inject
    DeadLetterTopic topic;

    @Inject
    DeadLetterActions actions;

    @Inject
    ResultService results;

    @Inject
    SubmissionConsumer consumer;

    @Inject
    EventStore events;

    @Inject
    ResultsConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    private ObjectReader reader;

    @PostConstruct
    void init() {
        reader = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** A page of dead letters in (partition, offset) order, only those in {@code state} when given. */
    public Page<Entry> list(State state, PageRequest page) {
        List<String> after = page.afterKey(2);
        int partition = 0;
        long offset = 0;
        if (after != null) {
            try {
                partition = Integer.parseInt(after.get(0));
                offset = Long.parseLong(after.get(1)) + 1;
            } catch (NumberFormatException e) {
                throw Cursor.invalid();
            }
        }
        Map<DeadLetterActions.Position, Action> done = actions.all(topic.name());
        List<Entry> entries = topic.read(partition, offset, page.fetchSize(),
                letter -> state == null || entry(letter, done).state() == state)
                .stream().map(letter -> entry(letter, done)).toList();
        return page.page(entries, e -> Cursor.of(e.letter().partition(), e.letter().offset()));
    }

    public Entry get(int partition, long offset) {
        Letter letter = topic.find(partition, offset).orElseThrow(() -> Rejection.notFound(
                "there is no record " + partition + "/" + offset + " on " + topic.name()));
        return new Entry(letter, actions.find(topic.name(), partition, offset).orElse(null));
    }

    /** Judges the record again and stores it; 422 {@code still-rejected} with the errors if it still fails. */
    public Entry resubmit(int partition, long offset, String reason, String actor) {
        for (int attempt = 1; ; attempt++) {
            Entry entry = get(partition, offset);
            if (entry.state() == State.RESUBMITTED) {
                return entry;
            }
            if (entry.state() == State.DISCARDED) {
                throw new Rejection(Rejection.Kind.CONFLICT, "already-discarded", "record " + partition + "/" + offset
                        + " was discarded by " + entry.action().actor() + ": it cannot be re-submitted", List.of());
            }
            SubmissionRecord.Read read = SubmissionRecord.read(reader, entry.letter().value(), 0, consumer::submitter);
            if (read instanceof SubmissionRecord.Unreadable u) {
                throw stillRejected(partition, offset, u.reason(), u.errors());
            }
            SubmissionRecord.Readable readable = (SubmissionRecord.Readable) read;
            try {
                Action action = QuarkusTransaction.requiringNew().call(() -> {
                    Verdict verdict = results.submitInTransaction(List.of(readable.submission())).get(0);
                    if (verdict instanceof Verdict.Rejected r) {
                        throw stillRejected(partition, offset, SubmissionConsumer.reason(r), r.errors());
                    }
                    DeadLetterResubmitted.Outcome outcome = verdict instanceof Verdict.Accepted
                            ? DeadLetterResubmitted.Outcome.ACCEPTED : DeadLetterResubmitted.Outcome.DUPLICATE;
                    return record(new DeadLetterResubmitted(topic.name(), partition, offset, readable.systemId(),
                            readable.submission().item().unitId(), reason, outcome), actor);
                });
                return new Entry(entry.letter(), action);
            } catch (ConcurrencyConflictException e) {
                // another operator acted on the record, or a concurrent batch wrote its result: look again
                if (attempt >= config.maxAttempts()) {
                    throw e;
                }
            }
        }
    }

    /** Records that the letter will not be stored; discarding a discarded letter answers the first discard. */
    public Entry discard(int partition, long offset, String reason, String actor) {
        for (int attempt = 1; ; attempt++) {
            Entry entry = get(partition, offset);
            if (entry.state() == State.DISCARDED) {
                return entry;
            }
            if (entry.state() == State.RESUBMITTED) {
                throw new Rejection(Rejection.Kind.CONFLICT, "already-resubmitted", "record " + partition + "/"
                        + offset + " was re-submitted by " + entry.action().actor() + ": its result is stored",
                        List.of());
            }
            try {
                Action action = QuarkusTransaction.requiringNew().call(() -> record(
                        new DeadLetterDiscarded(topic.name(), partition, offset, reason), actor));
                return new Entry(entry.letter(), action);
            } catch (ConcurrencyConflictException e) {
                if (attempt >= config.maxAttempts()) {
                    throw e;
                }
            }
        }
    }

    /** Appends the action as the first and only event of the record's stream, and projects it. */
    private Action record(DeadLetterEvent event, String actor) {
        events.append(event.streamId(), 0, actor, event);
        return actions.project(event, actor, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    private static Entry entry(Letter letter, Map<DeadLetterActions.Position, Action> done) {
        return new Entry(letter, done.get(new DeadLetterActions.Position(letter.topic(), letter.partition(),
                letter.offset())));
    }

    private static Rejection stillRejected(int partition, long offset, String reason,
            List<no.mrs.platform.problem.FieldError> errors) {
        return new Rejection(Rejection.Kind.UNPROCESSABLE, "still-rejected", "record " + partition + "/" + offset
                + " is still rejected (" + reason + "): fix the cause first, or discard it", errors);
    }
}
