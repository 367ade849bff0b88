package dev.samokoder.llm.providers;

import java.net.URI;
import java.util.Optional;

/**
 * Where the hosted providers are. Production uses the public endpoints; tests point them at
 * local stand-ins speaking the same protocol.
 *
 * @param bedrock an endpoint override for Bedrock; empty = the region's endpoint
 */
record ProviderEndpoints(URI openAi, URI anthropic, Optional<URI> bedrock) {

    static final ProviderEndpoints PUBLIC = new ProviderEndpoints(OpenAiAdapter.OPENAI_BASE_URL,
            AnthropicAdapter.ANTHROPIC_BASE_URL, Optional.empty());
}
