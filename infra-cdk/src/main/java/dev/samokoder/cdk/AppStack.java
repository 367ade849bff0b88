package dev.samokoder.cdk;

import dev.samokoder.core.config.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnOutputProps;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.SecretValue;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleProps;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.PolicyStatementProps;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * Everything that runs: the sandbox, the workflow and its agents, the API, the queue consumers,
 * the sandbox reaper, the web app and the alarms. Data lives in {@link DataStack}, so this stack
 * can be replaced or torn down without touching users' data.
 */
public final class AppStack extends Stack {

    /** Not yet in {@link Setting} when this stack was written (the lead and the webhooks work add them). */
    static final String STATE_MACHINE_ARN = Setting.STATE_MACHINE_ARN.variable();
    static final String WEBHOOK_QUEUE_URL = Setting.WEBHOOK_QUEUE_URL.variable();
    static final String NOTIFICATION_QUEUE_URL = Setting.NOTIFICATION_QUEUE_URL.variable();
    static final String REAPER_HANDLER = "dev.samokoder.runner.ReaperHandler";
    static final Duration REAPER_INTERVAL = Duration.minutes(5);

    private final Sandbox sandbox;
    /** Null on a stage without live previews. */
    private final Previews previews;
    private final Workflow workflow;
    private final Api api;
    private final Webhooks webhooks;
    private final PlatformFunction reaper;
    private final Frontend frontend;
    private final Observability observability;

    public AppStack(Construct scope, String id, StackProps props, StageConfig stage, DataStack data, Artifacts artifacts,
            ContainerImage runnerImage) {
        super(scope, id, props);
        Code apiCode = Code.fromAsset(artifacts.apiJar().toString());
        Code agentsCode = Code.fromAsset(artifacts.agentsJar().toString());
        Code runnerCode = Code.fromAsset(artifacts.runnerJar().toString());

        Map<String, String> common = new LinkedHashMap<>();
        common.put(Setting.TABLE_NAME.variable(), data.table().getTableName());
        common.put(Setting.BUCKET_NAME.variable(), data.bucket().getBucketName());
        // every stored secret is sealed under it: LLM keys (opened by the agent that calls the model),
        // webhook signing secrets (opened by the API) and notification secrets (opened by the sender)
        common.put(Setting.KMS_KEY_ID.variable(), data.secretsKey().getKeyArn());
        common.put("POWERTOOLS_SERVICE_NAME", stage.prefix());
        common.put("POWERTOOLS_METRICS_NAMESPACE", Observability.NAMESPACE);

        sandbox = new Sandbox(this, "Sandbox", stage, data.bucket(), runnerImage);

        Map<String, String> agentEnvironment = new LinkedHashMap<>(common);
        agentEnvironment.put(NOTIFICATION_QUEUE_URL, data.notificationQueue().getQueueUrl());
        if (!stage.llmModel().isBlank()) {
            agentEnvironment.put(Setting.LLM_MODEL.variable(), stage.llmModel());
        }
        workflow = new Workflow(this, "Workflow", stage, WorkflowDefinition.read(artifacts.stateMachineFile()), agentsCode,
                agentEnvironment, sandbox);

        Map<String, String> apiEnvironment = new LinkedHashMap<>(common);
        apiEnvironment.put(STATE_MACHINE_ARN, workflow.stateMachine().getStateMachineArn());
        apiEnvironment.put(WEBHOOK_QUEUE_URL, data.webhookQueue().getQueueUrl());
        apiEnvironment.put(NOTIFICATION_QUEUE_URL, data.notificationQueue().getQueueUrl());
        apiEnvironment.put(Setting.WEBHOOK_QUEUE.variable(), data.webhookQueue().getQueueName());
        apiEnvironment.put(Setting.WEBHOOK_DLQ.variable(), data.webhookDeadLetters().getQueueName());
        if (!stage.corsOrigins().isEmpty()) {
            apiEnvironment.put(Setting.CORS_ORIGINS.variable(), String.join(",", stage.corsOrigins()));
        }
        // Resolved by CloudFormation at deploy time; the environment is encrypted with the secrets key.
        Map<String, String> routeEnvironment = new LinkedHashMap<>(apiEnvironment);
        routeEnvironment.put(Setting.JWT_SIGNING_KEY.variable(),
                SecretValue.secretsManager(DataStack.jwtSecretName(stage)).unsafeUnwrap());
        // API keys are hashed with it, and preview sessions signed with a key derived from it
        routeEnvironment.put(Setting.API_KEY_PEPPER.variable(),
                SecretValue.secretsManager(DataStack.apiKeyPepperSecretName(stage)).unsafeUnwrap());
        if (stage.previews()) {
            previews = new Previews(this, "Previews", stage, sandbox, data, runnerImage,
                    software.amazon.awscdk.services.secretsmanager.Secret.fromSecretNameV2(this, "ApiKeyPepper",
                            DataStack.apiKeyPepperSecretName(stage)));
            routeEnvironment.put(Setting.PREVIEW_DOMAIN.variable(), stage.previewDomain());
            routeEnvironment.put(Setting.SANDBOX_CLUSTER.variable(), sandbox.cluster().getClusterName());
            routeEnvironment.put(Setting.PREVIEW_TASK_DEFINITION.variable(), sandbox.taskDefinition().getTaskDefinitionArn());
            routeEnvironment.put(Setting.PREVIEW_SUBNETS.variable(), software.amazon.awscdk.Fn.join(",",
                    sandbox.isolatedSubnets().stream().map(software.amazon.awscdk.services.ec2.ISubnet::getSubnetId).toList()));
            routeEnvironment.put(Setting.PREVIEW_SECURITY_GROUP.variable(), sandbox.previewSecurityGroup().getSecurityGroupId());
        } else {
            previews = null;
        }
        api = new Api(this, "Api", stage, apiCode, routeEnvironment, data.secretsKey());
        webhooks = new Webhooks(this, "Webhooks", stage, apiCode, apiEnvironment, data.webhookQueue(), data.notificationQueue());

        Map<String, String> reaperEnvironment = new LinkedHashMap<>(common);
        reaperEnvironment.put(Setting.SANDBOX_CLUSTER.variable(), sandbox.cluster().getClusterName());
        reaper = new PlatformFunction(this, "Reaper", stage, new PlatformFunction.Spec("sandbox-reaper", REAPER_HANDLER,
                Duration.minutes(1), 512, runnerCode, reaperEnvironment, null));
        new Rule(this, "ReaperSchedule", RuleProps.builder()
                .description("Stops sandbox tasks past their time limit or whose run is over (docs/sandbox.md)")
                .schedule(Schedule.rate(REAPER_INTERVAL))
                .targets(List.of(new LambdaFunction(reaper.alias())))
                .build());

        grant(data, stage);

        frontend = new Frontend(this, "Frontend", stage, artifacts.frontendDir(), api.httpApi().getApiEndpoint());

        List<PlatformFunction> functions = functions();
        Map<String, IQueue> deadLetters = new LinkedHashMap<>();
        deadLetters.put("WebhookDeadLetters", data.webhookDeadLetters());
        deadLetters.put("NotificationDeadLetters", data.notificationDeadLetters());
        observability = new Observability(this, "Observability", stage, api, workflow, functions, deadLetters);

        String site = "https://" + frontend.distribution().getDistributionDomainName();
        new CfnOutput(this, "SiteUrl", CfnOutputProps.builder().value(site).description("The web app").build());
        new CfnOutput(this, "ApiUrl", CfnOutputProps.builder().value(site + "/v1").description("The API, same origin as the web app").build());
        new CfnOutput(this, "ApiEndpoint", CfnOutputProps.builder().value(api.httpApi().getApiEndpoint())
                .description("The HTTP API's own endpoint (CloudFront forwards /v1/* to it)").build());
        new CfnOutput(this, "StateMachineArn", CfnOutputProps.builder().value(workflow.stateMachine().getStateMachineArn()).build());
        Nag.suppress(this);
    }

