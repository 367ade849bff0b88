package dev.samokoder.local.sfn.tasks;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where every Task resource goes, configured in one place: Lambda function names to in-process handlers
 * first, then to the Lambda Invoke API at the configured endpoint; ecs:runTask.sync to the ECS runner;
 * other service integrations by "service:action".
 */
public final class TaskIntegrations {

    private final InProcessFunctions functions;
    private final LambdaInvoker remoteLambda;
    private final EcsRunTaskSyncRunner ecsRunner;
    private final Map<String, ServiceIntegration> services;

    private TaskIntegrations(Builder builder) {
        this.functions = builder.functions;
        this.remoteLambda = builder.remoteLambda;
        this.ecsRunner = builder.ecsRunner;
        this.services = Map.copyOf(builder.services);
    }

    public static Builder builder() {
        return new Builder();
    }

    public JsonNode invokeLambda(String functionName, JsonNode payload) throws TaskFailedException {
        Optional<JsonNode> local = functions.invoke(functionName, payload);
        if (local.isPresent()) {
            return local.get();
        }
        if (remoteLambda != null) {
            return remoteLambda.invoke(functionName, payload);
        }
        throw new TaskFailedException("Lambda.ResourceNotFoundException",
                "Function not found: " + functionName + " (no in-process handler is registered and no Lambda endpoint is configured)");
    }

    public JsonNode runEcsTask(JsonNode parameters) throws TaskFailedException {
        return ecsRunner.runTask(parameters);
    }

    public JsonNode callService(String serviceAction, JsonNode parameters) throws TaskFailedException {
        ServiceIntegration integration = services.get(serviceAction);
        if (integration == null) {
            throw new TaskFailedException("States.Runtime", "The local engine has no integration for '" + serviceAction
                    + "'; register one with TaskIntegrations.Builder.service(...)");
        }
        return integration.call(parameters);
    }

    public static final class Builder {
        private InProcessFunctions functions = new InProcessFunctions();
        private LambdaInvoker remoteLambda;
        private EcsRunTaskSyncRunner ecsRunner = EcsRunTaskSyncRunner.unconfigured();
        private final Map<String, ServiceIntegration> services = new HashMap<>();

        public Builder functions(InProcessFunctions inProcess) {
            this.functions = inProcess;
            return this;
        }

        /** Functions without an in-process handler are invoked through the Lambda Invoke API here. */
        public Builder lambdaEndpoint(URI endpoint) {
            this.remoteLambda = endpoint == null ? null : new LambdaInvokeApiInvoker(endpoint);
            return this;
        }

        public Builder remoteLambda(LambdaInvoker invoker) {
            this.remoteLambda = invoker;
            return this;
        }

        public Builder ecsRunTaskSync(EcsRunTaskSyncRunner runner) {
            this.ecsRunner = runner;
            return this;
        }

        /** @param serviceAction e.g. "sqs:sendMessage" for arn:aws:states:::sqs:sendMessage */
        public Builder service(String serviceAction, ServiceIntegration integration) {
            services.put(serviceAction, integration);
            return this;
        }

        public TaskIntegrations build() {
            return new TaskIntegrations(this);
        }
    }
}
