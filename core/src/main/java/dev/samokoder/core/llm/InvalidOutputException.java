package dev.samokoder.core.llm;

/**
 * The model answered, but not with something the step can use: an empty answer, or one the
 * step's parser refuses. Steps throw it too, so one name covers both.
 */
public final class InvalidOutputException extends LlmException {

    public InvalidOutputException(String message) {
        super(message);
    }

    public InvalidOutputException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "invalid_output";
    }
}
