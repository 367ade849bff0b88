package dev.samokoder.core.validation;

/** One invalid field of a request: where (a JSON pointer-like name) and what is wrong, for people. */
public record FieldError(String field, String message) {
}
