package no.mrs.platform.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import no.mrs.platform.time.Months;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * Binds a contract record straight from the event's stream, field by field into its canonical constructor, with no
 * buffer of tokens in between: what a rebuild does a million times. Only the shapes the producers write are read
 * here — a string for text, a number for a decimal or whole number, {@code yyyy-MM} for a month, the producers'
 * instants, an enum constant's exact name, a nested record as an object, null —; every other token of a field is
 * handed to Jackson's own deserializer for that field's type, so what is accepted, refused or coerced, and what it
 * means, stays what binding through Jackson gives (the mapper's strictness included). Where even that could differ
 * from Jackson's binding of the whole record — a primitive component left out, a constructor that refuses its
 * arguments, malformed JSON — it throws {@link Fallback} and the caller reads the event the general way.
 * {@code actor} beside the payload's fields is taken (the first one that is a value) and not bound.
 */
final class RecordBinder {

    /** The event must be read the general way (a token buffer bound by Jackson): nothing of it is used. */
    static final class Fallback extends Exception {
        Fallback() {
            super(null, null, false, false);
        }
    }

    /** The one instance (it carries nothing: no message, no stack trace). */
    static final Fallback FALLBACK = new Fallback();

    private enum Kind {
        TEXT, DECIMAL, LONG, INT, MONTH, INSTANT, ENUM, RECORD, OTHER
    }

    /** The payload and the actor found beside its fields. */
    record Bound(Object payload, String actor) {
    }

    private final Constructor<?> constructor;
    private final Map<String, Integer> index = new HashMap<>();
    private final Kind[] kinds;
    private final JavaType[] types;
    private final boolean[] primitive;
    private final Map<String, Object>[] constants;
    private final RecordBinder[] nested;

    /** A binder for {@code type}, or null where it cannot bind it (not a record, or a component named actor). */
    static RecordBinder of(Class<?> type, ObjectReader reader) {
        if (!type.isRecord()) {
            return null;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals("actor")) {
                return null;
            }
        }
        try {
            return new RecordBinder(type, reader);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private RecordBinder(Class<?> type, ObjectReader reader) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameters = new Class<?>[components.length];
        kinds = new Kind[components.length];
        types = new JavaType[components.length];
        primitive = new boolean[components.length];
        constants = new Map[components.length];
        nested = new RecordBinder[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> c = components[i].getType();
            parameters[i] = c;
            index.put(components[i].getName(), i);
            types[i] = reader.getTypeFactory().constructType(components[i].getGenericType());
            primitive[i] = c.isPrimitive();
            if (c == String.class) {
                kinds[i] = Kind.TEXT;
            } else if (c == BigDecimal.class) {
                kinds[i] = Kind.DECIMAL;
            } else if (c == Long.class || c == long.class) {
                kinds[i] = Kind.LONG;
            } else if (c == Integer.class || c == int.class) {
                kinds[i] = Kind.INT;
            } else if (c == YearMonth.class) {
                kinds[i] = Kind.MONTH;
            } else if (c == Instant.class) {
                kinds[i] = Kind.INSTANT;
            } else if (c.isEnum()) {
                kinds[i] = Kind.ENUM;
                Map<String, Object> byName = new HashMap<>();
                for (Object constant : c.getEnumConstants()) {
                    byName.put(((Enum<?>) constant).name(), constant);
                }
                constants[i] = byName;
            } else if (c.isRecord() && (nested[i] = of(c, reader)) != null) {
                kinds[i] = Kind.RECORD;
            } else {
                kinds[i] = Kind.OTHER;
            }
        }
        constructor = type.getDeclaredConstructor(parameters);
        constructor.setAccessible(true);
    }

    /**
     * Binds the object the parser stands at (its START_OBJECT) and leaves the parser at its END_OBJECT. Unknown
     * fields are passed over, as Jackson does with FAIL_ON_UNKNOWN_PROPERTIES off (the event reader's setting).
     */
    Bound read(JsonParser p, ObjectReader reader) throws Fallback {
        try {
            Object[] values = new Object[kinds.length];
            boolean[] seen = new boolean[kinds.length];
            String actor = null;
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                JsonToken token = p.nextToken();
                Integer i = index.get(name);
                if (i == null) {
                    if (actor == null && name.equals("actor") && token.isScalarValue() && token != JsonToken.VALUE_NULL) {
                        actor = p.getText();
                    } else {
                        p.skipChildren();
                    }
                    continue;
                }
                values[i] = value(i, token, p, reader);
                seen[i] = true;
            }
            for (int i = 0; i < kinds.length; i++) {
                if (primitive[i] && !seen[i]) {
                    throw FALLBACK; // what Jackson puts for a primitive left out depends on its settings
                }
            }
            return new Bound(constructor.newInstance(values), actor);
        } catch (Fallback e) {
            throw e;
        } catch (Exception e) {
            throw FALLBACK;
        }
    }

    private Object value(int i, JsonToken token, JsonParser p, ObjectReader reader) throws Exception {
        if (token == JsonToken.VALUE_NULL && !primitive[i]) {
            return null;
        }
        switch (kinds[i]) {
            case TEXT -> {
                if (token == JsonToken.VALUE_STRING) {
                    return p.getText();
                }
            }
            case DECIMAL -> {
                if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
                    return p.getDecimalValue();
                }
            }
            case LONG -> {
                if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                    return p.getLongValue();
                }
            }
            case INT -> {
                if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                    return p.getIntValue();
                }
            }
            case MONTH -> {
                YearMonth month = token == JsonToken.VALUE_STRING ? Months.exact(p.getText(), 0) : null;
                if (month != null) {
                    return month;
                }
            }
            case INSTANT -> {
                Instant instant = token == JsonToken.VALUE_STRING ? IsoInstants.parse(p.getText()) : null;
                if (instant != null) {
                    return instant;
                }
            }
            case ENUM -> {
                Object constant = token == JsonToken.VALUE_STRING ? constants[i].get(p.getText()) : null;
                if (constant != null) {
                    return constant;
                }
            }
            case RECORD -> {
                if (token == JsonToken.START_OBJECT) {
                    return nested[i].read(p, reader).payload();
                }
            }
            case OTHER -> {
            }
        }
        // any other shape: as Jackson reads it for this type (and refuses it where Jackson would)
        return reader.forType(types[i]).readValue(p);
    }
}
