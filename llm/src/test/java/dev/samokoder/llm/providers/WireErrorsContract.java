package dev.samokoder.llm.providers;

import dev.samokoder.core.llm.Exchange;
import dev.samokoder.core.llm.InvalidProviderResponseException;
import dev.samokoder.core.llm.LlmMessage;
import dev.samokoder.core.llm.ProviderAuthenticationException;
import dev.samokoder.core.llm.ProviderRejectedRequestException;
import dev.samokoder.core.llm.ProviderTimeoutException;
import dev.samokoder.core.llm.ProviderUnavailableException;
import dev.samokoder.core.llm.RateLimitedException;
import dev.samokoder.core.llm.ToolChoice;
import dev.samokoder.core.models.ModelCapabilities;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.llm.provider.ChatProvider;
import dev.samokoder.llm.provider.ProviderRequest;
import dev.samokoder.llm.providers.StandIn.Reply;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How every adapter must turn a provider's failures into the gateway's named errors; each
 * adapter's test extends this with its own wire format for errors.
 */
abstract class WireErrorsContract {

    /**
     * The timeout of every call that is not about time: generous, because a first call on a cold
     * JVM (the AWS SDK's marshallers and signer, langchain4j's Jackson) can take seconds on a loaded
     * machine, and the SDK counts that work inside its API call timeout.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The timeout the timeout test waits out; its call is made on a warmed-up adapter. */
    static final Duration SHORT_TIMEOUT = Duration.ofSeconds(1);
    /** Much longer than {@link #SHORT_TIMEOUT}: an answer the adapter must not wait for. */
    static final Duration LATE = Duration.ofMinutes(1);

    final StandIn standIn = new StandIn();

    /** The adapter under test, pointed at the stand-in. */
    abstract ChatProvider provider(StandIn standIn, Duration timeout);

    abstract ModelRef model();

    /** The provider's error reply for a status (its error body, and headers such as an error type). */
    abstract Reply error(int status, String type, String message);

    /** A well-formed successful reply. */
    abstract Reply success(String text);

    @AfterEach
    void stopStandIn() {
        standIn.close();
    }

    @Test
    void aRefusedKey_isAnAuthenticationError() {
        // given
        standIn.reply(error(authFailureStatus(), "authentication_error", "invalid x-api-key"));

        // when / then
        assertThatThrownBy(() -> call()).isInstanceOfSatisfying(ProviderAuthenticationException.class, e -> {
            assertThat(e.status()).hasValue(authFailureStatus());
            assertThat(e.retryable()).isFalse();
        });
    }

    @Test
    void aRateLimit_isTheRateLimitedError_withTheProvidersRetryAfter() {
        // given
        standIn.reply(error(429, "rate_limit_error", "slow down").withHeader("retry-after", "7"));

        // when / then
        assertThatThrownBy(() -> call()).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
            assertThat(e.status()).hasValue(429);
        });
    }

    @Test
    void aServerError_isTheUnavailableError_andRetryable() {
        standIn.reply(error(500, "api_error", "internal"));

        assertThatThrownBy(() -> call()).isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
            assertThat(e.status()).hasValue(500);
            assertThat(e.retryable()).isTrue();
        });
    }

    @Test
    void aBadRequest_isTheRejectedError() {
        standIn.reply(error(400, "invalid_request_error", "bad parameter"));

        assertThatThrownBy(() -> call()).isInstanceOf(ProviderRejectedRequestException.class);
    }

    @Test
    void noAnswerWithinTheTimeout_isTheTimeoutError() {
        // given: the adapter warmed up by one answered call (a cold first call's class loading would
        // otherwise eat the short timeout before the request is even sent), then an answer that comes
        // only after a minute, against a timeout of 1 s
        standIn.reply(success("warm"));
        provider(standIn, TIMEOUT).chat(request(List.of(LlmMessage.user("hello"))));
        standIn.reply(success("late").after(LATE));
        ChatProvider impatient = provider(standIn, SHORT_TIMEOUT);

        // when / then: the request was sent once, and failed at the timeout, not at the answer
        long started = System.nanoTime();
        assertThatThrownBy(() -> impatient.chat(request(List.of(LlmMessage.user("hello")))))
                .isInstanceOf(ProviderTimeoutException.class);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(standIn.received()).hasSize(2);
        assertThat(took).isGreaterThanOrEqualTo(SHORT_TIMEOUT).isLessThan(LATE.dividedBy(2));
    }

    @Test
    void aMalformedBody_isTheInvalidResponseError() {
        standIn.reply(Reply.json(200, "{\"this is\": not json"));

        assertThatThrownBy(() -> call()).isInstanceOf(InvalidProviderResponseException.class);
    }

    @Test
    void jsonThatIsNotTheProtocol_isTheInvalidResponseError() {
        // given: a proxy or a misconfigured base URL answering 200 with some other JSON
        standIn.reply(Reply.json(200, "{\"status\": \"ok\"}"));

        // when / then
        assertThatThrownBy(() -> call()).isInstanceOf(InvalidProviderResponseException.class);
    }

    @Test
    void anUnreachableServer_isTheUnavailableError() {
        // given: a provider on a port nothing listens on
        standIn.close();

        // when / then
        assertThatThrownBy(() -> call()).isInstanceOf(ProviderUnavailableException.class);
    }

    int authFailureStatus() {
        return 401;
    }

    ProviderRequest request(List<LlmMessage> messages) {
        return new ProviderRequest(model(), ModelCapabilities.TOOLS, messages, 256, OptionalDouble.of(0.2), List.of(), ToolChoice.AUTO,
                "SpecWriter", new Exchange("call", 1));
    }

    private void call() {
        provider(standIn, TIMEOUT).chat(request(List.of(LlmMessage.user("hello"))));
    }
}
