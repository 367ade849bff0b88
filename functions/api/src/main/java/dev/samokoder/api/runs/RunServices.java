package dev.samokoder.api.runs;

import dev.samokoder.core.aws.AwsClients;
import dev.samokoder.core.config.ConfigException;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.ledger.CostLedger;
import dev.samokoder.core.secrets.SecretCiphers;
import dev.samokoder.core.storage.Storage;
import dev.samokoder.sandbox.SnapshotStore;
import dev.samokoder.services.billing.CreditLedger;
import dev.samokoder.services.billing.Funding;
import dev.samokoder.services.billing.UsageMeter;
import dev.samokoder.services.llmkeys.LlmKeyService;
import dev.samokoder.services.runs.RunEvents;
import dev.samokoder.services.runs.RunFunding;
import dev.samokoder.services.runs.RunRepository;
import dev.samokoder.services.runs.RunService;
import dev.samokoder.services.runs.WorkflowControl;
import dev.samokoder.services.runs.artifacts.RunArtifacts;
import dev.samokoder.services.workspace.WorkspaceSnapshots;
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
        return new RunService(storage.projects(), new RunRepository(storage.table(), clock, config.storage().hotConflictRetry()),
                new RunEvents(dynamoDb, storage.table(), clock),
                new RunArtifacts(dynamoDb, storage.table(), clock, config.artifacts()),
                new WorkspaceSnapshots(storage.files(), new SnapshotStore(clients.s3(), config.aws().bucketName()),
                        config.storage().conflictRetry()),
                new CostLedger(dynamoDb, storage.table(), clock, config.storage().hotConflictRetry()),
                new WorkflowControl(sfn, stateMachine, config.workflow()), funding, new UsageMeter(dynamoDb, storage.table(), clock),
                config.llm().userMonthlyBudgetUsd());
    }

    /** The runs service alone, as the webhook consumer's Lambda starts runs with it, on that function's clients. */
    public static RunService standalone(SamokoderConfig config, AwsClients clients, Clock clock) {
        Storage storage = Storage.create(clients, config, clock);
        LlmKeyService llmKeys = new LlmKeyService(clients.dynamoDb(), storage.table(), SecretCiphers.create(config, config.local().dataDir()),
                config.llm().privateBaseUrlsAllowed(), clock, config.storage().conflictRetry());
        Funding funding = new Funding(new CreditLedger(storage.table(), clock, config.storage().hotConflictRetry()));
        return create(config, clients, clients.sfn(), storage, RunFunding.forDefaultModel(config.llm(), llmKeys, funding), clock);
    }
}
