package dev.samokoder.api.docs;

import dev.samokoder.api.http.ApiRequest;
import dev.samokoder.api.http.ApiResponse;
import dev.samokoder.api.http.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code GET /v1/openapi.json}: the OpenAPI 3.1 document of every route, read once from resources. */
public final class OpenApiOperation implements Operation {

    static final String RESOURCE = "/dev/samokoder/api/openapi.json";
    private final String document;

    public OpenApiOperation() {
        this.document = load();
    }

    public static String load() {
        try (InputStream in = OpenApiOperation.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        return new ApiResponse(200, Map.of("Content-Type", "application/json"), document, false);
    }
}
