package dev.samokoder.llm.provider;

import dev.samokoder.core.llm.MissingProviderKeyException;
import dev.samokoder.core.models.ModelRef;

/** Finds the provider for a model, with the credentials of the user the call is for. */
@FunctionalInterface
public interface ChatProviders {

    /** @throws MissingProviderKeyException if the user has no key for the model's provider */
    ChatProvider forModel(ModelRef model, String userId);

    /**
     * The provider for a call of a project, with the project's key if it overrides its owner's.
     *
     * @throws MissingProviderKeyException if neither the project nor the user has a key for the model's provider
     */
    default ChatProvider forCall(ModelRef model, String userId, String projectId) {
        return forModel(model, userId);
    }
}
