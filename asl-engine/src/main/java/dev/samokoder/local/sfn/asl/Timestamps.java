package dev.samokoder.local.sfn.asl;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The RFC3339 profile ASL uses for timestamps: an uppercase T and an explicit Z or numeric offset. */
public final class Timestamps {

    private Timestamps() {
    }

    /** Returns the instant, or null when the text is not such a timestamp. */
    public static Instant parse(String text) {
        if (text == null || text.length() < 20 || text.charAt(10) != 'T' || text.contains("z") || text.contains("t")) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
