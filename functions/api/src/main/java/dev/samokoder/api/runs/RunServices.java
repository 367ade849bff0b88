package dev.samokoder.api.runs;

import dev.samokoder.core.config.ConfigException;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.services.runs.RunService;
import dev.samokoder.services.runs.WorkflowControl;
import dev.samokoder.services.wiring.Wiring;
import software.amazon.awssdk.services.sfn.SfnClient;

/** The runs service as the API's functions build it: for the API's operations, and for the webhook consumer on its own. */
public final class RunServices {

    private RunServices() {
    }

    /** @param sfn Step Functions, where {@code SAMOKODER_STATE_MACHINE_ARN} runs (the local engine in local mode) */
    public static RunService create(Wiring wiring, SfnClient sfn) {
        SamokoderConfig config = wiring.config();
        String stateMachine = config.aws().stateMachineArn()
                .orElseThrow(() -> new ConfigException("SAMOKODER_STATE_MACHINE_ARN is required: the runs API starts that state machine"));
        return new RunService(wiring.storage().projects(), wiring.runRepository(), wiring.runEvents(), wiring.runArtifacts(),
                wiring.workspaceSnapshots(), wiring.costLedger(), new WorkflowControl(sfn, stateMachine, config.workflow()),
                wiring.runFunding(), wiring.usageMeter(), config.llm().userMonthlyBudgetUsd());
    }
}