    /** Least privilege per function group; every statement names the platform's own resources. */
    private void grant(DataStack data, StageConfig stage) {
        List<PlatformFunction> routeFunctions = new ArrayList<>(api.functions().values());
        for (PlatformFunction function : routeFunctions) {
            IGrantable role = function.function();
            data.table().grantReadWriteData(role);
            data.bucket().grantReadWrite(role);
            data.webhookQueue().grantSendMessages(role);
            data.notificationQueue().grantSendMessages(role);
            workflow.stateMachine().grantStartExecution(role);
            workflow.stateMachine().grantTaskResponse(role);
            workflow.stateMachine().grantExecution(role, "states:DescribeExecution", "states:StopExecution");
            // envelope encryption, a data key per stored secret: LLM keys, webhook and notification secrets are sealed here,
            // and webhook secrets opened (and the retired secret box's ones sealed again) on every delivery
            data.secretsKey().grant(role, "kms:GenerateDataKey", "kms:Decrypt");
        }
        for (PlatformFunction function : workflow.functions().values()) {
            IGrantable role = function.function();
            data.table().grantReadWriteData(role);
            data.bucket().grantReadWrite(role);
            data.notificationQueue().grantSendMessages(role);
            data.secretsKey().grantDecrypt(role);
            // models on Bedrock (provider "bedrock"): any foundation model or inference profile of this region
            function.function().addToRolePolicy(new PolicyStatement(PolicyStatementProps.builder().effect(Effect.ALLOW)
                    .actions(List.of("bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"))
                    .resources(List.of(
                            formatArn(ArnComponents.builder().service("bedrock").account("").resource("foundation-model").resourceName("*").build()),
                            formatArn(ArnComponents.builder().service("bedrock").resource("inference-profile").resourceName("*").build())))
                    .build()));
        }
        IGrantable consumer = webhooks.consumer().function();
        data.table().grantReadWriteData(consumer);
        data.bucket().grantReadWrite(consumer);
        data.notificationQueue().grantSendMessages(consumer);
        workflow.stateMachine().grantStartExecution(consumer);
        // the sender opens the project's notification secret to sign; it seals nothing and writes no item
        IGrantable sender = webhooks.sender().function();
        data.table().grantReadData(sender);
        data.secretsKey().grantDecrypt(sender);

        String cluster = sandbox.cluster().getClusterArn();
        String tasks = formatArn(ArnComponents.builder().service("ecs").resource("task")
                .resourceName(sandbox.cluster().getClusterName() + "/*").build());
        reaper.function().addToRolePolicy(new PolicyStatement(PolicyStatementProps.builder().effect(Effect.ALLOW)
                .actions(List.of("ecs:ListTasks")).resources(List.of("*"))
                .conditions(Map.of("ArnEquals", Map.of("ecs:cluster", cluster))).build()));
        reaper.function().addToRolePolicy(new PolicyStatement(PolicyStatementProps.builder().effect(Effect.ALLOW)
                .actions(List.of("ecs:DescribeTasks", "ecs:StopTask")).resources(List.of(tasks)).build()));
        // the run a task's run-id tag names: cancelled or ended stops it; a preview idle past its time too (recorded on it)
        data.table().grantReadData(reaper.function());
        data.table().grant(reaper.function(), "dynamodb:PutItem");
        reaper.function().addToRolePolicy(new PolicyStatement(PolicyStatementProps.builder().effect(Effect.ALLOW)
                .actions(List.of("s3:GetObject")).resources(List.of(data.bucket().arnForObjects("sandbox-runs/*/request.json"),
                        data.bucket().arnForObjects("sandbox-runs/*/serving.json"))).build()));
        if (previews != null) {
            grantPreviews(cluster, tasks);
        }
        reaper.function().addToRolePolicy(new PolicyStatement(PolicyStatementProps.builder().effect(Effect.ALLOW)
                .actions(List.of("states:DescribeExecution"))
                .resources(List.of(formatArn(ArnComponents.builder().service("states").resource("execution")
                        .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                        .resourceName(workflow.stateMachine().getStateMachineName() + ":*").build())))
                .build()));
    }

