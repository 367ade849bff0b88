package dev.samokoder.llm.providers;

import dev.samokoder.core.llm.InvalidProviderResponseException;
import dev.samokoder.core.llm.LlmException;
import dev.samokoder.core.llm.ProviderAuthenticationException;
import dev.samokoder.core.llm.ProviderRejectedRequestException;
import dev.samokoder.core.llm.ProviderTimeoutException;
import dev.samokoder.core.llm.ProviderUnavailableException;
import dev.samokoder.core.llm.RateLimitedException;
import dev.samokoder.core.models.Provider;
import dev.samokoder.llm.ratelimit.RetryAfter;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

/**
 * Turns whatever a provider call threw (langchain4j's exceptions, ours from the HTTP client, the
 * AWS SDK's for Bedrock) into the gateway's named errors, by the root of the failure rather than
 * by langchain4j's wrapping, which varies between providers.
 */
final class ProviderErrors {

    private ProviderErrors() {
    }

    static LlmException map(Provider provider, Throwable failure, Clock clock) {
        if (failure instanceof LlmException named) {
            return named;
        }
        ProviderHttpException http = find(failure, ProviderHttpException.class);
        if (http != null) {
            return byStatus(provider, http.statusCode(), http.body(), http.headers(), failure, clock);
        }
        AwsServiceException aws = find(failure, AwsServiceException.class);
        if (aws != null) {
            String detail = aws.awsErrorDetails() == null ? aws.getMessage()
                    : aws.awsErrorDetails().errorCode() + ": " + aws.awsErrorDetails().errorMessage();
            Map<String, List<String>> headers = aws.awsErrorDetails() == null || aws.awsErrorDetails().sdkHttpResponse() == null
                    ? Map.of() : aws.awsErrorDetails().sdkHttpResponse().headers();
            return byStatus(provider, aws.statusCode(), detail, headers, failure, clock);
        }
        if (isTimeout(failure)) {
            return new ProviderTimeoutException(provider, OptionalInt.empty(), rootMessage(failure), failure);
        }
        if (isUnreadableBody(failure)) {
            return new InvalidProviderResponseException(provider, OptionalInt.empty(), rootMessage(failure), failure);
        }
        if (find(failure, IOException.class) != null) {
            return new ProviderUnavailableException(provider, OptionalInt.empty(), rootMessage(failure), failure);
        }
        // the exchange succeeded but the answer could not be turned into a message (a field missing, a wrong type)
        return new InvalidProviderResponseException(provider, OptionalInt.empty(),
                failure.getClass().getSimpleName() + ": " + rootMessage(failure), failure);
    }

    private static LlmException byStatus(Provider provider, int status, String detail, Map<String, List<String>> headers,
                                         Throwable failure, Clock clock) {
        OptionalInt code = OptionalInt.of(status);
        if (status == 401 || status == 403) {
            return new ProviderAuthenticationException(provider, code, detail, failure);
        }
        if (status == 429) {
            if (detail != null && detail.contains("insufficient_quota")) {
                // OpenAI's "out of credit" is a 429 too, but waiting does not refill an account
                return new ProviderRejectedRequestException(provider, code, "the account's quota is used up: " + detail, failure);
            }
            Optional<Duration> retryAfter = RetryAfter.fromHeaders(headers, clock);
            return new RateLimitedException(provider, code, retryAfter, detail, failure);
        }
        if (status == 408) {
            return new ProviderTimeoutException(provider, code, detail, failure);
        }
        if (status >= 500) {
            return new ProviderUnavailableException(provider, code, detail, failure);
        }
        return new ProviderRejectedRequestException(provider, code, detail, failure);
    }

    private static boolean isTimeout(Throwable failure) {
        return find(failure, HttpTimeoutException.class) != null
                || find(failure, SocketTimeoutException.class) != null
                || find(failure, java.util.concurrent.TimeoutException.class) != null
                || find(failure, ApiCallTimeoutException.class) != null
                || find(failure, ApiCallAttemptTimeoutException.class) != null
                || find(failure, dev.langchain4j.exception.TimeoutException.class) != null;
    }

    /**
     * A body that is not JSON: Jackson's parse errors, from langchain4j's Jackson or from the
     * copy the AWS SDK shades under its own package (hence by class name, not by type).
     */
    private static boolean isUnreadableBody(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
                if (type.getSimpleName().equals(JsonProcessingException.class.getSimpleName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
