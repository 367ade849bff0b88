package dev.samokoder.services.webhooks;

import java.util.Locale;
import java.util.Optional;

/** What sends to a trigger, which decides how its payload becomes a change request. */
public enum WebhookSource {
    /** GitHub's {@code issues} events: an opened issue becomes the request. */
    GITHUB,
    /** Any program: a JSON body {@code {"request": "..."}}. */
    GENERIC;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<WebhookSource> parse(String value) {
        for (WebhookSource source : values()) {
            if (source.wireName().equals(value)) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }
}
