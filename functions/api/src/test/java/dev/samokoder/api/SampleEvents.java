package dev.samokoder.api;

import dev.samokoder.core.http.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sample API Gateway events of {@code events/api/} and their manifest ({@code index.json}):
 * read, with their {@code ${name}} placeholders filled in, and turned into the event class the
 * way the Lambda runtime does it.
 */
final class SampleEvents {

    /** Relative to this module: Maven runs a module's tests in the module's folder. */
    static final Path FOLDER = Path.of("..", "..", "events", "api");
    static final String MANIFEST = "index.json";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");
    /** Values land inside JSON strings unescaped, so they must be made of characters JSON leaves alone. */
    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9@._~/-]*");
    private static final PojoSerializer<APIGatewayV2HTTPEvent> RUNTIME_SERIALIZER =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, SampleEvents.class.getClassLoader());

    /**
     * One manifest entry: an event file and the answer the handler must give it.
     *
     * @param problem     for an error, the problem type's slug
     * @param contentType for a success with a body, its {@code Content-Type}
     * @param headers     response headers that must have exactly these values
     * @param json        JSON pointers into the response body and the value each must have
     * @param text        the exact response body, decoded when it is base64
     */
    record Expectation(String file, int status, String problem, String contentType, Map<String, String> headers,
                       Map<String, JsonNode> json, String text) {

        Expectation {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            json = json == null ? Map.of() : Map.copyOf(json);
        }

        boolean valid() {
            return status < 400;
        }

        @Override
        public String toString() {
            return file;
        }
    }

    private record Manifest(List<Expectation> events) {
    }

    private SampleEvents() {
    }

    static List<Expectation> manifest() {
        try {
            return Json.mapper().readValue(FOLDER.resolve(MANIFEST).toFile(), Manifest.class).events();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FOLDER.resolve(MANIFEST), e);
        }
    }

    /** Every event file of the folder (everything but the manifest). */
    static List<String> files() {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".json") && !name.equals(MANIFEST))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + FOLDER, e);
        }
    }

    static String template(String file) {
        try {
            return Files.readString(FOLDER.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FOLDER.resolve(file), e);
        }
    }

    /** The text with every {@code ${name}} replaced; a name without a value is a broken sample. */
    static String fill(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for placeholder " + matcher.group() + "; known: " + values.keySet());
            }
            if (!SAFE_VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException("the value of " + matcher.group() + " would need JSON escaping");
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(filled).toString();
    }

    /** The event file, filled in and deserialized by the serializer the Lambda Java runtime uses. */
    static APIGatewayV2HTTPEvent load(String file, Map<String, String> values) {
        return RUNTIME_SERIALIZER.fromJson(fill(template(file), values));
    }
}
