package dev.samokoder.llm.providers;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.llm.Exchange;
import dev.samokoder.core.llm.LlmMessage;
import dev.samokoder.core.llm.ToolChoice;
import dev.samokoder.core.llm.ToolSpec;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.core.models.PriceTable;
import dev.samokoder.llm.provider.ConfiguredKeySource;
import dev.samokoder.llm.provider.ProviderRequest;
import dev.samokoder.llm.provider.ProviderResponse;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few tiny real calls per provider (a text answer, a required tool call after a tool result),
 * each run only when its key is in the environment (never in CI by default): proves the wire
 * format still matches the live service, not only our stand-ins.
 */
class LiveProvidersIT {

    private final SamokoderConfig.Llm config = SamokoderConfig.fromEnv().llm();
    private final LangChain4jProviders providers = LangChain4jProviders.create(config, new ConfiguredKeySource(config));
    private final PriceTable prices = PriceTable.load(config.priceTable());

    @Test
    @EnabledIfEnvironmentVariable(named = "OPENAI_API_KEY", matches = ".+")
    void openAi_answers_andReportsUsage() {
        assertAnswers(live("SAMOKODER_LIVE_OPENAI_MODEL", "openai:gpt-4.1-nano"));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "ANTHROPIC_API_KEY", matches = ".+")
    void anthropic_answers_andReportsUsage() {
        assertAnswers(live("SAMOKODER_LIVE_ANTHROPIC_MODEL", "anthropic:claude-haiku-4-5"));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "SAMOKODER_LIVE_BEDROCK_MODEL", matches = "bedrock:.+")
    void bedrock_answers_andReportsUsage() {
        assertAnswers(ModelRef.parse(System.getenv("SAMOKODER_LIVE_BEDROCK_MODEL")));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "SAMOKODER_LLM_OPENAI_COMPATIBLE_BASE_URL", matches = ".+")
    @EnabledIfEnvironmentVariable(named = "SAMOKODER_LIVE_OPENAI_COMPATIBLE_MODEL", matches = "openai-compatible:.+")
    void anOpenAiCompatibleServer_answers() {
        ProviderResponse response = ask(ModelRef.parse(System.getenv("SAMOKODER_LIVE_OPENAI_COMPATIBLE_MODEL")));

        assertThat(response.text()).isNotBlank();
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "OPENAI_API_KEY", matches = ".+")
    void openAi_callsARequiredTool_afterAToolResult() {
        assertCallsATool(live("SAMOKODER_LIVE_OPENAI_MODEL", "openai:gpt-4.1-nano"), List.of(ToolExchange.READ_FILE, ToolExchange.SUBMIT));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "OPENAI_API_KEY", matches = ".+")
    void openAi_answersTheOnlyRequiredTool_throughItsSchema_afterAToolResult() {
        // the structured-output path: the conversation holds tool calls, the request no tools
        assertCallsATool(live("SAMOKODER_LIVE_OPENAI_MODEL", "openai:gpt-4.1-nano"), List.of(ToolExchange.SUBMIT));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "ANTHROPIC_API_KEY", matches = ".+")
    void anthropic_callsARequiredTool_afterAToolResult() {
        assertCallsATool(live("SAMOKODER_LIVE_ANTHROPIC_MODEL", "anthropic:claude-haiku-4-5"),
                List.of(ToolExchange.READ_FILE, ToolExchange.SUBMIT));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "SAMOKODER_LIVE_BEDROCK_MODEL", matches = "bedrock:.+")
    void bedrock_callsARequiredTool_afterAToolResult() {
        assertCallsATool(ModelRef.parse(System.getenv("SAMOKODER_LIVE_BEDROCK_MODEL")), List.of(ToolExchange.READ_FILE, ToolExchange.SUBMIT));
    }

    private void assertCallsATool(ModelRef model, List<ToolSpec> tools) {
        ProviderResponse response = providers.forModel(model, "usr_live")
                .chat(ToolExchange.request(model, ToolExchange.conversation(), tools, prices.find(model).orElseThrow().capabilities()));

        assertThat(response.toolCalls()).isNotEmpty().allSatisfy(call -> {
            assertThat(call.id()).isNotBlank();
            assertThat(call.name()).isIn(tools.stream().map(ToolSpec::name).toList());
            assertThat(ToolExchange.json(call.arguments()).isObject()).isTrue();
        });
    }

    private static ModelRef live(String variable, String fallback) {
        String chosen = System.getenv(variable);
        return ModelRef.parse(chosen == null || chosen.isBlank() ? fallback : chosen);
    }

    private void assertAnswers(ModelRef model) {
        ProviderResponse response = ask(model);

        assertThat(response.text()).isNotBlank();
        assertThat(response.usage()).hasValueSatisfying(usage -> {
            assertThat(usage.promptTokens()).isPositive();
            assertThat(usage.completionTokens()).isPositive();
        });
    }

    private ProviderResponse ask(ModelRef model) {
        return providers.forModel(model, "usr_live").chat(new ProviderRequest(model, prices.find(model).orElseThrow().capabilities(),
                List.of(LlmMessage.user("Answer with the single word: ready")), 16, OptionalDouble.empty(), List.of(), ToolChoice.AUTO,
                "Live", new Exchange("live", 1)));
    }
}
