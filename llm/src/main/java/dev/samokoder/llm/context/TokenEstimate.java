package dev.samokoder.llm.context;

import dev.samokoder.core.llm.LlmMessage;
import dev.samokoder.core.llm.ToolCall;
import dev.samokoder.core.llm.ToolSpec;
import java.util.List;

/**
 * Counts tokens by rule, without a provider's tokenizer (each provider has its own, and the
 * gateway must decide before sending). The rule leans high so a prompt judged to fit does fit:
 * English runs about four characters per token and code about three, so three ASCII characters
 * count as a token; any other character (CJK, emoji, accented letters) counts as a token of its
 * own. Each message adds the few tokens of role markup that chat formats spend.
 */
public final class TokenEstimate {

    static final int ASCII_CHARS_PER_TOKEN = 3;
    static final int TOKENS_PER_MESSAGE = 4;
    static final int TOKENS_PER_CONVERSATION = 3;

    private TokenEstimate() {
    }

    public static long of(String text) {
        long ascii = 0;
        long other = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (codePoint < 128) {
                ascii++;
            } else {
                other++;
            }
            i += Character.charCount(codePoint);
        }
        return (ascii + ASCII_CHARS_PER_TOKEN - 1) / ASCII_CHARS_PER_TOKEN + other;
    }

    /** The prompt tokens of a whole conversation as a provider would count them, rounded up. */
    public static long of(List<LlmMessage> messages) {
        return of(messages, List.of());
    }

    /** The prompt tokens of a conversation and the tools offered with it (their schemas are sent every call). */
    public static long of(List<LlmMessage> messages, List<ToolSpec> tools) {
        long total = TOKENS_PER_CONVERSATION;
        for (LlmMessage message : messages) {
            total += of(message);
        }
        for (ToolSpec tool : tools) {
            total += TOKENS_PER_MESSAGE + of(tool.name()) + of(tool.description()) + of(tool.parameters().toString());
        }
        return total;
    }

    /** The completion tokens of an answer: its text and its tool calls' names and arguments (no markup: providers count none). */
    public static long ofAnswer(String text, List<ToolCall> calls) {
        long total = of(text);
        for (ToolCall call : calls) {
            total += of(call.name()) + of(call.arguments());
        }
        return total;
    }

    /** One message: its text, its tool calls' names and arguments, and its role markup. */
    public static long of(LlmMessage message) {
        long total = TOKENS_PER_MESSAGE + of(message.text()) + message.toolCallId().map(TokenEstimate::of).orElse(0L);
        for (ToolCall call : message.toolCalls()) {
            total += TOKENS_PER_MESSAGE + of(call.id()) + of(call.name()) + of(call.arguments());
        }
        return total;
    }
}
