package dev.samokoder.llm.providers;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.bedrock.BedrockCachePointPlacement;
import dev.langchain4j.model.bedrock.BedrockChatModel;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.bedrockruntime.model.CacheTTL;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/**
 * langchain4j's Bedrock model, with the conversation's turns alternating as Converse requires (it
 * refuses two user messages in a row). langchain4j sends tool results as a user message of their
 * own, so a user message right after them (the tool loop's "last model call" note) would be a
 * second user turn; consecutive messages of one role become one message with all their content
 * blocks, in order.
 */
final class AlternatingBedrockChatModel extends BedrockChatModel {

    AlternatingBedrockChatModel(BedrockChatModel.Builder builder) {
        super(builder);
    }

    @Override
    protected List<Message> extractRegularMessages(List<ChatMessage> messages, BedrockCachePointPlacement cachePointPlacement,
                                                   CacheTTL cacheTtl) {
        List<Message> turns = new ArrayList<>();
        for (Message message : super.extractRegularMessages(messages, cachePointPlacement, cacheTtl)) {
            if (!turns.isEmpty() && turns.getLast().role() == message.role()) {
                Message previous = turns.removeLast();
                List<ContentBlock> content = new ArrayList<>(previous.content());
                content.addAll(message.content());
                turns.add(previous.toBuilder().content(content).build());
            } else {
                turns.add(message);
            }
        }
        return turns;
    }
}
