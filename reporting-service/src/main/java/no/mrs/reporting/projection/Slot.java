package no.mrs.reporting.projection;

/** One of the two schemas that hold a copy of the read models. */
public enum Slot {
    SLOT_A("slot_a"), SLOT_B("slot_b");

    /** The schema name: a constant, so it may be put into SQL text. */
    public final String schema;

    Slot(String schema) {
        this.schema = schema;
    }

    public Slot other() {
        return this == SLOT_A ? SLOT_B : SLOT_A;
    }

    public static Slot ofSchema(String schema) {
        for (Slot slot : values()) {
            if (slot.schema.equals(schema)) {
                return slot;
            }
        }
        throw new IllegalArgumentException("No read model slot " + schema);
    }
}
