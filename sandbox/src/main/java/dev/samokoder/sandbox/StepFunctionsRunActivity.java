package dev.samokoder.sandbox;

import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * A run is active while the Step Functions execution that started its sandbox task is running: a
 * stopped (cancelled), failed, timed-out or vanished execution leaves no one waiting for the
 * task. Works the same against AWS and the local engine, through the real client.
 */
public final class StepFunctionsRunActivity implements RunActivity {

    private final SfnClient sfn;

    public StepFunctionsRunActivity(SfnClient sfn) {
        this.sfn = sfn;
    }

    @Override
    public boolean isActive(SandboxTask task) {
        if (task.executionArn() == null) {
            return true; // nothing to ask: the time limit still applies
        }
        try {
            return sfn.describeExecution(r -> r.executionArn(task.executionArn())).status() == ExecutionStatus.RUNNING;
        } catch (ExecutionDoesNotExistException e) {
            return false;
        }
    }
}
