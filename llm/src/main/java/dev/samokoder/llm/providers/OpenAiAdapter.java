package dev.samokoder.llm.providers;

import dev.samokoder.core.models.Provider;
import dev.samokoder.llm.provider.ChatProvider;
import dev.samokoder.llm.provider.ProviderRequest;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * OpenAI chat completions, and every server that speaks them (Groq, OpenRouter, Ollama, LM Studio).
 * The output allowance is spelled differently: OpenAI's current models take only
 * {@code max_completion_tokens}, while compatible servers know {@code max_tokens}.
 */
final class OpenAiAdapter {

    static final URI OPENAI_BASE_URL = URI.create("https://api.openai.com/v1");

    private OpenAiAdapter() {
    }

    static ChatProvider openAi(String apiKey, URI baseUrl, ProviderHttpClientBuilder http, Clock clock) {
        return new LangChain4jChatProvider(Provider.OPENAI, model(Optional.of(apiKey), baseUrl, http),
                OpenAiAdapter::openAiParameters, clock);
    }

    static ChatProvider compatible(Optional<String> apiKey, URI baseUrl, ProviderHttpClientBuilder http, Clock clock) {
        return new LangChain4jChatProvider(Provider.OPENAI_COMPATIBLE, model(apiKey, baseUrl, http),
                OpenAiAdapter::compatibleParameters, clock);
    }

    private static OpenAiChatModel model(Optional<String> apiKey, URI baseUrl, ProviderHttpClientBuilder http) {
        return OpenAiChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(baseUrl.toString())
                .apiKey(apiKey.orElse(null))
                .maxRetries(0) // the gateway retries, once for every provider
                .build();
    }

    private static DefaultChatRequestParameters.Builder<?> openAiParameters(ProviderRequest request) {
        return OpenAiChatRequestParameters.builder()
                .modelName(request.model().model())
                .maxCompletionTokens(request.maxOutputTokens())
                .temperature(request.temperature().isPresent() ? request.temperature().getAsDouble() : null);
    }

    private static DefaultChatRequestParameters.Builder<?> compatibleParameters(ProviderRequest request) {
        return DefaultChatRequestParameters.builder()
                .modelName(request.model().model())
                .maxOutputTokens(request.maxOutputTokens())
                .temperature(request.temperature().isPresent() ? request.temperature().getAsDouble() : null);
    }
}
