package dev.samokoder.core.storage;

/**
 * Attribute names of the single table; docs/data-model.md describes every item type and key.
 * Key values are built only by {@link Keys}.
 */
public final class TableSchema {

    public static final String PK = "pk";
    public static final String SK = "sk";
    /** A generic secondary index for lookups by an alternate key. */
    public static final String GSI1 = "gsi1";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";
    /** Item type, so that a raw item is self-describing in the console and in exports. */
    public static final String TYPE = "type";
    /** Epoch seconds after which DynamoDB's TTL may delete the item (tokens, counters). */
    public static final String TTL = "ttl";
    /** The optimistic-locking version of every mutable item; starts at 1. */
    public static final String VERSION = "version";

    private TableSchema() {
    }
}
