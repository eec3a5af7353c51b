package no.mrs.platform.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import no.mrs.contracts.EventContracts;
import no.mrs.contracts.EventPayload;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads CloudEvents from Kafka records into contract records. Unknown fields are tolerated (a producer may add
 * optional fields within a version); an unknown type yields an empty payload that the consumer must log.
 *
 * <p>The JSON is read as a stream, once: the envelope's attributes field by field, its {@code data} as a buffer of
 * tokens (numbers kept as written, so decimals stay exact) from which the contract record is bound and the actor
 * taken, whatever order the attributes come in. No tree of the event is built: a rebuild reads a million events,
 * and building a tree and then binding the record from it was most of its time. The envelope it gives carries no
 * {@code data} (the payload does).
 */
@Singleton
public class EventReader {

    @Inject
    ObjectMapper mapper;

    private ObjectReader reader;
    /** Whether the mapper refuses a key twice in an object ({@link DuplicateCheckingParser} checks it then). */
    private boolean uniqueKeys;
    private final java.util.Map<Class<?>, Optional<RecordBinder>> binders = new java.util.concurrent.ConcurrentHashMap<>();

    /** A received event: the envelope (without its data), the payload when its type is known, and the actor. */
    public record Received(CloudEvent envelope, Optional<EventPayload> payload, String actor) {
        public UUID id() {
            return UUID.fromString(envelope.id());
        }
    }

    public EventReader() {
    }

    /** A reader with this mapper (outside CDI). */
    public EventReader(ObjectMapper mapper) {
        this.mapper = mapper;
        init();
    }

