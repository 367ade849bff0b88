package dev.samokoder.agents;

import dev.samokoder.llm.providers.LlmGateways;
import dev.samokoder.shared.aws.AwsClients;
import dev.samokoder.shared.config.SamokoderConfig;
import dev.samokoder.shared.llm.LlmClient;
import dev.samokoder.shared.storage.Storage;
import dev.samokoder.shared.workflow.RouteStep;
import dev.samokoder.shared.workflow.Router;
import dev.samokoder.shared.workflow.RunEvents;
import dev.samokoder.shared.workflow.RunRepository;
import dev.samokoder.shared.workflow.WorkflowLimits;
import dev.samokoder.shared.workflow.agents.AgentContext;
import dev.samokoder.shared.workflow.agents.AgentLimits;
import dev.samokoder.shared.workflow.agents.answers.StructuredAnswers;
import dev.samokoder.shared.workflow.agents.artifacts.RunArtifacts;
import java.time.Clock;

/** What the workflow's steps use, built once per cold start (or once by the local platform). */
public record AgentServices(AgentContext context, RouteStep route) {

    /** On AWS: configuration, clients and the LLM gateway from the function's environment. */
    public static AgentServices fromEnv() {
        SamokoderConfig config = SamokoderConfig.fromEnv();
        AwsClients clients = new AwsClients(config.aws());
        return create(config, clients, LlmGateways.fromConfig(config, clients.dynamoDb()), Clock.systemUTC());
    }

    public static AgentServices create(SamokoderConfig config, AwsClients clients, LlmClient llm, Clock clock) {
        Storage storage = Storage.create(clients, config, clock);
        WorkflowLimits limits = config.workflow();
        RunRepository runs = new RunRepository(storage.table(), clock);
        RunEvents events = new RunEvents(clients.dynamoDb(), storage.table(), clock);
        RunArtifacts artifacts = new RunArtifacts(clients.dynamoDb(), storage.table(), clock, AgentLimits.defaults());
        AgentContext context = new AgentContext(runs, events, artifacts, storage.projects(), storage.files(), storage.blobs(),
                new StructuredAnswers(llm, limits), limits, AgentLimits.defaults());
        return new AgentServices(context, new RouteStep(runs, events, artifacts, new Router(limits)));
    }
}
