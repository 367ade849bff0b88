package dev.samokoder.shared.llm.replay;

import dev.samokoder.shared.llm.ReplayExhaustedException;
import dev.samokoder.shared.llm.provider.ChatProvider;
import dev.samokoder.shared.llm.provider.ProviderRequest;
import dev.samokoder.shared.llm.provider.ProviderResponse;

/**
 * Answers from a recorded transcript: the agent's n-th call in a run gets the agent's n-th
 * recorded answer. Used by tests and by {@code scripts/demo}; the ledger records these calls
 * under the provider {@code replay}, so a run's summary says its answers were replayed.
 */
public final class ReplayProvider implements ChatProvider {

    private final ReplayTranscript transcript;

    public ReplayProvider(ReplayTranscript transcript) {
        this.transcript = transcript;
    }

    @Override
    public ProviderResponse chat(ProviderRequest request) {
        RecordedResponse answer = transcript.response(request.agent(), request.agentCall())
                .orElseThrow(() -> new ReplayExhaustedException(request.agent(), request.agentCall(), transcript.recorded(request.agent())));
        return new ProviderResponse(answer.text(), answer.usage(), false);
    }
}
