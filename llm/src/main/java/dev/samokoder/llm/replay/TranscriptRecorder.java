package dev.samokoder.llm.replay;

import dev.samokoder.core.llm.ToolCall;
import dev.samokoder.llm.provider.ProviderRequest;
import dev.samokoder.llm.provider.ProviderResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends each answered exchange to a transcript file ({@code SAMOKODER_LLM_RECORD}) as one JSON
 * line, after taking secrets out ({@link Redactor}), so a run on a real model becomes a replay test.
 * Appends are whole lines under a lock held across threads (one lock per JVM) and across processes
 * (the file's lock), so concurrent steps never interleave their lines.
 */
public final class TranscriptRecorder {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private final Path file;

    public TranscriptRecorder(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    public void record(ProviderRequest request, ProviderResponse response, Redactor redactor) {
        List<ToolCall> calls = response.toolCalls().stream()
                .map(call -> new ToolCall(call.id(), call.name(), redactArguments(call.arguments(), redactor)))
                .toList();
        RecordedExchange exchange = new RecordedExchange(request.agent(), request.exchange(), redactor.redact(response.text()), calls,
                response.usage(), response.truncated());
        append(ReplayTranscript.line(exchange) + "\n");
    }

    private void append(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        IN_PROCESS.lock();
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                 FileLock ignored = channel.lock()) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the transcript " + file + " (SAMOKODER_LLM_RECORD)", e);
        } finally {
            IN_PROCESS.unlock();
        }
    }

    /** Secrets inside a tool call's arguments: every string value of the JSON, or the raw text when it does not parse. */
    private static String redactArguments(String arguments, Redactor redactor) {
        try {
            JsonNode tree = MAPPER.readTree(arguments);
            if (tree == null) {
                return redactor.redact(arguments);
            }
            return redactStrings(tree, redactor).toString();
        } catch (IOException e) {
            return redactor.redact(arguments);
        }
    }

    private static JsonNode redactStrings(JsonNode node, Redactor redactor) {
        if (node.isTextual()) {
            return TextNode.valueOf(redactor.redact(node.asText()));
        }
        if (node.isObject()) {
            ObjectNode copy = MAPPER.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), redactStrings(field.getValue(), redactor));
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = MAPPER.createArrayNode();
            node.forEach(item -> copy.add(redactStrings(item, redactor)));
            return copy;
        }
        return node;
    }
}
