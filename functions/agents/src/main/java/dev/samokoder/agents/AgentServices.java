package dev.samokoder.agents;

import dev.samokoder.core.aws.AwsClients;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.config.WorkflowLimits;
import dev.samokoder.core.ledger.CostLedger;
import dev.samokoder.core.llm.LlmClient;
import dev.samokoder.core.storage.SnapStartPriming;
import dev.samokoder.core.storage.Storage;
import dev.samokoder.llm.providers.LlmGateways;
import dev.samokoder.sandbox.RunStore;
import dev.samokoder.sandbox.SnapshotStore;
import dev.samokoder.services.billing.UsageMeter;
import dev.samokoder.services.notifications.SqsRunNotifier;
import dev.samokoder.services.runs.RouteStep;
import dev.samokoder.services.runs.Router;
import dev.samokoder.services.runs.RunEvents;
import dev.samokoder.services.runs.RunNotifier;
import dev.samokoder.services.runs.RunRepository;
import dev.samokoder.services.runs.artifacts.RunArtifacts;
import dev.samokoder.services.workspace.WorkspaceService;
import dev.samokoder.services.workspace.WorkspaceSnapshots;
import dev.samokoder.workflow.agents.AgentContext;
import dev.samokoder.workflow.agents.Executions;
import dev.samokoder.workflow.agents.RunLifecycle;
import dev.samokoder.workflow.loop.Deadline;
import dev.samokoder.workflow.loop.LoopCheckpoints;
import dev.samokoder.workflow.loop.ToolLoop;
import dev.samokoder.workflow.tools.Toolset;
import java.time.Clock;
import java.time.Duration;

/** What the workflow's steps use, built once per cold start (or once by the local platform). */
/**
 * @param callTime the longest one model call may take ({@code SAMOKODER_LLM_TIMEOUT_SECONDS}), with a margin: a step
 *                 starts no model call with less time left in its invocation
 * @param timeSlice how long one invocation may run where no Lambda deadline says ({@code SAMOKODER_WORKFLOW_STEP_TIME_SECONDS})
 */
public record AgentServices(AgentContext context, RouteStep route, Executions executions, RunLifecycle lifecycle,
                            Duration callTime, Duration timeSlice, Clock clock) {

    /** Time kept beyond a model call's own limit: the round's tool calls and the checkpoint. */
    static final Duration CALL_MARGIN = Duration.ofSeconds(15);


    /** On AWS: configuration, clients and the LLM gateway from the function's environment. */
    public static AgentServices fromEnv() {
        SamokoderConfig config = SamokoderConfig.fromEnv();
        AwsClients clients = new AwsClients(config.aws());
        SnapStartPriming.register(clients);
        Clock clock = Clock.systemUTC();
        return create(config, clients, LlmGateways.fromConfig(config, clients.dynamoDb()), clock,
                SqsRunNotifier.fromConfig(config, clients.sqs(), clock));
    }

    public static AgentServices create(SamokoderConfig config, AwsClients clients, LlmClient llm, Clock clock) {
        return create(config, clients, llm, clock, RunNotifier.NONE);
    }

    public static AgentServices create(SamokoderConfig config, AwsClients clients, LlmClient llm, Clock clock, RunNotifier notifier) {
        return create(config, clients, llm, clock, notifier, Toolset.WORKSPACE);
    }

    /** With other workspace tools than the platform's (a test that withholds one). */
    public static AgentServices create(SamokoderConfig config, AwsClients clients, LlmClient llm, Clock clock, RunNotifier notifier,
                                       Toolset toolset) {
        Storage storage = Storage.create(clients, config, clock);
        WorkflowLimits limits = config.workflow();
        String bucket = config.aws().bucketName();
        RunRepository runs = new RunRepository(storage.table(), clock, config.storage().hotConflictRetry());
        RunEvents events = new RunEvents(clients.dynamoDb(), storage.table(), clock);
        RunArtifacts artifacts = new RunArtifacts(clients.dynamoDb(), storage.table(), clock, config.artifacts());
        ToolLoop loop = new ToolLoop(llm, new LoopCheckpoints(storage.table(), storage.blobs()), limits);
        AgentContext context = new AgentContext(runs, events, artifacts, storage.projects(), storage.files(), storage.blobs(),
                loop, limits, config.artifacts(), toolset, Deadline.none(), config.storage().conflictRetry());
        WorkspaceSnapshots snapshots = new WorkspaceSnapshots(storage.files(), new SnapshotStore(clients.s3(), bucket),
                config.storage().conflictRetry());
        WorkspaceService workspace = new WorkspaceService(storage.files(), storage.blobs(), clients.s3(), clients.s3Presigner(),
                bucket, config.api().exportUrlTtl(), clock);
        int timeLimit = (int) Math.min(limits.executionTimeLimitSeconds(), config.sandbox().maxTimeLimit().toSeconds());
        return new AgentServices(context, new RouteStep(runs, events, artifacts, new Router(limits)),
                new Executions(context, new RunStore(clients.s3(), bucket), snapshots, new Executions.Settings(timeLimit),
                        new UsageMeter(clients.dynamoDb(), storage.table(), clock), clock),
                new RunLifecycle(context, snapshots, workspace,
                        new CostLedger(clients.dynamoDb(), storage.table(), clock, config.storage().hotConflictRetry()), notifier),
                config.llm().timeout().plus(CALL_MARGIN), Duration.ofSeconds(limits.stepTimeSliceSeconds()), clock);
    }
}
