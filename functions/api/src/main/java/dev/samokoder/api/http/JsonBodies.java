package dev.samokoder.api.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.samokoder.shared.http.Json;
import dev.samokoder.shared.validation.ValidationException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Strict JSON request bodies: unknown fields, wrong types and malformed JSON are 400s that say
 * which field and why, never a 500. A record's compact constructor may throw
 * {@link ValidationException} to report its own field errors.
 */
public final class JsonBodies {

    public <T> T parse(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw ApiException.malformedJson("a JSON body is required");
        }
        try {
            T value = Json.mapper().readValue(body, type);
            if (value == null) {
                throw ApiException.malformedJson("the body must be a JSON object");
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
            throw ApiException.malformedJson("the body is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (DatabindException e) {
            throw ApiException.malformedJson("the body does not fit this request");
        } catch (IOException e) {
            throw ApiException.malformedJson("the body could not be read");
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
