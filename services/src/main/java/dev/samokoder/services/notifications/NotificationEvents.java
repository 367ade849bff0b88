package dev.samokoder.services.notifications;

import dev.samokoder.services.runs.RunNotifier.Moment;
import java.util.Optional;

/** The names moments have on the wire (in the subscription and the {@code type} of a notification). */
public final class NotificationEvents {

    private NotificationEvents() {
    }

    public static String wireName(Moment moment) {
        return switch (moment) {
            case RUN_SUCCEEDED -> "run.succeeded";
            case RUN_FAILED -> "run.failed";
            case QUESTION_ASKED -> "question.asked";
        };
    }

    public static Optional<Moment> parse(String name) {
        for (Moment moment : Moment.values()) {
            if (wireName(moment).equals(name)) {
                return Optional.of(moment);
            }
        }
        return Optional.empty();
    }
}
