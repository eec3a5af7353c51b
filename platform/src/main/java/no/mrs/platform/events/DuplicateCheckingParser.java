package no.mrs.platform.events;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

import java.io.IOException;
import java.util.Arrays;

/**
 * Refuses a key that comes twice in one JSON object, at any depth, as Jackson's
 * {@link JsonParser.Feature#STRICT_DUPLICATE_DETECTION} does — without its cost: Jackson keeps the names of every
 * object with more than two in a new {@code HashSet} (about half of what reading an event allocated besides the
 * text itself, in a rebuild that reads a million). Here each open object's names are kept in one reused array and
 * compared in turn (the parser gives the same instance for the same name, so mostly by reference).
 *
 * <p>Every way of moving through the tokens goes through {@link #nextToken()}, including {@link #skipChildren()}
 * (which reads what it skips, so a duplicate inside skipped content is refused too).
 */
final class DuplicateCheckingParser extends JsonParserDelegate {

    /** The names seen so far in each open object, by depth; null for an open array. */
    private String[][] names = new String[8][];
    private int[] counts = new int[8];
    /** How many objects and arrays are open. */
    private int depth;

    DuplicateCheckingParser(JsonParser parser) {
        super(parser);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken token = delegate.nextToken();
        if (token != null) {
            switch (token) {
                case START_OBJECT -> open(true);
                case START_ARRAY -> open(false);
                case END_OBJECT, END_ARRAY -> depth--;
                case FIELD_NAME -> seen(delegate.currentName());
                default -> {
                }
            }
        }
        return token;
    }

    private void open(boolean object) {
        if (depth == names.length) {
            names = Arrays.copyOf(names, depth * 2);
            counts = Arrays.copyOf(counts, depth * 2);
        }
        if (object) {
            if (names[depth] == null) {
                names[depth] = new String[16];
            }
            counts[depth] = 0;
        } else {
            counts[depth] = -1;
        }
        depth++;
    }

    private void seen(String name) throws JsonParseException {
        int level = depth - 1;
        String[] known = names[level];
        int count = counts[level];
        for (int i = 0; i < count; i++) {
            String k = known[i];
            if (k == name || k.equals(name)) {
                throw new JsonParseException(this, "Duplicate field '" + name + "'");
            }
        }
        if (count == known.length) {
            known = Arrays.copyOf(known, count * 2);
            names[level] = known;
        }
        known[count] = name;
        counts[level] = count + 1;
    }

    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken token = nextToken();
        return token == JsonToken.FIELD_NAME ? nextToken() : token;
    }

    @Override
    public String nextFieldName() throws IOException {
        return nextToken() == JsonToken.FIELD_NAME ? delegate.currentName() : null;
    }

    @Override
    public boolean nextFieldName(SerializableString name) throws IOException {
        return nextToken() == JsonToken.FIELD_NAME && name.getValue().equals(delegate.currentName());
    }

    @Override
    public String nextTextValue() throws IOException {
        return nextToken() == JsonToken.VALUE_STRING ? delegate.getText() : null;
    }

    @Override
    public int nextIntValue(int defaultValue) throws IOException {
        return nextToken() == JsonToken.VALUE_NUMBER_INT ? delegate.getIntValue() : defaultValue;
    }

    @Override
    public long nextLongValue(long defaultValue) throws IOException {
        return nextToken() == JsonToken.VALUE_NUMBER_INT ? delegate.getLongValue() : defaultValue;
    }

    @Override
    public Boolean nextBooleanValue() throws IOException {
        JsonToken token = nextToken();
        return token == JsonToken.VALUE_TRUE ? Boolean.TRUE : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
    }

    @Override
    public JsonParser skipChildren() throws IOException {
        JsonToken current = delegate.currentToken();
        if (current != JsonToken.START_OBJECT && current != JsonToken.START_ARRAY) {
            return this;
        }
        int open = 1;
        while (open > 0) {
            JsonToken token = nextToken();
            if (token == null) {
                return this;
            }
            if (token.isStructStart()) {
                open++;
            } else if (token.isStructEnd()) {
                open--;
            }
        }
        return this;
    }
}
