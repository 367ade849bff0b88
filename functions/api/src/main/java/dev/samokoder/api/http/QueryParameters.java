package dev.samokoder.api.http;

import dev.samokoder.core.validation.ValidationException;
import java.util.Optional;

/** Query parameters every listing reads the same way. */
public final class QueryParameters {

    /** The page size of a listing when the caller does not say. */
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private QueryParameters() {
    }

    /** {@code limit} from 1 to 100, 20 when absent. */
    public static int limit(Optional<String> raw) {
        return limit(raw, DEFAULT_LIMIT, MAX_LIMIT);
    }

    /** {@code limit} from 1 to {@code max}, {@code fallback} when absent; anything else is a 400 on the field. */
    public static int limit(Optional<String> raw, int fallback, int max) {
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(raw.get());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ValidationException.of("limit", "must be a whole number from 1 to " + max);
    }
}
