package dev.samokoder.shared.workflow.agents;

import dev.samokoder.shared.blob.BlobStore;
import dev.samokoder.shared.storage.FileIndexRepository;
import dev.samokoder.shared.storage.ProjectRepository;
import dev.samokoder.shared.workflow.RunEvents;
import dev.samokoder.shared.workflow.RunRepository;
import dev.samokoder.shared.config.WorkflowLimits;
import dev.samokoder.shared.config.AgentLimits;
import dev.samokoder.shared.workflow.agents.artifacts.RunArtifacts;
import dev.samokoder.shared.workflow.agents.loop.Deadline;
import dev.samokoder.shared.workflow.agents.loop.ToolLoop;
import dev.samokoder.shared.workflow.agents.tools.Toolset;

/**
 * What every agent works with; a handler builds one per cold start and gives each invocation its
 * own deadline ({@link #withDeadline}).
 *
 * @param loop     how an agent's step runs: a bounded, checkpointed loop of tool calls
 * @param toolset  the workspace tools the agents get
 * @param deadline when this invocation must stop calling models (the step then yields)
 */
public record AgentContext(RunRepository runs, RunEvents events, RunArtifacts artifacts, ProjectRepository projects,
                           FileIndexRepository files, BlobStore blobs, ToolLoop loop, WorkflowLimits limits,
                           AgentLimits agentLimits, Toolset toolset, Deadline deadline) {

    public AgentContext withDeadline(Deadline newDeadline) {
        return new AgentContext(runs, events, artifacts, projects, files, blobs, loop, limits, agentLimits, toolset, newDeadline);
    }
}
