package dev.samokoder.llm.providers;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.llm.MissingProviderKeyException;
import dev.samokoder.core.llm.ProviderKey;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.core.models.Provider;
import dev.samokoder.llm.provider.ChatProvider;
import dev.samokoder.llm.provider.ChatProviders;
import dev.samokoder.llm.provider.KeySource;
import dev.samokoder.llm.replay.RecordingChatProvider;
import dev.samokoder.llm.replay.Redactor;
import dev.samokoder.llm.replay.ReplayProvider;
import dev.samokoder.llm.replay.ReplayTranscript;
import dev.samokoder.llm.replay.TranscriptRecorder;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * Every provider, behind the gateway's {@link ChatProviders}. The HTTP providers are built per
 * call with the calling user's key (cheap: they share one HTTP client); the Bedrock client and
 * the replay transcript are built once, on first use.
 */
public final class LangChain4jProviders implements ChatProviders {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final KeySource keys;
    private final ProviderEndpoints endpoints;
    private final ProviderHttpClientBuilder http;
    private final Supplier<BedrockRuntimeClient> bedrock;
    private final Supplier<ReplayProvider> replay;
    private final Clock clock;
    private final Optional<TranscriptRecorder> recorder;

    LangChain4jProviders(KeySource keys, ProviderEndpoints endpoints, Duration timeout, Supplier<BedrockRuntimeClient> bedrock,
                         Optional<Path> replayTranscript, Duration replayLatency, Clock clock) {
        this(keys, endpoints, timeout, bedrock, replayTranscript, replayLatency, clock, Optional.empty());
    }

    LangChain4jProviders(KeySource keys, ProviderEndpoints endpoints, Duration timeout, Supplier<BedrockRuntimeClient> bedrock,
                         Optional<Path> replayTranscript, Duration replayLatency, Clock clock, Optional<Path> record) {
        this.keys = keys;
        this.endpoints = endpoints;
        this.http = new ProviderHttpClientBuilder(HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build(), timeout);
        this.bedrock = once(bedrock);
        this.replay = once(() -> new ReplayProvider(ReplayTranscript.load(replayTranscript.orElseThrow(() ->
                new MissingProviderKeyException(Provider.REPLAY, "set SAMOKODER_LLM_REPLAY_TRANSCRIPT to a recorded transcript"))), replayLatency));
        this.clock = clock;
        this.recorder = record.map(TranscriptRecorder::new);
    }

    /** The providers as configured; Bedrock signs with the process's AWS credentials (the function's role). */
    public static LangChain4jProviders create(SamokoderConfig.Llm config, KeySource keys) {
        return create(config, keys, DefaultCredentialsProvider.builder().build());
    }

    public static LangChain4jProviders create(SamokoderConfig.Llm config, KeySource keys, AwsCredentialsProvider awsCredentials) {
        return new LangChain4jProviders(keys, ProviderEndpoints.PUBLIC, config.timeout(),
                () -> BedrockAdapter.client(config.bedrockRegion(), awsCredentials, config.timeout(), Optional.empty()),
                config.replayTranscript(), config.replayLatency(), Clock.systemUTC(), config.recordTranscript());
    }

    @Override
    public ChatProvider forModel(ModelRef model, String userId) {
        return build(model, provider -> keys.keyFor(userId, provider));
    }

    @Override
    public ChatProvider forCall(ModelRef model, String userId, String projectId) {
        return build(model, provider -> keys.keyFor(userId, projectId, provider));
    }

    /** With {@code SAMOKODER_LLM_RECORD} set, every answer is also appended to the transcript, the call's key redacted. */
    private ChatProvider build(ModelRef model, Function<Provider, Optional<ProviderKey>> keyFor) {
        ChatProvider provider = provider(model, keyFor);
        if (recorder.isEmpty()) {
            return provider;
        }
        Set<String> secrets = keyFor.apply(model.provider()).flatMap(ProviderKey::apiKey).map(Set::of).orElse(Set.of());
        return new RecordingChatProvider(provider, recorder.get(), new Redactor(secrets));
    }

    private ChatProvider provider(ModelRef model, Function<Provider, Optional<ProviderKey>> keyFor) {
        return switch (model.provider()) {
            case OPENAI -> OpenAiAdapter.openAi(apiKey(keyFor, Provider.OPENAI, "set OPENAI_API_KEY"), endpoints.openAi(), http, clock);
            case ANTHROPIC -> AnthropicAdapter.anthropic(apiKey(keyFor, Provider.ANTHROPIC, "set ANTHROPIC_API_KEY"),
                    endpoints.anthropic(), http, clock);
            case OPENAI_COMPATIBLE -> {
                ProviderKey key = keyFor.apply(Provider.OPENAI_COMPATIBLE).filter(k -> k.baseUrl().isPresent())
                        .orElseThrow(() -> new MissingProviderKeyException(Provider.OPENAI_COMPATIBLE,
                                "set SAMOKODER_LLM_OPENAI_COMPATIBLE_BASE_URL to the server (e.g. http://127.0.0.1:11434/v1)"
                                        + " or store a key with PUT /v1/llm-keys/openai-compatible"));
                yield OpenAiAdapter.compatible(key.apiKey(), key.baseUrl().orElseThrow(), http, clock);
            }
            case BEDROCK -> BedrockAdapter.bedrock(bedrock.get(), clock);
            case REPLAY -> replay.get();
        };
    }

    private static String apiKey(Function<Provider, Optional<ProviderKey>> keyFor, Provider provider, String whatToSet) {
        return keyFor.apply(provider).flatMap(ProviderKey::apiKey)
                .orElseThrow(() -> new MissingProviderKeyException(provider, whatToSet + " (local mode) or store a key with PUT /v1/llm-keys/"
                        + provider.wireName()));
    }

    private static <T> Supplier<T> once(Supplier<T> factory) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = factory.get();
                }
                return value;
            }
        };
    }
}
