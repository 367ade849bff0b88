package dev.samokoder.llm.providers;

import java.net.URI;

/**
 * Where the hosted HTTP providers are. Production uses the public endpoints; tests point them at
 * local stand-ins speaking the same protocol. (Bedrock's endpoint is the region's, from the SDK;
 * its test overrides it on the client, see {@code BedrockAdapter.client}.)
 */
record ProviderEndpoints(URI openAi, URI anthropic) {

    static final ProviderEndpoints PUBLIC = new ProviderEndpoints(OpenAiAdapter.OPENAI_BASE_URL, AnthropicAdapter.ANTHROPIC_BASE_URL);
}
