package dev.samokoder.shared.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@link Setting}s from a map of environment variables, with defaults and clear errors. */
final class Settings {

    private final Map<String, String> env;

    Settings(Map<String, String> env) {
        this.env = env;
    }

    String string(Setting setting) {
        String value = env.get(setting.variable());
        return value == null || value.isBlank() ? setting.defaultValue() : value.trim();
    }

    String name(Setting setting) {
        String value = string(setting);
        if (!value.matches("[A-Za-z0-9._-]{1,255}")) {
            throw new ConfigException(setting.variable() + " must be a resource name (letters, digits, '.', '_', '-'), got '" + value + "'");
        }
        return value;
    }

    int port(Setting setting) {
        String value = string(setting);
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(setting.variable() + " must be a port number from 0 to 65535, got '" + value + "'");
    }

    long positiveLong(Setting setting) {
        String value = string(setting);
        try {
            long number = Long.parseLong(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(setting.variable() + " must be a positive whole number, got '" + value + "'");
    }

    int positiveInt(Setting setting) {
        long value = positiveLong(setting);
        if (value > Integer.MAX_VALUE) {
            throw new ConfigException(setting.variable() + " is too large, got '" + value + "'");
        }
        return (int) value;
    }

    List<String> list(Setting setting) {
        String value = string(setting);
        return value.isEmpty() ? List.of() : Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    Optional<URI> endpoint(Setting setting) {
        String value = string(setting);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        throw new ConfigException(setting.variable() + " must be an http(s) URL such as http://127.0.0.1:8000, got '" + value + "'");
    }
}
