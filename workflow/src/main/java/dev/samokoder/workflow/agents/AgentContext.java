package dev.samokoder.workflow.agents;

import dev.samokoder.core.blob.BlobStore;
import dev.samokoder.core.config.AgentLimits;
import dev.samokoder.core.config.RetryPolicy;
import dev.samokoder.core.config.WorkflowLimits;
import dev.samokoder.core.storage.FileIndexRepository;
import dev.samokoder.core.storage.ProjectRepository;
import dev.samokoder.services.runs.RunEvents;
import dev.samokoder.services.runs.RunRepository;
import dev.samokoder.services.runs.artifacts.RunArtifacts;
import dev.samokoder.workflow.loop.Deadline;
import dev.samokoder.workflow.loop.ToolLoop;
import dev.samokoder.workflow.tools.Toolset;

/**
 * What every agent works with; a handler builds one per cold start and gives each invocation its
 * own deadline ({@link #withDeadline}).
 *
 * @param loop     how an agent's step runs: a bounded, checkpointed loop of tool calls
 * @param toolset  the workspace tools the agents get
 * @param deadline when this invocation must stop calling models (the step then yields)
 * @param conflictRetry how a write of a file entry or a task step that lost the race to another writer tries again
 *                      (the run's own writes retry as {@link RunRepository#conflictRetry()} says)
 */
public record AgentContext(RunRepository runs, RunEvents events, RunArtifacts artifacts, ProjectRepository projects,
                           FileIndexRepository files, BlobStore blobs, ToolLoop loop, WorkflowLimits limits,
                           AgentLimits agentLimits, Toolset toolset, Deadline deadline, RetryPolicy conflictRetry) {

    /** With the default retries of the writes of files and steps. */
    public AgentContext(RunRepository runs, RunEvents events, RunArtifacts artifacts, ProjectRepository projects,
                        FileIndexRepository files, BlobStore blobs, ToolLoop loop, WorkflowLimits limits,
                        AgentLimits agentLimits, Toolset toolset, Deadline deadline) {
        this(runs, events, artifacts, projects, files, blobs, loop, limits, agentLimits, toolset, deadline, RetryPolicy.defaults());
    }

    public AgentContext withDeadline(Deadline newDeadline) {
        return new AgentContext(runs, events, artifacts, projects, files, blobs, loop, limits, agentLimits, toolset, newDeadline,
                conflictRetry);
    }
}