    @PostConstruct
    void init() {
        // attributes are bound one by one from the envelope's stream: what follows them is the rest of the envelope
        // (a copy of the mapper, so that its instants are read with a fast path for the producers' form)
        reader = mapper.copy().registerModule(IsoInstants.module()).reader().without(
                DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // a key twice in an object is refused as the mapper says, by a check that costs less than Jackson's
        uniqueKeys = reader.isEnabled(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** A parser of the value, checking for a key twice where the mapper refuses it (instead of Jackson's check). */
    JsonParser parser(String value) throws IOException {
        return unique(reader.createParser(value));
    }

    private JsonParser parser(byte[] value) throws IOException {
        return unique(reader.createParser(value));
    }

    private JsonParser unique(JsonParser p) {
        if (!uniqueKeys) {
            return p;
        }
        p.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return new DuplicateCheckingParser(p);
    }

    public Received read(String value) {
        try (JsonParser p = parser(value)) {
            return read(p, true);
        } catch (RecordBinder.Fallback e) {
            return readGenerally(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a CloudEvent: " + e.getMessage(), e);
        }
    }

    /** {@link #read(String)} with the data always buffered and bound by Jackson (the fallback; tests compare). */
    Received readGenerally(String value) {
        try (JsonParser p = parser(value)) {
            return read(p, false);
        } catch (IOException | RecordBinder.Fallback e) {
            throw new IllegalArgumentException("Not a CloudEvent: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a record's value as it came off the wire (UTF-8), without making a string of it first: what a rebuild
     * reads a million of.
     */
    public Received read(byte[] value) {
        try (JsonParser p = parser(value)) {
            return read(p, true);
        } catch (RecordBinder.Fallback e) {
            return readGenerally(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a CloudEvent: " + e.getMessage(), e);
        }
    }

    /** {@link #read(byte[])} with the data always buffered and bound by Jackson (the fallback; tests compare). */
    Received readGenerally(byte[] value) {
        try (JsonParser p = parser(value)) {
            return read(p, false);
        } catch (IOException | RecordBinder.Fallback e) {
            throw new IllegalArgumentException("Not a CloudEvent: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the envelope; its data is bound straight from the stream ({@link RecordBinder}) when {@code direct} and
     * the type came before it, else buffered and bound by Jackson once the type is known.
     */
    private Received read(JsonParser p, boolean direct) throws IOException, RecordBinder.Fallback {
        {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("Not a CloudEvent: not a JSON object");
            }
            String specVersion = null;
            String id = null;
            String source = null;
            String type = null;
            String subject = null;
            Instant time = null;
            String dataContentType = null;
            String dataSchema = null;
            String streamId = null;
            Long streamVersion = null;
            TokenBuffer data = null;
            RecordBinder.Bound bound = null;
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                JsonToken token = p.nextToken();
                switch (name) {
                    case "specversion" -> specVersion = text(p, name);
                    case "id" -> id = text(p, name);
                    case "source" -> source = text(p, name);
                    case "type" -> type = text(p, name);
                    case "subject" -> subject = text(p, name);
                    case "time" -> time = token == JsonToken.VALUE_NULL ? null : instant(p);
                    case "datacontenttype" -> dataContentType = text(p, name);
                    case "dataschema" -> dataSchema = text(p, name);
                    case "streamid" -> streamId = text(p, name);
                    case "streamversion" -> streamVersion = token == JsonToken.VALUE_NULL ? null
                            : token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                                    ? Long.valueOf(p.getLongValue()) : reader.readValue(p, Long.class);
                    case "data" -> {
                        RecordBinder binder = direct && token == JsonToken.START_OBJECT && type != null
                                ? binderOf(type) : null;
                        if (binder != null) {
                            bound = binder.read(p, reader);
                            data = null;
                        } else if (token != JsonToken.VALUE_NULL) {
                            bound = null;
                            data = new TokenBuffer(p);
                            data.copyCurrentStructure(p);
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (id == null || type == null) {
                throw new IllegalArgumentException("Not a CloudEvent: id or type missing");
            }
            CloudEvent envelope = new CloudEvent(specVersion, id, source, type, subject, time, dataContentType,
                    dataSchema, streamId, streamVersion, null);
            if (bound != null) {
                // bound from the stream as the type known then said: the same type in the end, or read it again
                if (EventContracts.classOf(type).orElse(null) != bound.payload().getClass()) {
                    throw RecordBinder.FALLBACK;
                }
                return new Received(envelope, Optional.of((EventPayload) bound.payload()), bound.actor());
            }
            String eventId = id;
            TokenBuffer body = data;
            Optional<EventPayload> payload = EventContracts.classOf(type).map(kind -> {
                if (body == null) {
                    throw new IllegalArgumentException("Event " + eventId + " has no data");
                }
                try (JsonParser dataParser = body.asParser(p.getCodec())) {
                    return reader.forType(kind).readValue(dataParser);
                } catch (IOException e) {
                    throw new IllegalArgumentException("Event " + eventId + " does not match " + kind, e);
                }
            });
            return new Received(envelope, payload, actor(body, p));
        }
    }

    /** The binder of the type's record, null where there is none (an unknown type, or one it cannot bind). */
    RecordBinder binderOf(String type) {
        Class<? extends EventPayload> kind = EventContracts.classOf(type).orElse(null);
        return kind == null ? null : binders.computeIfAbsent(kind, k -> Optional.ofNullable(RecordBinder.of(k, reader)))
                .orElse(null);
    }

    /** The reader of this event reader's mapper, as it reads events (for tests of the binder). */
    ObjectReader objectReader() {
        return reader;
    }

    /** The {@code time} attribute: the producers' form read directly, anything else as Jackson reads it. */
    private Instant instant(JsonParser p) throws IOException {
        Instant fast = p.currentToken() == JsonToken.VALUE_STRING ? IsoInstants.parse(p.getText()) : null;
        return fast != null ? fast : reader.readValue(p, Instant.class);
    }

    /** A string attribute (a number or boolean is taken as its text); an object or array is not a CloudEvent. */
    private static String text(JsonParser p, String name) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("Not a CloudEvent: " + name + " is not a string");
        }
        return token == JsonToken.VALUE_NULL ? null : p.getText();
    }

    /** The {@code actor} the producers put beside the payload's fields in {@code data}, null without one. */
    private static String actor(TokenBuffer data, JsonParser codecOf) throws IOException {
        if (data == null) {
            return null;
        }
        try (JsonParser p = data.asParser(codecOf.getCodec())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                JsonToken token = p.nextToken();
                if (name.equals("actor") && token.isScalarValue() && token != JsonToken.VALUE_NULL) {
                    return p.getText();
                }
                p.skipChildren();
            }
            return null;
        }
    }
}
