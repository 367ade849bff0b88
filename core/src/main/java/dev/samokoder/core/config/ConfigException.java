package dev.samokoder.core.config;

/** A setting has a value that cannot be used; the message names the variable and what it takes. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
