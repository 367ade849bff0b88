package dev.samokoder.llm.replay;

import dev.samokoder.llm.provider.ChatProvider;
import dev.samokoder.llm.provider.ProviderRequest;
import dev.samokoder.llm.provider.ProviderResponse;

/** A provider whose answers are also appended to a transcript; a failed call records nothing. */
public final class RecordingChatProvider implements ChatProvider {

    private final ChatProvider delegate;
    private final TranscriptRecorder recorder;
    private final Redactor redactor;

    public RecordingChatProvider(ChatProvider delegate, TranscriptRecorder recorder, Redactor redactor) {
        this.delegate = delegate;
        this.recorder = recorder;
        this.redactor = redactor;
    }

    @Override
    public ProviderResponse chat(ProviderRequest request) {
        ProviderResponse response = delegate.chat(request);
        recorder.record(request, response, redactor);
        return response;
    }
}
