package dev.samokoder.llm.provider;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.llm.ProviderKey;
import dev.samokoder.core.models.Provider;
import java.util.Optional;

/**
 * The keys of the configuration, for every user: {@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}
 * and the OpenAI-compatible server's base URL (and key, if it wants one). Bedrock and replay need
 * none: Bedrock signs with the AWS credentials of the process.
 */
public final class ConfiguredKeySource implements KeySource {

    private final SamokoderConfig.Llm config;

    public ConfiguredKeySource(SamokoderConfig.Llm config) {
        this.config = config;
    }

    @Override
    public Optional<ProviderKey> keyFor(String userId, Provider provider) {
        return switch (provider) {
            case OPENAI -> config.openAiApiKey().map(ProviderKey::apiKey);
            case ANTHROPIC -> config.anthropicApiKey().map(ProviderKey::apiKey);
            case OPENAI_COMPATIBLE -> config.openAiCompatibleBaseUrl()
                    .map(url -> new ProviderKey(config.openAiCompatibleApiKey(), Optional.of(url)));
            case BEDROCK, REPLAY -> Optional.empty(); // keyless: Bedrock signs with the process's AWS credentials
        };
    }
}
