package dev.samokoder.api.runs;

import dev.samokoder.shared.aws.AwsClients;
import dev.samokoder.shared.billing.CreditLedger;
import dev.samokoder.shared.billing.Funding;
import dev.samokoder.shared.billing.UsageMeter;
import dev.samokoder.shared.config.ConfigException;
import dev.samokoder.shared.config.SamokoderConfig;
import dev.samokoder.shared.llm.ledger.CostLedger;
import dev.samokoder.shared.llmkeys.LlmKeyService;
import dev.samokoder.shared.sandbox.SnapshotStore;
import dev.samokoder.shared.secrets.SecretCiphers;
import dev.samokoder.shared.storage.Storage;
import dev.samokoder.shared.workflow.RunEvents;
import dev.samokoder.shared.workflow.RunFunding;
import dev.samokoder.shared.workflow.RunRepository;
import dev.samokoder.shared.workflow.RunService;
import dev.samokoder.shared.workflow.WorkflowControl;
import dev.samokoder.shared.workflow.agents.artifacts.RunArtifacts;
import dev.samokoder.shared.workspace.WorkspaceSnapshots;
import java.time.Clock;
import software.amazon.awssdk.services.sfn.SfnClient;

/** The runs service as the API's functions build it: the API's operations, and the webhook consumer on its own. */
public final class RunServices {

    private RunServices() {
    }

    /** @param sfn Step Functions, where {@code SAMOKODER_STATE_MACHINE_ARN} runs (the local engine in local mode) */
    public static RunService create(SamokoderConfig config, AwsClients clients, SfnClient sfn, Storage storage, RunFunding funding,
                                    Clock clock) {
        String stateMachine = config.aws().stateMachineArn()
                .orElseThrow(() -> new ConfigException("SAMOKODER_STATE_MACHINE_ARN is required: the runs API starts that state machine"));
        var dynamoDb = clients.dynamoDb();
        return new RunService(storage.projects(), new RunRepository(storage.table(), clock), new RunEvents(dynamoDb, storage.table(), clock),
                new RunArtifacts(dynamoDb, storage.table(), clock, config.artifacts()),
                new WorkspaceSnapshots(storage.files(), new SnapshotStore(clients.s3(), config.aws().bucketName())),
                new CostLedger(dynamoDb, storage.table(), clock),
                new WorkflowControl(sfn, stateMachine, config.workflow()), funding, new UsageMeter(dynamoDb, storage.table(), clock),
                config.llm().userMonthlyBudgetUsd());
    }

    /** The runs service alone, as the webhook consumer's Lambda starts runs with it, on that function's clients. */
    public static RunService standalone(SamokoderConfig config, AwsClients clients, Clock clock) {
        Storage storage = Storage.create(clients, config, clock);
        LlmKeyService llmKeys = new LlmKeyService(clients.dynamoDb(), storage.table(), SecretCiphers.create(config, config.local().dataDir()),
                config.llm().privateBaseUrlsAllowed(), clock);
        Funding funding = new Funding(new CreditLedger(storage.table(), clock));
        return create(config, clients, clients.sfn(), storage, RunFunding.forDefaultModel(config.llm(), llmKeys, funding), clock);
    }
}
