package dev.samokoder.api.http;

import dev.samokoder.core.http.Json;
import dev.samokoder.core.validation.ValidationException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Strict JSON request bodies: unknown fields, a field given twice, wrong types, anything after
 * the object and malformed JSON are 400s that say which field and why, never a 500. A record's
 * compact constructor may throw {@link ValidationException} to report its own field errors.
 */
public final class JsonBodies {

    public <T> T parse(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw ApiException.malformedJson("a JSON body is required");
        }
        JsonParser parser = null;
        try {
            parser = Json.mapper().getFactory().createParser(body);
            // one value per field: parsers that keep the first or the last of two cannot disagree on a request
            parser.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
            T value = Json.mapper().readValue(parser, type);
            if (value == null) {
                throw ApiException.malformedJson("the body must be a JSON object");
            }
            if (parser.nextToken() != null) {
                throw ApiException.malformedJson("the body goes on after its JSON object (line "
                        + parser.currentLocation().getLineNr() + ", column " + parser.currentLocation().getColumnNr() + ")");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ValidationException.of(path(e), "is not a known field");
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof ValidationException validation) {
                throw validation;
            }
            throw ValidationException.of(path(e), "is not valid");
        } catch (InvalidFormatException e) {
            throw ValidationException.of(path(e), "must be " + describe(e.getTargetType()));
        } catch (MismatchedInputException e) {
            String field = path(e);
            throw field.isEmpty()
                    ? ApiException.malformedJson("the body must be a JSON object")
                    : ValidationException.of(field, "must be " + describe(e.getTargetType()));
        } catch (StreamConstraintsException e) {
            throw ApiException.malformedJson("the body is nested too deeply or has a value too long");
        } catch (JsonParseException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
                throw ValidationException.of(path(parser.getParsingContext()), "appears more than once");
            }
            throw ApiException.malformedJson("the body is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (DatabindException e) {
            throw ApiException.malformedJson("the body does not fit this request");
        } catch (IOException e) {
            throw ApiException.malformedJson("the body could not be read");
        } finally {
            closeQuietly(parser);
        }
    }

    /** The dotted path of the field the parser is at ({@code settings.autonomy}, {@code scopes[1]}). */
    private static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            parts.addFirst(at.inArray() ? "[" + at.getCurrentIndex() + "]" : "." + at.getCurrentName());
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static void closeQuietly(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException ignored) {
                // a parser over a byte array holds nothing to release
            }
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT);
        }
        return "an object";
    }
}
