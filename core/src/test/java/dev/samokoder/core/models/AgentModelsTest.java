package dev.samokoder.core.models;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgentModelsTest {

    private static final ModelRef DEFAULT = ModelRef.parse("anthropic:claude-sonnet-4-5");
    private static final ModelRef CHEAP = ModelRef.parse("openai:gpt-4.1-mini");
    private static final ModelRef LOCAL = ModelRef.parse("openai-compatible:llama3.1");
    private static final ModelRef BEDROCK = ModelRef.parse("bedrock:amazon.nova-pro-v1:0");

    private final AgentModels configured = new AgentModels(DEFAULT, Map.of("CodeMonkey", CHEAP));

    @Test
    void anAgentWithoutOverride_getsTheConfiguredDefault() {
        assertThat(configured.forAgent("SpecWriter", ModelOverrides.none())).isEqualTo(DEFAULT);
    }

    @Test
    void anAgentWithAConfiguredOverride_getsIt() {
        assertThat(configured.forAgent("CodeMonkey", ModelOverrides.none())).isEqualTo(CHEAP);
    }

    @Test
    void aProjectDefault_winsOverEveryConfiguredChoice() {
        // given
        ModelOverrides project = new ModelOverrides(Optional.of(LOCAL), Map.of());

        // when / then
        assertThat(configured.forAgent("CodeMonkey", project)).isEqualTo(LOCAL);
        assertThat(configured.forAgent("SpecWriter", project)).isEqualTo(LOCAL);
    }

    @Test
    void aProjectChoiceForTheAgent_winsOverTheProjectDefault() {
        // given
        ModelOverrides project = new ModelOverrides(Optional.of(LOCAL), Map.of("Architect", BEDROCK));

        // when / then
        assertThat(configured.forAgent("Architect", project)).isEqualTo(BEDROCK);
        assertThat(configured.forAgent("Developer", project)).isEqualTo(LOCAL);
    }
}
