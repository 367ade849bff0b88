package dev.samokoder.llm.gateway;

import dev.samokoder.core.models.ModelRef;
import dev.samokoder.llm.provider.ChatProvider;
import dev.samokoder.llm.provider.ChatProviders;
import dev.samokoder.llm.provider.ProviderRequest;
import dev.samokoder.llm.provider.ProviderResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A provider for gateway tests: answers with a function of the request, and remembers every request it got. */
final class ScriptedProvider implements ChatProvider, ChatProviders {

    private final Function<ProviderRequest, ProviderResponse> answer;
    private final List<ProviderRequest> requests = new CopyOnWriteArrayList<>();

    ScriptedProvider(Function<ProviderRequest, ProviderResponse> answer) {
        this.answer = answer;
    }

    @Override
    public ChatProvider forModel(ModelRef model, String userId) {
        return this;
    }

    @Override
    public ProviderResponse chat(ProviderRequest request) {
        requests.add(request);
        return answer.apply(request);
    }

    List<ProviderRequest> requests() {
        return requests;
    }
}
