package dev.samokoder.api.keys;

import dev.samokoder.api.http.ApiRequest;
import dev.samokoder.api.http.ApiResponse;
import dev.samokoder.api.http.Checks;
import dev.samokoder.api.projects.OwnedProject;
import dev.samokoder.core.models.Provider;
import dev.samokoder.core.validation.ValidationException;
import dev.samokoder.services.llmkeys.LlmKeyOwner;
import dev.samokoder.services.llmkeys.LlmKeyService;
import dev.samokoder.services.llmkeys.StoredLlmKey;
import dev.samokoder.services.projects.ProjectService;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code /v1/llm-keys} (a user's own provider keys) and {@code /v1/projects/{projectId}/llm-keys}
 * (a project's overrides, used before its owner's). The key goes in and never comes out: the
 * answers show the provider, the last 4 characters and the dates.
 */
public final class LlmKeyOperations {

    public record PutLlmKey(String apiKey, String baseUrl) {
        public PutLlmKey {
            Checks.of().required("apiKey", apiKey)
                    .text("baseUrl", baseUrl, 1, LlmKeyService.MAX_BASE_URL_LENGTH, false)
                    .done();
        }

        @Override
        public String toString() { // keeps the key out of logs
            return "PutLlmKey[baseUrl=" + baseUrl + "]";
        }
    }

    public record LlmKeyView(String provider, String last4, String baseUrl, Instant createdAt, Instant updatedAt, Instant lastUsedAt) {
        static LlmKeyView of(StoredLlmKey key) {
            return new LlmKeyView(key.provider().wireName(), key.last4(), key.baseUrl().map(URI::toString).orElse(null),
                    key.createdAt(), key.updatedAt(), key.lastUsedAt().orElse(null));
        }
    }

    public record LlmKeyList(List<LlmKeyView> items) {
    }

    private final LlmKeyService keys;
    private final ProjectService projects;

    public LlmKeyOperations(LlmKeyService keys, ProjectService projects) {
        this.keys = keys;
        this.projects = projects;
    }

    public ApiResponse putOwn(ApiRequest request) {
        return put(request, LlmKeyOwner.user(request.userId()));
    }

    public ApiResponse listOwn(ApiRequest request) {
        return list(LlmKeyOwner.user(request.userId()));
    }

    public ApiResponse deleteOwn(ApiRequest request) {
        keys.delete(LlmKeyOwner.user(request.userId()), provider(request));
        return ApiResponse.noContent();
    }

    public ApiResponse putForProject(ApiRequest request) {
        return put(request, projectOwner(request));
    }

    public ApiResponse listForProject(ApiRequest request) {
        return list(projectOwner(request));
    }

    public ApiResponse deleteForProject(ApiRequest request) {
        LlmKeyOwner owner = projectOwner(request);
        keys.delete(owner, provider(request));
        return ApiResponse.noContent();
    }

    private ApiResponse put(ApiRequest request, LlmKeyOwner owner) {
        Provider provider = provider(request);
        PutLlmKey body = request.body(PutLlmKey.class);
        StoredLlmKey stored = keys.put(owner, provider, body.apiKey(), Optional.ofNullable(body.baseUrl()).map(LlmKeyOperations::url));
        return ApiResponse.json(stored.version() == 1 ? 201 : 200, LlmKeyView.of(stored));
    }

    private ApiResponse list(LlmKeyOwner owner) {
        return ApiResponse.json(200, new LlmKeyList(keys.list(owner).stream().map(LlmKeyView::of).toList()));
    }

    /** The caller's project (a foreign or missing one is a 404 before anything else). */
    private LlmKeyOwner projectOwner(ApiRequest request) {
        return LlmKeyOwner.project(OwnedProject.load(request, projects).id());
    }

    private static Provider provider(ApiRequest request) {
        String name = request.pathParameter("provider");
        return Provider.fromWireName(name).filter(LlmKeyService.STORABLE::contains)
                .orElseThrow(() -> ValidationException.of("provider", "must be one of openai, anthropic, openai-compatible"));
    }

    private static URI url(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw ValidationException.of("baseUrl", "is not a URL");
        }
    }
}
