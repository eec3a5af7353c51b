package no.mrs.platform.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the instants the producers write ({@code 2026-12-06T10:15:30.123456Z}: UTC, up to nine fraction digits)
 * without {@code DateTimeFormatter}, which was a sixth of a rebuild's time; anything else (an offset, a number, a
 * leap second, a custom format) goes to Jackson's own deserializer, so what is accepted and what it means is
 * unchanged.
 */
final class IsoInstants {

    private IsoInstants() {
    }

    /** The instant of {@code text} when it has exactly the producers' form, null otherwise (the caller falls back). */
    static Instant parse(String text) {
        int n = text.length();
        // yyyy-MM-ddTHH:mm:ssZ (20) up to yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ (30)
        if (n < 20 || n > 30 || text.charAt(n - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            // a fraction: a dot and 1 to 9 digits
            if (text.charAt(19) != '.' || n == 21) {
                return null;
            }
            int fraction = digits(text, 20, n - 21);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = n - 21; i < 9; i++) {
                nanos *= 10;
            }
        } else if (text.charAt(19) != 'Z') {
            return null;
        }
        if (day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The number written with {@code count} decimal digits from {@code from}, -1 when any is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** A module that puts the fast path in front of whatever deserializer Jackson has for {@link Instant}. */
    static SimpleModule module() {
        SimpleModule module = new SimpleModule("mrs-iso-instants");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return description.getBeanClass() == Instant.class ? new Fast(deserializer, true) : deserializer;
            }
        });
        return module;
    }

    /** Tries the fast path on strings, else (or when a property configures its own format) the standard one. */
    private static final class Fast extends JsonDeserializer<Instant> implements ContextualDeserializer {
        private final JsonDeserializer<?> standard;
        private final boolean fast;

        Fast(JsonDeserializer<?> standard, boolean fast) {
            this.standard = standard;
            this.fast = fast;
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (fast && p.hasToken(JsonToken.VALUE_STRING)) {
                Instant instant = parse(p.getText());
                if (instant != null) {
                    return instant;
                }
            }
            return (Instant) standard.deserialize(p, context);
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            if (!(standard instanceof ContextualDeserializer contextual)) {
                return this;
            }
            JsonDeserializer<?> configured = contextual.createContextual(context, property);
            // a property with a format of its own (@JsonFormat) is read by the standard deserializer alone
            return configured == standard ? this : new Fast(configured, false);
        }

        @Override
        public Class<?> handledType() {
            return Instant.class;
        }
    }
}
