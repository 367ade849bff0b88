package dev.samokoder.cdk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.PolicyStatementProps;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.RoleProps;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.LogGroupProps;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineProps;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.constructs.Construct;

/**
 * The generation workflow: one Lambda per {@code ${XyzFunction}} placeholder of
 * {@code workflow/generation.asl.json} (all running the agents' StepHandler, told their step by
 * {@code SAMOKODER_STEP}), and the state machine made from that file with every placeholder
 * substituted. The role is written out by hand — the CDK cannot infer it from a raw definition:
 * invoke exactly these functions' live aliases, run exactly the sandbox task definition (and pass
 * exactly its two roles), and what {@code ecs:runTask.sync} needs to watch the task.
 */
public final class Workflow extends Construct {

    static final String AGENT_HANDLER = "dev.samokoder.agents.StepHandler";
    /** Lambda's maximum: one step may wait out provider timeouts, rate limits and schema re-asks. */
    static final Duration AGENT_TIMEOUT = Duration.minutes(15);
    static final int AGENT_MEMORY_MB = 1024;
    /** The rule Step Functions manages for .sync ECS tasks (its fixed name). */
    static final String SYNC_RULE = "StepFunctionsGetEventsForECSTaskRule";

    private final SortedMap<String, PlatformFunction> functions = new TreeMap<>();
    private final StateMachine stateMachine;
    private final Map<String, String> substitutions = new LinkedHashMap<>();

    public Workflow(Construct scope, String id, StageConfig stage, WorkflowDefinition definition, Code agentsCode,
            Map<String, String> agentEnvironment, Sandbox sandbox) {
        super(scope, id);
        Stack stack = Stack.of(this);

        for (String placeholder : definition.functionPlaceholders()) {
            Map<String, String> environment = new LinkedHashMap<>(agentEnvironment);
            environment.put("SAMOKODER_STEP", WorkflowDefinition.step(placeholder));
            PlatformFunction function = new PlatformFunction(this, placeholder, stage, new PlatformFunction.Spec(
                    WorkflowDefinition.functionName(placeholder), AGENT_HANDLER, AGENT_TIMEOUT, AGENT_MEMORY_MB, agentsCode,
                    environment, null));
            functions.put(placeholder, function);
            substitutions.put(placeholder, function.alias().getFunctionArn());
        }
        substitutions.put(WorkflowDefinition.CLUSTER, sandbox.cluster().getClusterArn());
        substitutions.put(WorkflowDefinition.TASK_DEFINITION, sandbox.taskDefinition().getTaskDefinitionArn());
        substitutions.put(WorkflowDefinition.SUBNET, sandbox.subnet().getSubnetId());
        substitutions.put(WorkflowDefinition.SECURITY_GROUP, sandbox.securityGroup().getSecurityGroupId());
        substitutions.put(WorkflowDefinition.REGISTRY_SECURITY_GROUP, sandbox.registrySecurityGroup().getSecurityGroupId());

        Role role = new Role(this, "Role", RoleProps.builder()
                .assumedBy(new ServicePrincipal("states.amazonaws.com"))
                .description("The generation state machine: its agent functions, the sandbox task, logs and traces")
                .build());
        role.addToPolicy(allow(List.of("lambda:InvokeFunction"),
                functions.values().stream().map(f -> f.alias().getFunctionArn()).toList()));
        role.addToPolicy(allow(List.of("ecs:RunTask"), List.of(sandbox.taskDefinition().getTaskDefinitionArn())));
        String tasks = stack.formatArn(software.amazon.awscdk.ArnComponents.builder().service("ecs").resource("task")
                .resourceName(sandbox.cluster().getClusterName() + "/*").build());
        role.addToPolicy(allow(List.of("ecs:StopTask", "ecs:DescribeTasks"), List.of(tasks)));
        role.addToPolicy(new PolicyStatement(PolicyStatementProps.builder().effect(Effect.ALLOW)
                .actions(List.of("ecs:TagResource")).resources(List.of(tasks))
                .conditions(Map.of("StringEquals", Map.of("ecs:CreateAction", "RunTask"))).build()));
        role.addToPolicy(allow(List.of("iam:PassRole"), List.of(sandbox.taskDefinition().getTaskRole().getRoleArn(),
                sandbox.taskDefinition().obtainExecutionRole().getRoleArn())));
        role.addToPolicy(allow(List.of("events:PutTargets", "events:PutRule", "events:DescribeRule"), List.of(
                stack.formatArn(software.amazon.awscdk.ArnComponents.builder().service("events").resource("rule")
                        .resourceName(SYNC_RULE).build()))));

        LogGroup logs = new LogGroup(this, "Logs", LogGroupProps.builder()
                .logGroupName("/aws/vendedlogs/states/" + stage.prefix() + "-generation")
                .retention(stage.logRetention())
                .removalPolicy(stage.dataRemoval())
                .build());
        stateMachine = new StateMachine(this, "StateMachine", StateMachineProps.builder()
                .stateMachineName(stage.prefix() + "-generation")
                .stateMachineType(StateMachineType.STANDARD)
                .definitionBody(DefinitionBody.fromString(definition.text()))
                .definitionSubstitutions(substitutions)
                .role(role)
                .tracingEnabled(true)
                .logs(LogOptions.builder().destination(logs).level(LogLevel.ALL).includeExecutionData(false).build())
                .build());
    }

    private static PolicyStatement allow(List<String> actions, List<String> resources) {
        return new PolicyStatement(PolicyStatementProps.builder().effect(Effect.ALLOW).actions(actions).resources(resources).build());
    }

    /** The agent functions by placeholder name. */
    public SortedMap<String, PlatformFunction> functions() {
        return functions;
    }

    public StateMachine stateMachine() {
        return stateMachine;
    }
}
