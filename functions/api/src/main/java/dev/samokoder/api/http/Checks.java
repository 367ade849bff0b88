package dev.samokoder.api.http;

import dev.samokoder.core.validation.FieldError;
import dev.samokoder.core.validation.ValidationException;
import java.util.ArrayList;
import java.util.List;

/** Collects every field error of a request body, then throws them together (a 400 that lists all). */
public final class Checks {

    private final List<FieldError> errors = new ArrayList<>();

    public static Checks of() {
        return new Checks();
    }

    public Checks required(String field, Object value) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        }
        return this;
    }

    /** A string of {@code min}..{@code max} characters without control characters (newline and tab allowed if multiline). */
    public Checks text(String field, String value, int min, int max, boolean multiline) {
        if (value == null) {
            return this;
        }
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            errors.add(new FieldError(field, min > 0
                    ? "must be " + min + " to " + max + " characters"
                    : "must be at most " + max + " characters"));
        } else if (value.codePoints().anyMatch(c -> Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\t' || c == '\r')))) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
        return this;
    }

    public Checks that(boolean valid, String field, String message) {
        if (!valid) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    public void done() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
