package dev.samokoder.core.llm;

import dev.samokoder.core.models.Provider;

/**
 * The call would run on the platform's own provider (paid by the platform, charged to the user's
 * credit) and the user's plan does not allow it: they have no prepaid credit. Nothing was sent.
 */
public final class PlatformProviderNotAllowedException extends LlmException {

    public PlatformProviderNotAllowedException(Provider provider) {
        super("calls on the platform's " + provider + " need prepaid credit: store your own key (PUT /v1/llm-keys/{provider})"
                + " or ask an administrator to top up your credit");
    }

    @Override
    public String code() {
        return "platform_provider_not_allowed";
    }
}
