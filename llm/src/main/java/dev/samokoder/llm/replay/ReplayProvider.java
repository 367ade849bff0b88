package dev.samokoder.llm.replay;

import dev.samokoder.core.llm.ProviderTimeoutException;
import dev.samokoder.core.llm.ReplayExhaustedException;
import dev.samokoder.core.models.Provider;
import dev.samokoder.llm.provider.ChatProvider;
import dev.samokoder.llm.provider.ProviderRequest;
import dev.samokoder.llm.provider.ProviderResponse;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * Answers from a recorded transcript: a call gets the answer recorded for the same agent, step and
 * round ({@link dev.samokoder.core.llm.Exchange}), so parallel steps replay the same whatever
 * order they run in, and a step re-run after a crash gets the answer its round had. Used by tests
 * and by {@code scripts/demo}; the ledger records these calls under the provider {@code replay},
 * so a run's summary says its answers were replayed.
 */
public final class ReplayProvider implements ChatProvider {

    private final ReplayTranscript transcript;
    private final Duration latency;

    public ReplayProvider(ReplayTranscript transcript) {
        this(transcript, Duration.ZERO);
    }

    /** @param latency how long each answer takes, as a model's would (scripts/bench workflow measures with it) */
    public ReplayProvider(ReplayTranscript transcript, Duration latency) {
        this.transcript = transcript;
        this.latency = latency;
    }

    @Override
    public ProviderResponse chat(ProviderRequest request) {
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderTimeoutException(Provider.REPLAY, OptionalInt.empty(), "interrupted while replaying " + request.agent() + "'s answer", e);
            }
        }
        RecordedExchange answer = transcript.answer(request.agent(), request.exchange())
                .orElseThrow(() -> new ReplayExhaustedException(request.agent(), request.exchange(), transcript.steps(request.agent())));
        return new ProviderResponse(answer.text(), answer.toolCalls(), answer.usage(), answer.truncated());
    }
}
