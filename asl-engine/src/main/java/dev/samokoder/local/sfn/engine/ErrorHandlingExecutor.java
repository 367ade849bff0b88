package dev.samokoder.local.sfn.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.samokoder.local.sfn.asl.Catcher;
import dev.samokoder.local.sfn.asl.ErrorHandling;
import dev.samokoder.local.sfn.asl.Retrier;

import java.util.List;

/**
 * Retry and Catch around the attempts of a Task, Parallel or Map state. The first retrier whose
 * ErrorEquals matches decides: it retries while its own count is below MaxAttempts, otherwise the error
 * goes to the catchers, again first match wins.
 */
final class ErrorHandlingExecutor {

    /** One attempt of the state; {@code retryCount} is the number of retries before it ($$.State.RetryCount). */
    @FunctionalInterface
    interface Attempt {
        Outcome run(int retryCount) throws StateFailure;
    }

    private ErrorHandlingExecutor() {
    }

    static Outcome execute(ExecutionRun run, ErrorHandling handling, JsonNode rawInput, Step step, Attempt attempt)
            throws StateFailure {
        List<Retrier> retriers = handling.retriers();
        int[] retriesPerRetrier = new int[retriers.size()];
        int retries = 0;
        while (true) {
            try {
                return attempt.run(retries);
            } catch (StateFailure failure) {
                int index = firstMatchingRetrier(retriers, failure.error());
                if (index >= 0 && retriesPerRetrier[index] < retriers.get(index).maxAttempts()) {
                    run.sleepUntil(run.now().plus(RetryDelay.before(retriers.get(index), retriesPerRetrier[index])), step.scope());
                    retriesPerRetrier[index]++;
                    retries++;
                    continue;
                }
                for (Catcher catcher : handling.catchers()) {
                    if (ErrorMatcher.matches(catcher.errorEquals(), failure.error())) {
                        return new Outcome(DataFlowProcessor.resultPath(catcher.resultPath(), rawInput, errorOutput(failure)),
                                catcher.next());
                    }
                }
                throw failure;
            }
        }
    }

    private static int firstMatchingRetrier(List<Retrier> retriers, String error) {
        for (int i = 0; i < retriers.size(); i++) {
            if (ErrorMatcher.matches(retriers.get(i).errorEquals(), error)) {
                return i;
            }
        }
        return -1;
    }

    private static ObjectNode errorOutput(StateFailure failure) {
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("Error", failure.error());
        if (failure.cause() != null) {
            output.put("Cause", failure.cause());
        }
        return output;
    }
}
