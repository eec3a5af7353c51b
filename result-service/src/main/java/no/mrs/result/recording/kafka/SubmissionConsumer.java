package no.mrs.result.recording.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.platform.events.TransientRetry;
import no.mrs.platform.problem.FieldError;
import no.mrs.result.recording.ResultService;
import no.mrs.result.recording.Submission;
import no.mrs.result.recording.Submitter;
import no.mrs.result.recording.Verdict;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Results produced by systems to {@code mrs.result-submissions}, one per record: the item as in REST plus
 * {@code systemId}, who is the actor. A poll's records are judged as one batch in one transaction, with the same
 * rules and idempotency as REST. What cannot be read or is rejected goes to {@code mrs.result-submissions.dlq}
 * with the reason and where it came from, and the consumer carries on. The offsets are committed only after the
 * batch is stored and its rejects are on the DLQ, so a crash in between redelivers: the accepted ones then count
 * as duplicates, and nothing is lost. A transient failure — the database restarting, the broker away while a record
 * goes to the DLQ — is retried with backoff until it passes (see {@link TransientRetry}); the poll is not
 * acknowledged meanwhile, and such a failure never sends a record to the DLQ. Who may produce at all is decided by
 * the broker's ACLs; for which units, by {@link SubmissionScopes}: a system without a scope, or a unit outside it,
 * goes to the DLQ as {@code out-of-scope}.
 */
@ApplicationScoped
public class SubmissionConsumer {

    public static final String SYSTEM_ID = SubmissionRecord.SYSTEM_ID;
    public static final String HEADER_REASON = "mrs-dlq-reason";
    public static final String HEADER_ERRORS = "mrs-dlq-errors";
    public static final String HEADER_TOPIC = "mrs-dlq-original-topic";
    public static final String HEADER_PARTITION = "mrs-dlq-original-partition";
    public static final String HEADER_OFFSET = "mrs-dlq-original-offset";
    private static final String FORBIDDEN_UNIT = "forbidden-unit";

    private static final Logger LOG = Logger.getLogger(SubmissionConsumer.class);

    @Inject
    ResultService results;

    @Inject
    ObjectMapper mapper;

    @Inject
    TransientRetry retry;

    @Inject
    DeadLetterMetrics deadLetters;

    @Inject
    SubmissionScopes scopes;

    @Inject
    @Channel("result-submissions-dlq")
    MutinyEmitter<String> dlq;

    private ObjectReader reader;

    @PostConstruct
    void init() {
        reader = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    @Incoming("result-submissions")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<Submission> batch = new ArrayList<>();
        List<ConsumerRecord<String, String>> sources = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            Submission submission = read(record, batch.size());
            if (submission != null) {
                batch.add(submission);
                sources.add(record);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        // the whole batch again after a failure: it was one transaction, and what was stored counts as duplicates
        List<Verdict> verdicts = retry.call("Storing " + batch.size() + " Kafka submissions",
                () -> results.submit(batch));
        int rejected = 0;
        for (int i = 0; i < verdicts.size(); i++) {
            if (verdicts.get(i) instanceof Verdict.Rejected r) {
                toDlq(sources.get(i), reason(r), r.errors());
                rejected++;
            }
        }
        LOG.debugf("Kafka submissions: %d judged, %d rejected", verdicts.size(), rejected);
    }

    /** The record as a submission, or null after sending it to the DLQ because it cannot be read. */
    private Submission read(ConsumerRecord<String, String> record, int index) {
        SubmissionRecord.Read read = SubmissionRecord.read(reader, record.value(), index, this::submitter);
        if (read instanceof SubmissionRecord.Unreadable u) {
            toDlq(record, u.reason(), u.errors());
            return null;
        }
        return ((SubmissionRecord.Readable) read).submission();
    }

    /** Who submits: the system with its configured unit scope; null when scopes apply and it has none. */
    public Submitter submitter(String systemId) {
        if (!scopes.scoped()) {
            return Submitter.system(systemId);
        }
        List<String> units = scopes.systems().get(systemId);
        return units == null ? null : Submitter.system(systemId, Set.copyOf(units));
    }

    /** A rejection for a unit outside the system's scope is {@code out-of-scope}; any other, {@code rejected}. */
    public static String reason(Verdict.Rejected rejected) {
        return rejected.errors().stream().anyMatch(e -> FORBIDDEN_UNIT.equals(e.code()))
                ? DeadLetterMetrics.OUT_OF_SCOPE : DeadLetterMetrics.REJECTED;
    }

    private void toDlq(ConsumerRecord<String, String> record, String reason, List<FieldError> errors) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER_REASON, bytes(reason));
        headers.add(HEADER_ERRORS, bytes(json(errors)));
        headers.add(HEADER_TOPIC, bytes(record.topic()));
        headers.add(HEADER_PARTITION, bytes(Integer.toString(record.partition())));
        headers.add(HEADER_OFFSET, bytes(Long.toString(record.offset())));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key()).withHeaders(headers).build();
        LOG.infof("Submission %s-%d@%d to the DLQ: %s %s", record.topic(), record.partition(), record.offset(),
                reason, json(errors));
        // waits for the broker's acknowledgement: the offset is committed only after the record is safe on the DLQ
        retry.run("Sending " + record.topic() + "-" + record.partition() + "@" + record.offset() + " to the DLQ",
                () -> dlq.sendMessageAndAwait(Message.of(record.value() == null ? "" : record.value())
                        .addMetadata(metadata)));
        deadLetters.count(reason);
    }

    private String json(List<FieldError> errors) {
        try {
            return mapper.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            return errors.toString();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
