package dev.samokoder.local.sfn.paths;

/** The text is not a JSONPath this engine accepts; reported when a definition is loaded. */
public final class JsonPathSyntaxException extends Exception {

    public JsonPathSyntaxException(String message) {
        super(message);
    }
}
