package dev.samokoder.services.runs.artifacts;

import java.util.List;

/** What the app must do, in words, and what SpecWriter assumed where the description was silent. */
public record Spec(String text, List<String> assumptions) {

    public Spec {
        assumptions = List.copyOf(assumptions);
    }
}
