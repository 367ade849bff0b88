package dev.samokoder.llm.providers;

import dev.samokoder.core.llm.InvalidProviderResponseException;
import dev.samokoder.core.llm.LlmMessage;
import dev.samokoder.core.llm.ToolCall;
import dev.samokoder.core.llm.ToolChoice;
import dev.samokoder.core.llm.ToolSpec;
import dev.samokoder.core.models.Provider;
import dev.samokoder.llm.provider.ChatProvider;
import dev.samokoder.llm.provider.ProviderRequest;
import dev.samokoder.llm.provider.ProviderResponse;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * A {@link ChatProvider} over a langchain4j {@link ChatModel}: our messages (tool calls and tool
 * results included) to theirs, the request's model, output allowance, temperature and tools as
 * request parameters (each provider spells them its own way, hence {@code parameters}), their
 * answer, tool calls and usage back, their failures to our named errors.
 *
 * <p>A request whose only tool is required is asked as a schema-held answer instead when the
 * model has native structured output ({@code structuredOutput} in the catalogue): the answer's
 * JSON is then that tool's call.
 */
final class LangChain4jChatProvider implements ChatProvider {

    /**
     * The id of a schema-held answer's call, and of a call the provider gave no id (a legacy
     * function call, some compatible servers), end with the round: a tool result answers its call
     * by id, so ids must not repeat within a step's conversation.
     */
    static final String STRUCTURED_CALL_ID = "structured-output";

    private final Provider provider;
    private final ChatModel model;
    private final Function<ProviderRequest, DefaultChatRequestParameters.Builder<?>> parameters;
    private final Clock clock;

    LangChain4jChatProvider(Provider provider, ChatModel model, Function<ProviderRequest, DefaultChatRequestParameters.Builder<?>> parameters,
                            Clock clock) {
        this.provider = provider;
        this.model = model;
        this.parameters = parameters;
        this.clock = clock;
    }

    @Override
    public ProviderResponse chat(ProviderRequest request) {
        boolean structured = request.capabilities().structuredOutput() && request.tools().size() == 1
                && request.toolChoice() == ToolChoice.REQUIRED;
        DefaultChatRequestParameters.Builder<?> builder = parameters.apply(request);
        if (structured) {
            ToolSpec only = request.tools().getFirst();
            builder.responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON)
                    .jsonSchema(JsonSchema.builder().name(only.name()).rootElement(ToolSchemas.object(only.parameters())).build())
                    .build());
        } else if (!request.tools().isEmpty()) {
            builder.toolSpecifications(request.tools().stream().map(ToolSchemas::specification).toList());
            builder.toolChoice(request.toolChoice() == ToolChoice.REQUIRED
                    ? dev.langchain4j.model.chat.request.ToolChoice.REQUIRED
                    : dev.langchain4j.model.chat.request.ToolChoice.AUTO);
        }
        ChatRequest chatRequest = ChatRequest.builder()
                .messages(request.messages().stream().map(LangChain4jChatProvider::toLangChain4j).toList())
                .parameters(builder.build())
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
        AiMessage answer = response.aiMessage();
        String text = answer.text() == null ? "" : answer.text();
        boolean truncated = response.finishReason() == FinishReason.LENGTH;
        List<ToolCall> calls = new ArrayList<>();
        if (structured && !text.isBlank()) {
            calls.add(new ToolCall(STRUCTURED_CALL_ID + "-" + request.exchange().round(), request.tools().getFirst().name(), text));
            text = "";
        }
        if (answer.hasToolExecutionRequests()) {
            for (ToolExecutionRequest call : answer.toolExecutionRequests()) {
                String id = call.id() == null || call.id().isBlank() ? "call-" + request.exchange().round() + "-" + (calls.size() + 1) : call.id();
                calls.add(new ToolCall(id, call.name(), arguments(call.arguments())));
            }
        }
        return new ProviderResponse(text, calls, ReportedUsage.of(response.tokenUsage()), truncated);
    }

    private static ChatMessage toLangChain4j(LlmMessage message) {
        return switch (message.role()) {
            case SYSTEM -> SystemMessage.from(message.text());
            case USER -> UserMessage.from(message.text());
            case ASSISTANT -> message.toolCalls().isEmpty()
                    ? AiMessage.from(message.text())
                    : AiMessage.from(message.text().isBlank() ? null : message.text(), message.toolCalls().stream()
                            .map(call -> ToolExecutionRequest.builder().id(call.id()).name(call.name()).arguments(arguments(call.arguments()))
                                    .build())
                            .toList());
            case TOOL -> ToolExecutionResultMessage.from(message.toolCallId().orElseThrow(), message.toolName().orElseThrow(), message.text());
        };
    }

    /**
     * A call without arguments is an empty object, both ways: some compatible servers send nothing
     * for a tool without parameters, and langchain4j's Bedrock mapping fails on blank arguments
     * rather than sending an empty input.
     */
    private static String arguments(String json) {
        return json == null || json.isBlank() ? "{}" : json;
    }
}
