package dev.samokoder.core.llm;

import dev.samokoder.core.config.ConfigException;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.ledger.CostLedger;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.core.models.Provider;
import dev.samokoder.llm.gateway.LlmGateway;
import dev.samokoder.llm.provider.ChatProviders;
import dev.samokoder.llm.provider.ConfiguredKeySource;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmConfigTest {

    @Test
    void defaults_needNoKeyAndNoFile() {
        // when
        SamokoderConfig.Llm llm = SamokoderConfig.fromEnv(Map.of()).llm();

        // then
        assertThat(llm.defaultModel()).isEqualTo(ModelRef.parse("anthropic:claude-sonnet-4-5"));
        assertThat(llm.agentModels()).isEmpty();
        assertThat(llm.priceTable()).isEmpty();
        assertThat(llm.maxOutputTokens()).isEqualTo(8192);
        assertThat(llm.userMonthlyBudgetUsd()).isEqualByComparingTo("25");
        assertThat(llm.rateLimitMaxWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(llm.openAiApiKey()).isEmpty();
        assertThat(llm.bedrockRegion()).isEqualTo("us-east-1");
    }

    @Test
    void everyLlmSetting_isRead() {
        // when
        SamokoderConfig.Llm llm = SamokoderConfig.fromEnv(Map.ofEntries(
                Map.entry("SAMOKODER_LLM_MODEL", "openai:gpt-4.1"),
                Map.entry("SAMOKODER_LLM_AGENT_MODELS", "CodeMonkey=openai:gpt-4.1-mini, Architect=bedrock:amazon.nova-pro-v1:0"),
                Map.entry("SAMOKODER_LLM_PRICE_TABLE", "/etc/samokoder/prices.json"),
                Map.entry("SAMOKODER_LLM_MAX_OUTPUT_TOKENS", "4096"),
                Map.entry("SAMOKODER_LLM_USER_MONTHLY_BUDGET_USD", "7.50"),
                Map.entry("SAMOKODER_LLM_TIMEOUT_SECONDS", "30"),
                Map.entry("SAMOKODER_LLM_RATE_LIMIT_MAX_WAIT_SECONDS", "5"),
                Map.entry("SAMOKODER_LLM_REPLAY_TRANSCRIPT", "demo/transcript.json"),
                Map.entry("OPENAI_API_KEY", "sk-test"),
                Map.entry("ANTHROPIC_API_KEY", "ak-test"),
                Map.entry("SAMOKODER_LLM_OPENAI_COMPATIBLE_BASE_URL", "http://127.0.0.1:11434/v1"),
                Map.entry("SAMOKODER_LLM_BEDROCK_REGION", "eu-central-1"))).llm();

        // then
        assertThat(llm.defaultModel()).hasToString("openai:gpt-4.1");
        assertThat(llm.agentModels()).containsEntry("CodeMonkey", ModelRef.parse("openai:gpt-4.1-mini"))
                .containsEntry("Architect", ModelRef.parse("bedrock:amazon.nova-pro-v1:0"));
        assertThat(llm.priceTable()).contains(Path.of("/etc/samokoder/prices.json"));
        assertThat(llm.maxOutputTokens()).isEqualTo(4096);
        assertThat(llm.userMonthlyBudgetUsd()).isEqualByComparingTo(new BigDecimal("7.5"));
        assertThat(llm.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(llm.rateLimitMaxWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(llm.replayTranscript()).contains(Path.of("demo/transcript.json"));
        assertThat(llm.openAiCompatibleBaseUrl()).contains(URI.create("http://127.0.0.1:11434/v1"));
        assertThat(llm.bedrockRegion()).isEqualTo("eu-central-1");
    }

    @Test
    void keysReachTheKeySource_butNeverTheConfigsText() {
        // given
        SamokoderConfig.Llm llm = SamokoderConfig.fromEnv(Map.of("OPENAI_API_KEY", "sk-secret-123",
                "SAMOKODER_LLM_OPENAI_COMPATIBLE_BASE_URL", "http://127.0.0.1:1234/v1")).llm();
        ConfiguredKeySource keys = new ConfiguredKeySource(llm);

        // when / then
        assertThat(keys.keyFor("usr_any", Provider.OPENAI).orElseThrow().apiKey()).contains("sk-secret-123");
        assertThat(keys.keyFor("usr_any", Provider.ANTHROPIC)).isEmpty();
        assertThat(keys.keyFor("usr_any", Provider.OPENAI_COMPATIBLE).orElseThrow().baseUrl())
                .contains(URI.create("http://127.0.0.1:1234/v1"));
        assertThat(llm.toString()).doesNotContain("sk-secret-123");
        assertThat(keys.keyFor("usr_any", Provider.OPENAI).orElseThrow().toString()).doesNotContain("sk-secret-123");
    }

    @Test
    void aConfiguredModelWithoutAPrice_stopsTheGatewayAtStart_namingTheSetting() {
        ChatProviders none = (model, userId) -> {
            throw new AssertionError("no call is made");
        };
        CostLedger ledger = new CostLedger(null, null, Clock.systemUTC());

        assertThatThrownBy(() -> LlmGateway.create(SamokoderConfig.fromEnv(Map.of("SAMOKODER_LLM_MODEL", "openai:gpt-0-unreleased")).llm(),
                none, ledger)).isInstanceOf(ConfigException.class).hasMessageContaining("SAMOKODER_LLM_MODEL")
                .hasMessageContaining("openai:gpt-0-unreleased");
        assertThatThrownBy(() -> LlmGateway.create(SamokoderConfig.fromEnv(Map.of("SAMOKODER_LLM_AGENT_MODELS",
                "CodeMonkey=anthropic:claude-0")).llm(), none, ledger))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SAMOKODER_LLM_AGENT_MODELS (CodeMonkey)");
        assertThatThrownBy(() -> LlmGateway.create(SamokoderConfig.fromEnv(Map.of("SAMOKODER_LLM_PLATFORM_MODEL",
                "bedrock:anthropic.claude-sonnet-4-5-20250929-v1:0")).llm(), none, ledger))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SAMOKODER_LLM_PLATFORM_MODEL");
        assertThat(LlmGateway.create(SamokoderConfig.fromEnv(Map.of("SAMOKODER_LLM_AGENT_MODELS", "CodeMonkey=openai:gpt-4.1-mini",
                "SAMOKODER_LLM_PLATFORM_MODEL", "bedrock:us.anthropic.claude-sonnet-4-5-20250929-v1:0")).llm(), none, ledger)).isNotNull();
    }

    @Test
    void badLlmValues_nameTheVariable() {
        assertThatThrownBy(() -> SamokoderConfig.fromEnv(Map.of("SAMOKODER_LLM_MODEL", "gpt-4o")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SAMOKODER_LLM_MODEL");
        assertThatThrownBy(() -> SamokoderConfig.fromEnv(Map.of("SAMOKODER_LLM_AGENT_MODELS", "CodeMonkey:openai:gpt-4o")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SAMOKODER_LLM_AGENT_MODELS");
        assertThatThrownBy(() -> SamokoderConfig.fromEnv(Map.of("SAMOKODER_LLM_USER_MONTHLY_BUDGET_USD", "-1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SAMOKODER_LLM_USER_MONTHLY_BUDGET_USD");
        assertThatThrownBy(() -> SamokoderConfig.fromEnv(Map.of("SAMOKODER_LLM_OPENAI_COMPATIBLE_BASE_URL", "localhost:11434")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SAMOKODER_LLM_OPENAI_COMPATIBLE_BASE_URL");
    }
}