    /**
     * The API starts a preview's task (the sandbox runner's task definition, on the sandbox cluster), finds it by
     * {@code startedBy} and stops it; nothing else of ECS.
     */
    private void grantPreviews(String cluster, String tasks) {
        for (PlatformFunction function : api.functions().values()) {
            var role = function.function();
            role.addToRolePolicy(new PolicyStatement(PolicyStatementProps.builder().effect(Effect.ALLOW)
                    .actions(List.of("ecs:RunTask")).resources(List.of(sandbox.taskDefinition().getTaskDefinitionArn()))
                    .conditions(Map.of("ArnEquals", Map.of("ecs:cluster", cluster))).build()));
            role.addToRolePolicy(new PolicyStatement(PolicyStatementProps.builder().effect(Effect.ALLOW)
                    .actions(List.of("ecs:ListTasks")).resources(List.of("*"))
                    .conditions(Map.of("ArnEquals", Map.of("ecs:cluster", cluster))).build()));
            role.addToRolePolicy(new PolicyStatement(PolicyStatementProps.builder().effect(Effect.ALLOW)
                    .actions(List.of("ecs:StopTask", "ecs:TagResource")).resources(List.of(tasks)).build()));
            role.addToRolePolicy(new PolicyStatement(PolicyStatementProps.builder().effect(Effect.ALLOW)
                    .actions(List.of("iam:PassRole"))
                    .resources(List.of(sandbox.taskDefinition().getTaskRole().getRoleArn(),
                            sandbox.taskDefinition().obtainExecutionRole().getRoleArn()))
                    .conditions(Map.of("StringEquals", Map.of("iam:PassedToService", "ecs-tasks.amazonaws.com"))).build()));
        }
    }

    /** Every Java function of the platform. */
    public List<PlatformFunction> functions() {
        List<PlatformFunction> all = new ArrayList<>(api.functions().values());
        all.addAll(workflow.functions().values());
        all.add(webhooks.consumer());
        all.add(webhooks.sender());
        all.add(reaper);
        return all;
    }

    public Sandbox sandbox() { return sandbox; }
    /** Null on a stage without live previews. */
    public Previews previews() { return previews; }
    public Workflow workflow() { return workflow; }
    public Api api() { return api; }
    public Frontend frontend() { return frontend; }
    public Observability observability() { return observability; }
}
