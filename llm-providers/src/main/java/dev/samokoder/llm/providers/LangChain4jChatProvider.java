package dev.samokoder.llm.providers;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.samokoder.shared.llm.InvalidProviderResponseException;
import dev.samokoder.shared.llm.LlmMessage;
import dev.samokoder.shared.llm.model.Provider;
import dev.samokoder.shared.llm.provider.ChatProvider;
import dev.samokoder.shared.llm.provider.ProviderRequest;
import dev.samokoder.shared.llm.provider.ProviderResponse;
import java.time.Clock;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * A {@link ChatProvider} over a langchain4j {@link ChatModel}: our messages to theirs, the
 * request's model, output allowance and temperature as request parameters (each provider spells
 * them its own way, hence {@code parameters}), their answer and usage back, their failures to our
 * named errors.
 */
final class LangChain4jChatProvider implements ChatProvider {

    private final Provider provider;
    private final ChatModel model;
    private final Function<ProviderRequest, ChatRequestParameters> parameters;
    private final Clock clock;

    LangChain4jChatProvider(Provider provider, ChatModel model, Function<ProviderRequest, ChatRequestParameters> parameters, Clock clock) {
        this.provider = provider;
        this.model = model;
        this.parameters = parameters;
        this.clock = clock;
    }

    @Override
    public ProviderResponse chat(ProviderRequest request) {
        ChatRequest chatRequest = ChatRequest.builder()
                .messages(request.messages().stream().map(LangChain4jChatProvider::toLangChain4j).toList())
                .parameters(parameters.apply(request))
                .build();
        ChatResponse response;
        try {
            response = model.chat(chatRequest);
        } catch (RuntimeException failure) {
            throw ProviderErrors.map(provider, failure, clock);
        }
        if (response == null || response.aiMessage() == null) {
            throw new InvalidProviderResponseException(provider, OptionalInt.empty(), "the response holds no message", null);
        }
        String text = response.aiMessage().text() == null ? "" : response.aiMessage().text();
        return new ProviderResponse(text, ReportedUsage.of(response.tokenUsage()), response.finishReason() == FinishReason.LENGTH);
    }

    private static ChatMessage toLangChain4j(LlmMessage message) {
        return switch (message.role()) {
            case SYSTEM -> SystemMessage.from(message.text());
            case USER -> UserMessage.from(message.text());
            case ASSISTANT -> AiMessage.from(message.text());
        };
    }
}
