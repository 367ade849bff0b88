package dev.samokoder.workflow.agents;

import dev.samokoder.core.llm.LlmMessage;
import dev.samokoder.core.llm.ToolCall;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.llm.provider.ChatProvider;
import dev.samokoder.llm.provider.ChatProviders;
import dev.samokoder.llm.provider.ProviderRequest;
import dev.samokoder.llm.provider.ProviderResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model for agent tests, answering each agent's calls in order from a list of answers: a JSON
 * object is submitted as the step's answer, anything else is answered as text (which the loop
 * refuses). CodeMonkey's {@code {"content", "summary"}} writes its file then submits the summary,
 * and TechnicalWriter's {@code {"readme"}} writes README.md then submits; so the agents' old
 * answer lists stay readable as test data. Agents may also be given a function of the request.
 */
final class ScriptedModel implements ChatProvider, ChatProviders {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern CODE_MONKEY_PATH = Pattern.compile("make the file (\\S+) what");

    private final Map<String, List<String>> answers;
    private final Map<String, Function<ProviderRequest, ProviderResponse>> functions = new HashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    ScriptedModel(Map<String, List<String>> answers) {
        this.answers = Map.copyOf(answers);
    }

    /** The answers of a resource in the old transcript shape: {@code {"responses": {"Agent": ["…", …]}}}. */
    static ScriptedModel fromResource(String json) {
        try {
            JsonNode responses = MAPPER.readTree(json).path("responses");
            Map<String, List<String>> answers = new HashMap<>();
            responses.properties().forEach(agent -> {
                List<String> list = new ArrayList<>();
                agent.getValue().forEach(answer -> list.add(answer.asText()));
                answers.put(agent.getKey(), list);
            });
            return new ScriptedModel(answers);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    ScriptedModel with(String agent, Function<ProviderRequest, ProviderResponse> answer) {
        functions.put(agent, answer);
        return this;
    }

    @Override
    public ChatProvider forModel(ModelRef model, String userId) {
        return this;
    }

    @Override
    public ProviderResponse chat(ProviderRequest request) {
        Function<ProviderRequest, ProviderResponse> function = functions.get(request.agent());
        if (function != null) {
            return function.apply(request);
        }
        List<String> list = answers.getOrDefault(request.agent(), List.of());
        int n = calls.computeIfAbsent(request.agent(), agent -> new AtomicInteger()).getAndIncrement();
        if (n >= list.size()) {
            throw new IllegalStateException("the script has " + list.size() + " answer(s) for " + request.agent() + ", call " + (n + 1) + " came");
        }
        return answer(request, list.get(n));
    }

    private static ProviderResponse answer(ProviderRequest request, String text) {
        Optional<ObjectNode> json = object(text);
        if (json.isEmpty()) {
            return new ProviderResponse(text, Optional.empty(), false);
        }
        ObjectNode answer = json.get();
        List<ToolCall> calls = new ArrayList<>();
        if (request.agent().equals(CodeMonkey.AGENT) && answer.has("content")) {
            String path = codeMonkeyPath(request);
            if (wrote(request, path)) {
                calls.add(call("delete_file", MAPPER.createObjectNode().put("path", path)));
            }
            calls.add(call("write_file", MAPPER.createObjectNode().put("path", path).put("content", answer.get("content").asText())));
            answer = MAPPER.createObjectNode().set("summary", answer.get("summary"));
        } else if (request.agent().equals(TechnicalWriter.AGENT) && answer.path("readme").isTextual()) {
            calls.add(call("write_file", MAPPER.createObjectNode().put("path", "README.md").put("content", answer.get("readme").asText())));
            answer = MAPPER.createObjectNode().put("summary", "how to run and test the app");
        } else if (request.agent().equals(TechnicalWriter.AGENT) && answer.has("readme")) {
            answer = MAPPER.createObjectNode().set("summary", answer.get("readme"));
        }
        calls.add(call("submit", answer));
        return new ProviderResponse("", calls, Optional.empty(), false);
    }

    static ToolCall call(String tool, JsonNode arguments) {
        return new ToolCall("call-" + tool + "-" + Integer.toHexString(arguments.hashCode()), tool, arguments.toString());
    }

    static ProviderResponse calls(ToolCall... calls) {
        return new ProviderResponse("", List.of(calls), Optional.empty(), false);
    }

    /** The file a CodeMonkey request is about, from its prompt. */
    static String codeMonkeyPath(ProviderRequest request) {
        Matcher matcher = CODE_MONKEY_PATH.matcher(request.messages().get(1).text());
        if (!matcher.find()) {
            throw new IllegalStateException("a CodeMonkey prompt names its file");
        }
        return matcher.group(1);
    }

    /** True when the conversation shows the file exists: the prompt says so, or an earlier call wrote it. */
    private static boolean wrote(ProviderRequest request, String path) {
        if (request.messages().get(1).text().contains(path + " exists (")) {
            return true;
        }
        return request.messages().stream().filter(m -> m.role() == LlmMessage.Role.TOOL)
                .anyMatch(m -> m.text().startsWith("Created " + path + " "));
    }

    private static Optional<ObjectNode> object(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("```")) {
            int firstLine = trimmed.indexOf('\n');
            int closing = trimmed.lastIndexOf("```");
            if (firstLine > 0 && closing > firstLine) {
                trimmed = trimmed.substring(firstLine + 1, closing).strip();
            }
        }
        try {
            JsonNode node = MAPPER.readTree(trimmed);
            return node != null && node.isObject() ? Optional.of((ObjectNode) node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
