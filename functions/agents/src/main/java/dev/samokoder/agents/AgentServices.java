package dev.samokoder.agents;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.config.WorkflowLimits;
import dev.samokoder.core.llm.LlmClient;
import dev.samokoder.core.storage.Storage;
import dev.samokoder.llm.providers.LlmGateways;
import dev.samokoder.services.notifications.SqsRunNotifier;
import dev.samokoder.services.policy.StepTimePolicy;
import dev.samokoder.services.runs.RouteStep;
import dev.samokoder.services.runs.Router;
import dev.samokoder.services.runs.RunEvents;
import dev.samokoder.services.runs.RunNotifier;
import dev.samokoder.services.runs.RunRepository;
import dev.samokoder.services.runs.artifacts.RunArtifacts;
import dev.samokoder.services.wiring.Wiring;
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

/**
 * What the workflow's steps use, built once per cold start (or once by the local platform); the times are
 * {@code services.policy.StepTimePolicy}'s.
 *
 * @param callTime the longest one model call may take ({@code SAMOKODER_LLM_TIMEOUT_SECONDS}), with a margin: a step
 *                 starts no model call with less time left in its invocation
 * @param timeSlice how long one invocation may run where no Lambda deadline says ({@code SAMOKODER_WORKFLOW_STEP_TIME_SECONDS})
 */
public record AgentServices(AgentContext context, RouteStep route, Executions executions, RunLifecycle lifecycle,
                            Duration callTime, Duration timeSlice, Clock clock) {


    /** On AWS: configuration, clients and the LLM gateway from the function's environment. */
    public static AgentServices fromEnv() {
        Wiring wiring = Wiring.fromEnv();
        SamokoderConfig config = wiring.config();
        return create(wiring, LlmGateways.fromWiring(wiring),
                SqsRunNotifier.fromConfig(config, wiring.clients().sqs(), wiring.clock()));
    }

    public static AgentServices create(Wiring wiring, LlmClient llm) {
        return create(wiring, llm, RunNotifier.NONE);
    }

    public static AgentServices create(Wiring wiring, LlmClient llm, RunNotifier notifier) {
        return create(wiring, llm, notifier, Toolset.WORKSPACE);
    }

    /** With other workspace tools than the platform's (a test that withholds one). */
    public static AgentServices create(Wiring wiring, LlmClient llm, RunNotifier notifier, Toolset toolset) {
        SamokoderConfig config = wiring.config();
        Clock clock = wiring.clock();
        Storage storage = wiring.storage();
        WorkflowLimits limits = config.workflow();
        RunRepository runs = wiring.runRepository();
        RunEvents events = wiring.runEvents();
        RunArtifacts artifacts = wiring.runArtifacts();
        ToolLoop loop = new ToolLoop(llm, new LoopCheckpoints(storage.table(), storage.blobs()), limits);
        AgentContext context = new AgentContext(runs, events, artifacts, storage.projects(), storage.files(), storage.blobs(),
                loop, limits, config.artifacts(), toolset, Deadline.none(), config.storage().conflictRetry());
        WorkspaceSnapshots snapshots = wiring.workspaceSnapshots();
        return new AgentServices(context, new RouteStep(runs, events, artifacts, new Router(limits)),
                new Executions(context, wiring.runStore(), snapshots,
                        new Executions.Settings(StepTimePolicy.executionTimeLimitSeconds(config)), wiring.usageMeter(), clock),
                new RunLifecycle(context, snapshots, wiring.workspace(), wiring.costLedger(), notifier),
                StepTimePolicy.callTime(config), StepTimePolicy.timeSlice(config), clock);
    }
}
