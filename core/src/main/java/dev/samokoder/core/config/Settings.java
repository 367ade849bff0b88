package dev.samokoder.core.config;

import dev.samokoder.core.models.ModelRef;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
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

    int nonNegativeInt(Setting setting) {
        String value = string(setting);
        try {
            int number = Integer.parseInt(value);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(setting.variable() + " must be a whole number of 0 or more, got '" + value + "'");
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

    boolean bool(Setting setting) {
        String value = string(setting);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(setting.variable() + " must be true or false, got '" + value + "'");
        };
    }

    Optional<String> optional(Setting setting) {
        String value = string(setting);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    Optional<Path> optionalPath(Setting setting) {
        return optional(setting).map(Path::of);
    }

    BigDecimal nonNegativeDecimal(Setting setting) {
        String value = string(setting);
        try {
            BigDecimal number = new BigDecimal(value);
            if (number.signum() >= 0) {
                return number.stripTrailingZeros();
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(setting.variable() + " must be a number of 0 or more (e.g. 25 or 7.50), got '" + value + "'");
    }

    ModelRef model(Setting setting) {
        return model(setting, string(setting));
    }

    /** {@code Agent=provider:model} pairs, comma-separated. */
    Map<String, ModelRef> agentModels(Setting setting) {
        Map<String, ModelRef> models = new LinkedHashMap<>();
        for (String pair : list(setting)) {
            int equals = pair.indexOf('=');
            String agent = equals < 0 ? "" : pair.substring(0, equals).strip();
            if (!agent.matches("[A-Za-z][A-Za-z0-9_-]{0,63}")) {
                throw new ConfigException(setting.variable() + " must be Agent=provider:model pairs separated by commas, got '" + pair + "'");
            }
            models.put(agent, model(setting, pair.substring(equals + 1).strip()));
        }
        return models;
    }

    /** {@code Agent=tokens} pairs, comma-separated. */
    Map<String, Integer> agentTokens(Setting setting) {
        Map<String, Integer> tokens = new LinkedHashMap<>();
        for (String pair : list(setting)) {
            int equals = pair.indexOf('=');
            String agent = equals < 0 ? "" : pair.substring(0, equals).strip();
            String count = equals < 0 ? "" : pair.substring(equals + 1).strip();
            if (!agent.matches("[A-Za-z][A-Za-z0-9_-]{0,63}") || !count.matches("[1-9][0-9]{0,8}")) {
                throw new ConfigException(setting.variable() + " must be Agent=tokens pairs separated by commas, got '" + pair + "'");
            }
            tokens.put(agent, Integer.parseInt(count));
        }
        return tokens;
    }

    private static ModelRef model(Setting setting, String value) {
        try {
            return ModelRef.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(setting.variable() + ": " + e.getMessage());
        }
    }
}
