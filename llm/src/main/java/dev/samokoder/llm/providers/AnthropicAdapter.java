package dev.samokoder.llm.providers;

import dev.samokoder.core.models.Provider;
import dev.samokoder.llm.provider.ChatProvider;
import dev.samokoder.llm.provider.ProviderRequest;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import java.net.URI;
import java.time.Clock;

/** Anthropic's messages API. */
final class AnthropicAdapter {

    static final URI ANTHROPIC_BASE_URL = URI.create("https://api.anthropic.com/v1/");

    private AnthropicAdapter() {
    }

    static ChatProvider anthropic(String apiKey, URI baseUrl, ProviderHttpClientBuilder http, Clock clock) {
        AnthropicChatModel model = AnthropicChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(baseUrl.toString())
                .apiKey(apiKey)
                .maxRetries(0) // the gateway retries, once for every provider
                .build();
        return new LangChain4jChatProvider(Provider.ANTHROPIC, model, AnthropicAdapter::parameters, clock);
    }

    private static DefaultChatRequestParameters.Builder<?> parameters(ProviderRequest request) {
        return DefaultChatRequestParameters.builder()
                .modelName(request.model().model())
                .maxOutputTokens(request.maxOutputTokens())
                .temperature(request.temperature().isPresent() ? request.temperature().getAsDouble() : null);
    }
}
