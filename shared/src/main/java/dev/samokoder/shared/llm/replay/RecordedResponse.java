package dev.samokoder.shared.llm.replay;

import dev.samokoder.shared.llm.TokenUsage;
import java.util.Objects;
import java.util.Optional;

/** One recorded answer, with the usage recorded with it if there was any. */
public record RecordedResponse(String text, Optional<TokenUsage> usage) {

    public RecordedResponse {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(usage, "usage");
    }
}
