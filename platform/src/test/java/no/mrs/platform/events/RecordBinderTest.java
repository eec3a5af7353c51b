package no.mrs.platform.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import no.mrs.contracts.EventContracts;
import no.mrs.contracts.EventPayload;
import no.mrs.platform.json.StrictJson;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binding an event's data straight from the stream gives exactly what Jackson's binding of the buffered data gives —
 * the same record (decimals with their scale) or the same refusal — for every contract type, with every field in
 * the producers' shape and in shapes they do not write (null, left out, a number for text, text for a number,
 * exponents, other month and instant forms, an enum in lower case, an unknown field, the actor), with a lenient
 * mapper and with the services' strict one.
 */
class RecordBinderTest {

    private static ObjectMapper lenient() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = lenient().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        new StrictJson().customize(mapper);
        return mapper;
    }

    /** Field values in shapes other than the producers': each replaces one field of a valid event in turn. */
    private static final List<Object> ODD_VALUES = List.of("null", "", "42", "-7", "4.50", "1.5E+3", "12345678901234567890",
            "true", "\"\"", "\"42\"", "\"4.50\"", "\"2021-6\"", "\"2021-13\"", "\"+12021-06\"", "\"2021-06 \"",
            "\"2026-12-06T10:15:30+01:00\"", "\"2026-12-06T10:15:30.1234567891Z\"", "\"2026-12-06T10:15:30Z\"",
            "\"office\"", "\"OFFICE\"", "\"SYSTEM\"", "\"PERSON\"", "[]", "[\"a\"]", "{}", "{\"x\":1}", "9.99E-400",
            "\"æøå \\\"sitat\\\" \\u00e5\"");

    @Test
    void everyContractTypeReadsTheSameStraightFromTheStreamAsThroughJacksonsBinding() throws Exception {
        int compared = 0;
        for (ObjectMapper mapper : List.of(lenient(), strict())) {
            EventReader reader = new EventReader(mapper);
            for (Map.Entry<String, Class<? extends EventPayload>> type : EventContracts.all().entrySet()) {
                Class<?> kind = type.getValue();
                ObjectNode valid = (ObjectNode) mapper.valueToTree(sample(kind));
                valid.put("actor", "oslo-reporter");
                compare(reader, type.getKey(), valid.toString());
                compared++;
                // and the producers' shape is bound straight from the stream, not by the fallback
                RecordBinder binder = reader.binderOf(type.getKey());
                assertThat(binder).as(type.getKey()).isNotNull();
                try (com.fasterxml.jackson.core.JsonParser p = reader.objectReader().createParser(valid.toString())) {
                    p.nextToken();
                    RecordBinder.Bound bound = binder.read(p, reader.objectReader());
                    assertThat(bound.payload()).isEqualTo(reader.readGenerally(envelope(type.getKey(),
                            valid.toString())).payload().orElseThrow());
                    assertThat(bound.actor()).isEqualTo("oslo-reporter");
                }
                // an unknown field, the actor twice (the first counts), no actor
                ObjectNode more = valid.deepCopy();
                more.putObject("later").putArray("added").add(1).addObject().put("x", true);
                compare(reader, type.getKey(), more.toString().replace("\"actor\":\"oslo-reporter\"",
                        "\"actor\":null,\"actor\":{\"a\":1},\"actor\":\"first\",\"actor\":\"second\""));
                ObjectNode none = valid.deepCopy();
                none.remove("actor");
                compare(reader, type.getKey(), none.toString());
                compared += 2;
                for (String field : fieldsOf(valid)) {
                    ObjectNode without = valid.deepCopy();
                    without.remove(field);
                    compare(reader, type.getKey(), without.toString());
                    compared++;
                    for (Object odd : ODD_VALUES) {
                        ObjectNode changed = valid.deepCopy();
                        changed.set(field, mapper.readTree(odd.toString()));
                        compare(reader, type.getKey(), changed.toString());
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(1_000);
    }

    @Test
    void malformedDataAndDataOfAnotherShapeAreRefusedAsBefore() {
        EventReader reader = new EventReader(strict());
        String type = "no.mrs.result.ResultRecorded.v1";
        for (String data : new String[] { "{\"unitId\":\"0314\",", "{\"unitId\":\"0314\",\"unitId\":\"0315\"}",
                "[1,2]", "\"text\"", "{\"numerator\":1.2.3}" }) {
            String json = envelope(type, data);
            Object generally = outcome(() -> reader.readGenerally(json));
            assertThat(generally).as(data).isEqualTo("refused");
            assertThat(outcome(() -> reader.read(json))).as(data).isEqualTo(generally);
            assertThat(outcome(() -> reader.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                    .as(data).isEqualTo(generally);
        }
    }

    @Test
    void aKeyTwiceInAnObjectIsRefusedAtAnyDepthExactlyWhereJacksonsStrictParserRefusesIt() throws Exception {
        String type = "no.mrs.result.ResultRecorded.v1";
        ObjectMapper strict = strict();
        String data = strict.valueToTree(sample(EventContracts.classOf(type).orElseThrow())).toString();
        String inner = data.substring(1, data.length() - 1);
        String plain = envelope(type, data);
        String tail = plain.substring(1);
        // each document, and whether an object in it has a key twice
        Map<String, Boolean> documents = new LinkedHashMap<>();
        documents.put(plain, false);
        // the envelope
        documents.put("{\"id\":\"x\"," + tail, true);
        documents.put("{\"ext\":1,\"ext\":2," + tail, true);
        documents.put("{\"ext\":{\"a\":1,\"b\":{\"a\":1}},\"other\":{\"a\":2}," + tail, false);
        documents.put("{\"ext\":{\"a\":1,\"b\":2,\"c\":3,\"a\":4}," + tail, true);
        documents.put("{\"ext\":[{\"a\":1},{\"a\":2}],\"more\":[[{\"b\":1,\"c\":1}],{\"b\":2}]," + tail, false);
        documents.put("{\"ext\":[{\"a\":1},{\"a\":2,\"a\":3}]," + tail, true);
        documents.put("{\"ext\":{\"deep\":{\"deeper\":[{\"x\":{\"y\":1,\"y\":1}}]}}," + tail, true);
        // the data: a field of the record, the actor, unknown fields
        documents.put(envelope(type, "{" + inner + ",\"actor\":\"a\",\"actor\":\"b\"}"), true);
        documents.put(envelope(type, "{\"unitId\":\"0315\"," + inner + "}"), true);
        documents.put(envelope(type, "{" + inner + ",\"later\":{\"x\":1,\"y\":{\"x\":2}}}"), false);
        documents.put(envelope(type, "{" + inner + ",\"later\":{\"x\":1,\"y\":2,\"x\":3}}"), true);
        documents.put(envelope(type, "{" + inner + ",\"later\":[{\"x\":1},{\"x\":1,\"z\":[],\"x\":1}]}"), true);
        // the same name in sibling and nested objects is no duplicate
        documents.put(envelope(type, "{" + inner + ",\"later\":[{\"x\":1},{\"x\":1}],\"x\":{\"later\":1}}"), false);
        int refused = 0;
        for (ObjectMapper mapper : List.of(lenient(), strict)) {
            EventReader reader = new EventReader(mapper);
            for (Map.Entry<String, Boolean> document : documents.entrySet()) {
                String json = document.getKey();
                boolean jacksonRefuses;
                try {
                    mapper.readTree(json);
                    jacksonRefuses = false;
                } catch (com.fasterxml.jackson.core.JsonParseException e) {
                    assertThat(e.getMessage()).contains("Duplicate field");
                    jacksonRefuses = true;
                }
                assertThat(jacksonRefuses).as(json).isEqualTo(mapper == strict && document.getValue());
                byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                for (Object outcome : List.of(outcome(() -> reader.read(json)), outcome(() -> reader.read(bytes)),
                        outcome(() -> reader.readGenerally(json)), outcome(() -> reader.readGenerally(bytes)))) {
                    if (jacksonRefuses) {
                        assertThat(outcome).as(json).isEqualTo("refused");
                        refused++;
                    } else {
                        assertThat(outcome).as(json).isInstanceOf(EventReader.Received.class);
                    }
                }
            }
        }
        assertThat(refused).isEqualTo(4 * 9);
        // and the refusals above are the reader's own check, not Jackson's (which it turns off for its cost)
        try (com.fasterxml.jackson.core.JsonParser p = new EventReader(strict).parser(plain)) {
            assertThat(p).isInstanceOf(DuplicateCheckingParser.class);
            assertThat(((com.fasterxml.jackson.core.util.JsonParserDelegate) p).delegate()
                    .isEnabled(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)).isFalse();
        }
    }

    private static void compare(EventReader reader, String type, String data) {
        String json = envelope(type, data);
        Object generally = outcome(() -> reader.readGenerally(json));
        assertThat(outcome(() -> reader.read(json))).as(json).isEqualTo(generally);
        byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(outcome(() -> reader.read(bytes))).as(json).isEqualTo(outcome(() -> reader.readGenerally(bytes)));
    }

    private static String envelope(String type, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"6f1c1f64-8a4e-4f43-9d3e-2a6b2f0c9a11\",\"source\":\"/result-service\","
                + "\"type\":\"" + type + "\",\"time\":\"2026-12-06T10:15:31.123456Z\",\"streamid\":\"s-1\","
                + "\"streamversion\":3,\"data\":" + data + "}";
    }

    /** The received event, or the kind of refusal (messages may say more or less; the refusal is what counts). */
    private static Object outcome(java.util.concurrent.Callable<EventReader.Received> read) {
        try {
            return read.call();
        } catch (IllegalArgumentException e) {
            return "refused";
        } catch (Exception e) {
            return "failed with " + e;
        }
    }

    private static List<String> fieldsOf(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.remove("actor");
        return names;
    }

    /** A record of {@code type} with a value in every component (what a producer would write). */
    private static Object sample(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameters = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            parameters[i] = components[i].getType();
            values[i] = value(components[i].getType(), components[i].getGenericType(), components[i].getName());
        }
        return type.getDeclaredConstructor(parameters).newInstance(values);
    }

    private static Object value(Class<?> c, Type generic, String name) throws Exception {
        if (c == String.class) {
            return name + "-1";
        } else if (c == BigDecimal.class) {
            return new BigDecimal("12345678901234567890.50");
        } else if (c == long.class || c == Long.class) {
            return 3_000_000_000L;
        } else if (c == int.class || c == Integer.class) {
            return 2026;
        } else if (c == boolean.class || c == Boolean.class) {
            return true;
        } else if (c == double.class || c == Double.class) {
            return 0.25;
        } else if (c == YearMonth.class) {
            return YearMonth.of(2021, 6);
        } else if (c == Instant.class) {
            return Instant.parse("2026-12-06T10:15:30.123456Z");
        } else if (c == LocalDate.class) {
            return LocalDate.of(2026, 12, 6);
        } else if (c == UUID.class) {
            return UUID.fromString("6f1c1f64-8a4e-4f43-9d3e-2a6b2f0c9a11");
        } else if (c.isEnum()) {
            Object[] constants = c.getEnumConstants();
            return constants[constants.length - 1];
        } else if (c.isRecord()) {
            return sample(c);
        } else if (List.class.isAssignableFrom(c) || Set.class.isAssignableFrom(c)) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            Object one = value((Class<?>) (element instanceof ParameterizedType p ? p.getRawType() : element), element, name);
            return Set.class.isAssignableFrom(c) ? Set.of(one) : List.of(one);
        } else if (Map.class.isAssignableFrom(c)) {
            return new LinkedHashMap<>();
        }
        return null;
    }

}
