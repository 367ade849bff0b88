package dev.samokoder.services.runs;

import dev.samokoder.core.config.WorkflowLimits;
import dev.samokoder.core.http.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

/**
 * The runs API's handle on the generation state machine: start an execution for a run, and send
 * back the task token a paused run waits on. The same calls go to Step Functions on AWS and to
 * the local engine's API locally.
 */
public final class WorkflowControl {

    /** The error a cancelled wait fails with; RunFailed reads the run's cancel flag, not this name. */
    public static final String CANCELLED = "Samokoder.Cancelled";

    private final SfnClient sfn;
    private final String stateMachineArn;
    private final WorkflowLimits limits;

    public WorkflowControl(SfnClient sfn, String stateMachineArn, WorkflowLimits limits) {
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
        this.limits = limits;
    }

    /** Starts the run's current attempt; starting it again returns the same execution. */
    public String start(Run run) {
        ObjectNode input = Json.mapper().createObjectNode().put("runId", run.id());
        input.putObject("limits").put("codeMonkeyConcurrency", limits.codeMonkeyConcurrency());
        try {
            return sfn.startExecution(r -> r.stateMachineArn(stateMachineArn).name(run.executionName()).input(input.toString()))
                    .executionArn();
        } catch (ExecutionAlreadyExistsException e) {
            return executionArn(run.executionName());
        }
    }

    public void resume(String taskToken) {
        sfn.sendTaskSuccess(r -> r.taskToken(taskToken).output("{}"));
    }

    public void cancelWait(String taskToken) {
        sfn.sendTaskFailure(r -> r.taskToken(taskToken).error(CANCELLED).cause("the user cancelled the run"));
    }

    private String executionArn(String name) {
        // arn:aws:states:region:account:stateMachine:name → arn:aws:states:region:account:execution:name:execution
        return stateMachineArn.replaceFirst(":stateMachine:", ":execution:") + ":" + name;
    }
}
