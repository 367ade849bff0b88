package dev.samokoder.llm.providers;

import dev.samokoder.core.aws.AwsClients;
import dev.samokoder.core.config.ConfigException;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.llm.CallScope;
import dev.samokoder.llm.provider.ConfiguredKeySource;
import dev.samokoder.services.wiring.Wiring;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmGatewaysTest {

    @Test
    void perAgentModels_mustNameAnAgentThatCallsAModel() {
        // given: a typo that would otherwise leave CodeMonkey on the default model without a word
        SamokoderConfig typo = SamokoderConfig.fromEnv(Map.of("SAMOKODER_LLM_AGENT_MODELS", "Codemonkey=openai:gpt-4.1-mini"));

        // when / then
        assertThatThrownBy(() -> LlmGateways.create(offline(typo), new ConfiguredKeySource(typo.llm())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SAMOKODER_LLM_AGENT_MODELS").hasMessageContaining("'Codemonkey'").hasMessageContaining("CodeMonkey");
    }

    @Test
    void theConfiguredPerAgentModel_isTheAgentsModel() {
        SamokoderConfig config = SamokoderConfig.fromEnv(Map.of("SAMOKODER_LLM_AGENT_MODELS", "CodeMonkey=openai:gpt-4.1-mini"));

        var gateway = LlmGateways.create(offline(config), new ConfiguredKeySource(config.llm()));

        assertThat(gateway.modelFor(CallScope.of("run_1", "prj_1", "usr_1", "CodeMonkey")).model()).hasToString("openai:gpt-4.1-mini");
        assertThat(gateway.modelFor(CallScope.of("run_1", "prj_1", "usr_1", "Architect")).model()).hasToString("anthropic:claude-sonnet-4-5");
    }

    /** The platform's wiring on clients that are never called (building the gateway makes no request). */
    private static Wiring offline(SamokoderConfig config) {
        return new Wiring(config, new AwsClients(config.aws()), Clock.systemUTC());
    }
}
