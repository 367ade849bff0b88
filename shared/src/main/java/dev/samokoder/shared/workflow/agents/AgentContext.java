package dev.samokoder.shared.workflow.agents;

import dev.samokoder.shared.blob.BlobStore;
import dev.samokoder.shared.storage.FileIndexRepository;
import dev.samokoder.shared.storage.ProjectRepository;
import dev.samokoder.shared.workflow.RunEvents;
import dev.samokoder.shared.workflow.RunRepository;
import dev.samokoder.shared.workflow.WorkflowLimits;
import dev.samokoder.shared.workflow.agents.answers.StructuredAnswers;
import dev.samokoder.shared.workflow.agents.artifacts.RunArtifacts;

/** What every agent works with; a handler builds one and passes it to the agent it runs. */
public record AgentContext(RunRepository runs, RunEvents events, RunArtifacts artifacts, ProjectRepository projects,
                           FileIndexRepository files, BlobStore blobs, StructuredAnswers answers, WorkflowLimits limits,
                           AgentLimits agentLimits) {
}
