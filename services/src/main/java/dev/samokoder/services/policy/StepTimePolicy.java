package dev.samokoder.services.policy;

import dev.samokoder.core.config.SamokoderConfig;
import java.time.Duration;

/** How long the workflow's steps and their parts may take, from the settings that bound them. */
public final class StepTimePolicy {

    /** Time kept beyond a model call's own limit: the round's tool calls and the checkpoint. */
    static final Duration CALL_MARGIN = Duration.ofSeconds(15);

    private StepTimePolicy() {
    }

    /**
     * The longest one model call may take ({@code SAMOKODER_LLM_TIMEOUT_SECONDS}) with a margin: a step
     * starts no model call with less time left in its invocation.
     */
    public static Duration callTime(SamokoderConfig config) {
        return config.llm().timeout().plus(CALL_MARGIN);
    }

    /** How long one invocation may run where no Lambda deadline says ({@code SAMOKODER_WORKFLOW_STEP_TIME_SECONDS}). */
    public static Duration timeSlice(SamokoderConfig config) {
        return Duration.ofSeconds(config.workflow().stepTimeSliceSeconds());
    }

    /** An execution's time limit: the workflow's, never above what the sandbox allows. */
    public static int executionTimeLimitSeconds(SamokoderConfig config) {
        return (int) Math.min(config.workflow().executionTimeLimitSeconds(), config.sandbox().maxTimeLimit().toSeconds());
    }
}
