package dev.samokoder.llm.providers;

import dev.samokoder.core.models.Provider;
import dev.samokoder.llm.provider.ChatProvider;
import dev.samokoder.llm.provider.ProviderRequest;
import dev.langchain4j.model.bedrock.BedrockChatModel;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * AWS Bedrock's Converse API, through the SDK v2 client on the URL-connection HTTP client like
 * every other AWS client here. The SDK's own retries are off: the gateway waits out throttling.
 */
final class BedrockAdapter {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private BedrockAdapter() {
    }

    static BedrockRuntimeClient client(String region, AwsCredentialsProvider credentials, Duration timeout, Optional<URI> endpoint) {
        var builder = BedrockRuntimeClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(timeout).build())
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(timeout));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    static ChatProvider bedrock(BedrockRuntimeClient client, Clock clock) {
        BedrockChatModel model = new AlternatingBedrockChatModel(BedrockChatModel.builder()
                .client(client)
                .maxRetries(0));
        return new LangChain4jChatProvider(Provider.BEDROCK, model, BedrockAdapter::parameters, clock);
    }

    private static DefaultChatRequestParameters.Builder<?> parameters(ProviderRequest request) {
        return DefaultChatRequestParameters.builder()
                .modelName(request.model().model())
                .maxOutputTokens(request.maxOutputTokens())
                .temperature(request.temperature().isPresent() ? request.temperature().getAsDouble() : null);
    }
}
