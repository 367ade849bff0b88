package dev.samokoder.services.runs.artifacts;

import java.util.List;

/** Keeps texts and lists within their limits before they are stored or sent. */
public final class Text {

    private Text() {
    }

    public static String clip(String text, int maxChars) {
        return text.length() <= maxChars ? text : text.substring(0, maxChars - 1) + "…";
    }

    /** The last {@code maxChars} of a text: a failing run's useful lines are usually at its end. */
    public static String tail(String text, int maxChars) {
        return text.length() <= maxChars ? text : "…" + text.substring(text.length() - maxChars + 1);
    }

    public static List<String> clip(List<String> items, int maxItems, int maxChars) {
        return items.stream().limit(maxItems).map(item -> clip(item, maxChars)).toList();
    }
}
