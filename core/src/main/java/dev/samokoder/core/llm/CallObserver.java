package dev.samokoder.core.llm;

import dev.samokoder.core.models.ModelRef;
import java.time.Duration;

/**
 * What the gateway tells about a call beyond its result: a provider that refused it for now (a rate limit) and
 * the wait before the gateway tries again. The workflow puts it on the run's timeline, so a slow step says why.
 */
public interface CallObserver {

    CallObserver NONE = (scope, model, attempt, wait, reason) -> { };

    /**
     * @param attempt the attempt about to be made (2 for the first retry)
     * @param reason  what the provider said, in plain words
     */
    void retrying(CallScope scope, ModelRef model, int attempt, Duration wait, String reason);
}
