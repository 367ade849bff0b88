package dev.samokoder.core.llm;

import dev.samokoder.core.models.Provider;
import java.util.OptionalInt;

/** A provider did not answer the call usefully. Subclasses say how; the HTTP status is kept when there was one. */
public abstract class ProviderException extends LlmException {

    /** Provider error bodies are kept short in messages: enough to diagnose, never a whole echo of a prompt. */
    static final int MAX_DETAIL_CHARS = 300;

    private final Provider provider;
    private final OptionalInt status;

    protected ProviderException(Provider provider, OptionalInt status, String what, String detail, Throwable cause) {
        super(provider + " " + what + status.stream().mapToObj(s -> " (HTTP " + s + ")").findFirst().orElse("")
                + (detail == null || detail.isBlank() ? "" : ": " + shorten(detail)), cause);
        this.provider = provider;
        this.status = status;
    }

    public Provider provider() {
        return provider;
    }

    public OptionalInt status() {
        return status;
    }

    private static String shorten(String detail) {
        String oneLine = detail.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_DETAIL_CHARS ? oneLine : oneLine.substring(0, MAX_DETAIL_CHARS) + "…";
    }
}
