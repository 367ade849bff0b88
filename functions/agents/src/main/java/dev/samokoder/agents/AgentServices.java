package dev.samokoder.agents;

import dev.samokoder.llm.providers.LlmGateways;
import dev.samokoder.shared.aws.AwsClients;
import dev.samokoder.shared.storage.SnapStartPriming;
import dev.samokoder.shared.billing.UsageMeter;
import dev.samokoder.shared.config.SamokoderConfig;
import dev.samokoder.shared.llm.LlmClient;
import dev.samokoder.shared.llm.ledger.CostLedger;
import dev.samokoder.shared.notifications.SqsRunNotifier;
import dev.samokoder.shared.sandbox.RunStore;
import dev.samokoder.shared.sandbox.SnapshotStore;
import dev.samokoder.shared.storage.Storage;
import dev.samokoder.shared.workflow.RouteStep;
import dev.samokoder.shared.workflow.Router;
import dev.samokoder.shared.workflow.RunEvents;
import dev.samokoder.shared.workflow.RunNotifier;
import dev.samokoder.shared.workflow.RunRepository;
import dev.samokoder.shared.config.WorkflowLimits;
import dev.samokoder.shared.workflow.agents.AgentContext;
import dev.samokoder.shared.workflow.agents.Executions;
import dev.samokoder.shared.workflow.agents.RunLifecycle;
import dev.samokoder.shared.workflow.agents.loop.Deadline;
import dev.samokoder.shared.workflow.agents.loop.LoopCheckpoints;
import dev.samokoder.shared.workflow.agents.loop.ToolLoop;
import dev.samokoder.shared.workflow.agents.tools.Toolset;
import dev.samokoder.shared.workflow.agents.artifacts.RunArtifacts;
import dev.samokoder.shared.workspace.WorkspaceService;
import dev.samokoder.shared.workspace.WorkspaceSnapshots;
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
        RunRepository runs = new RunRepository(storage.table(), clock);
        RunEvents events = new RunEvents(clients.dynamoDb(), storage.table(), clock);
        RunArtifacts artifacts = new RunArtifacts(clients.dynamoDb(), storage.table(), clock, config.artifacts());
        ToolLoop loop = new ToolLoop(llm, new LoopCheckpoints(storage.table(), storage.blobs()), limits);
        AgentContext context = new AgentContext(runs, events, artifacts, storage.projects(), storage.files(), storage.blobs(),
                loop, limits, config.artifacts(), toolset, Deadline.none());
        WorkspaceSnapshots snapshots = new WorkspaceSnapshots(storage.files(), new SnapshotStore(clients.s3(), bucket));
        WorkspaceService workspace = new WorkspaceService(storage.files(), storage.blobs(), clients.s3(), clients.s3Presigner(),
                bucket, config.api().exportUrlTtl(), clock);
        int timeLimit = (int) Math.min(limits.executionTimeLimitSeconds(), config.sandbox().maxTimeLimit().toSeconds());
        return new AgentServices(context, new RouteStep(runs, events, artifacts, new Router(limits)),
                new Executions(context, new RunStore(clients.s3(), bucket), snapshots, new Executions.Settings(timeLimit),
                        new UsageMeter(clients.dynamoDb(), storage.table(), clock), clock),
                new RunLifecycle(context, snapshots, workspace, new CostLedger(clients.dynamoDb(), storage.table(), clock), notifier),
                config.llm().timeout().plus(CALL_MARGIN), Duration.ofSeconds(limits.stepTimeSliceSeconds()), clock);
    }
}
