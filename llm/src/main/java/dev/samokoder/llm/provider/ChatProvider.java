package dev.samokoder.llm.provider;

/**
 * One provider's way of answering a conversation. Implementations translate to and from the
 * provider's protocol and turn its failures into the gateway's named errors (authentication,
 * rate limit with its retry-after hint, unavailable, timeout, rejected, unreadable response);
 * they do not retry, record or budget: the gateway does that once for all of them.
 */
@FunctionalInterface
public interface ChatProvider {

    ProviderResponse chat(ProviderRequest request);
}
