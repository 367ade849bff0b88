package dev.samokoder.llm.providers;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.llm.MissingProviderKeyException;
import dev.samokoder.core.llm.ProviderKey;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.core.models.Provider;
import dev.samokoder.llm.provider.ConfiguredKeySource;
import dev.samokoder.llm.provider.KeySource;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LangChain4jProvidersTest {

    private final SamokoderConfig.Llm noKeys = SamokoderConfig.fromEnv(Map.of()).llm();

    @Test
    void aModelWhoseProviderHasNoKey_isTheNamedMissingKeyError_sayingWhatToSet() {
        // given
        LangChain4jProviders providers = LangChain4jProviders.create(noKeys, new ConfiguredKeySource(noKeys), AnonymousCredentialsProvider.create());

        // when / then
        assertThatThrownBy(() -> providers.forModel(ModelRef.parse("openai:gpt-4.1"), "usr_a"))
                .isInstanceOf(MissingProviderKeyException.class).hasMessageContaining("OPENAI_API_KEY");
        assertThatThrownBy(() -> providers.forModel(ModelRef.parse("anthropic:claude-sonnet-4-5"), "usr_a"))
                .isInstanceOf(MissingProviderKeyException.class).hasMessageContaining("ANTHROPIC_API_KEY");
        assertThatThrownBy(() -> providers.forModel(ModelRef.parse("openai-compatible:llama3.1"), "usr_a"))
                .isInstanceOf(MissingProviderKeyException.class).hasMessageContaining("SAMOKODER_LLM_OPENAI_COMPATIBLE_BASE_URL");
        assertThatThrownBy(() -> providers.forModel(ModelRef.parse("replay:demo"), "usr_a"))
                .isInstanceOf(MissingProviderKeyException.class).hasMessageContaining("SAMOKODER_LLM_REPLAY_TRANSCRIPT");
    }

    @Test
    void eachUsersOwnKey_isAskedFor() {
        // given: a key source that knows only usr_b's key
        KeySource perUser = (userId, provider) -> userId.equals("usr_b") && provider == Provider.ANTHROPIC
                ? Optional.of(ProviderKey.apiKey("ak-of-b")) : Optional.empty();
        LangChain4jProviders providers = LangChain4jProviders.create(noKeys, perUser, AnonymousCredentialsProvider.create());

        // when / then
        assertThat(providers.forModel(ModelRef.parse("anthropic:claude-sonnet-4-5"), "usr_b")).isNotNull();
        assertThatThrownBy(() -> providers.forModel(ModelRef.parse("anthropic:claude-sonnet-4-5"), "usr_a"))
                .isInstanceOf(MissingProviderKeyException.class);
    }

    @Test
    void bedrock_needsNoKey_itSignsWithTheAwsCredentials() {
        LangChain4jProviders providers = LangChain4jProviders.create(noKeys, new ConfiguredKeySource(noKeys), AnonymousCredentialsProvider.create());

        assertThat(providers.forModel(ModelRef.parse("bedrock:amazon.nova-pro-v1:0"), "usr_a")).isNotNull();
    }
}
