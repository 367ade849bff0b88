package dev.samokoder.cdk;

import dev.samokoder.api.routes.ApiRoutes;
import dev.samokoder.api.routes.FunctionSpec;
import dev.samokoder.api.routes.QueueFunctions;
import dev.samokoder.api.routes.Route;
import dev.samokoder.core.config.Setting;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The synthesized templates (dev stage; prod differs only where StageConfig says, see
 * {@link #prodKeepsData}): what the checks ask, read from the CloudFormation JSON.
 */
class StackTemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SynthesizedStage DEV = SynthesizedStage.of("dev");
    private static final JsonNode DATA = JSON.valueToTree(DEV.data.toJSON());
    private static final JsonNode APP = JSON.valueToTree(DEV.app.toJSON());
    private static final WorkflowDefinition DEFINITION = WorkflowDefinition.read(SynthesizedStage.stateMachineFile());
    /** Names the stack sets that are not in the Setting enum yet (being added on other branches). */

    @Test
    void resourceCounts() {
        int agents = DEFINITION.functionPlaceholders().size();
        int javaFunctions = ApiRoutes.functions().size() + agents + 2 + 1; // routes, agents, 2 consumers, reaper
        assertThat(javaFunctions(APP)).hasSize(javaFunctions);
        DEV.data.resourceCountIs("AWS::DynamoDB::Table", 1);
        DEV.data.resourceCountIs("AWS::SQS::Queue", 4);
        DEV.data.resourceCountIs("AWS::KMS::Key", 1);
        DEV.app.resourceCountIs("AWS::DynamoDB::Table", 0);
        DEV.app.resourceCountIs("AWS::StepFunctions::StateMachine", 1);
        DEV.app.resourceCountIs("AWS::ApiGatewayV2::Api", 1);
        DEV.app.resourceCountIs("AWS::ApiGatewayV2::Route", ApiRoutes.routes().size());
        DEV.app.resourceCountIs("AWS::ApiGatewayV2::Authorizer", 0);
        DEV.app.resourceCountIs("AWS::ECS::Cluster", 1);
        DEV.app.resourceCountIs("AWS::ECS::TaskDefinition", 1);
        DEV.app.resourceCountIs("AWS::CloudFront::Distribution", 1);
        DEV.app.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
        DEV.app.resourceCountIs("AWS::Lambda::EventSourceMapping", 2);
        DEV.app.resourceCountIs("AWS::Events::Rule", 1);
        DEV.app.resourceCountIs("AWS::EC2::NatGateway", 0);
        DEV.app.resourceCountIs("AWS::EC2::InternetGateway", 0);
        assertThat(resources(APP, "AWS::CloudWatch::Alarm")).hasSizeGreaterThanOrEqualTo(7);
    }

    @Test
    void everyBucketBlocksPublicAccessAndRequiresTls() {
        for (JsonNode template : List.of(DATA, APP)) {
            Map<String, JsonNode> buckets = resources(template, "AWS::S3::Bucket");
            assertThat(buckets).isNotEmpty();
            Map<String, JsonNode> policies = resources(template, "AWS::S3::BucketPolicy");
            buckets.forEach((id, bucket) -> {
                JsonNode block = bucket.at("/Properties/PublicAccessBlockConfiguration");
                for (String flag : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
                    assertThat(block.path(flag).asBoolean(false)).as("%s %s", id, flag).isTrue();
                }
                assertThat(bucket.at("/Properties/BucketEncryption/ServerSideEncryptionConfiguration").isArray()).as("%s SSE", id).isTrue();
                JsonNode policy = policies.values().stream()
                        .filter(p -> p.at("/Properties/Bucket/Ref").asText().equals(id)).findFirst().orElse(null);
                assertThat(policy).as("%s has a bucket policy", id).isNotNull();
                boolean deniesPlainHttp = false;
                for (JsonNode statement : policy.at("/Properties/PolicyDocument/Statement")) {
                    deniesPlainHttp |= statement.path("Effect").asText().equals("Deny")
                            && statement.at("/Condition/Bool/aws:SecureTransport").asText().equals("false");
                }
                assertThat(deniesPlainHttp).as("%s denies requests without TLS", id).isTrue();
            });
        }
    }

    @Test
    void theFilesBucketExpiresWhatIsKeptForAWhileOnly() {
        DEV.data.hasResourceProperties("AWS::S3::Bucket", Map.of("LifecycleConfiguration", Map.of("Rules", Match.arrayWith(List.of(
                Map.of("Id", "expire-exports", "Prefix", "exports/", "ExpirationInDays", 1, "Status", "Enabled"),
                Map.of("Id", "expire-import-uploads", "Prefix", "imports/", "ExpirationInDays", 1, "Status", "Enabled"),
                Map.of("Id", "expire-sandbox-runs", "Prefix", "sandbox-runs/", "ExpirationInDays", 30, "Status", "Enabled"),
                Map.of("Id", "expire-package-cache", "Prefix", "package-cache/", "ExpirationInDays", 14, "Status", "Enabled"))))));
    }

    @Test
    void tableHasPointInTimeRecoveryAndTimeToLive() {
        DEV.data.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "BillingMode", "PAY_PER_REQUEST",
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                "TimeToLiveSpecification", Map.of("AttributeName", "ttl", "Enabled", true)));
    }

    @Test
    void prodKeepsData() {
        SynthesizedStage prod = SynthesizedStage.of("prod");
        prod.data.hasResourceProperties("AWS::DynamoDB::Table", Map.of("DeletionProtectionEnabled", true));
        prod.data.hasResource("AWS::DynamoDB::Table", Map.of("DeletionPolicy", "Retain"));
        DEV.data.hasResourceProperties("AWS::DynamoDB::Table", Map.of("DeletionProtectionEnabled", false));
    }

    @Test
    void everyJavaFunctionHasSnapStartThroughItsAliasAndEveryFunctionALogRetention() {
        Map<String, JsonNode> logGroups = resources(APP, "AWS::Logs::LogGroup");
        Map<String, JsonNode> functions = resources(APP, "AWS::Lambda::Function");
        Map<String, JsonNode> aliases = resources(APP, "AWS::Lambda::Alias");
        Map<String, JsonNode> versions = resources(APP, "AWS::Lambda::Version");
        functions.forEach((id, function) -> {
            String logGroup = function.at("/Properties/LoggingConfig/LogGroup/Ref").asText();
            assertThat(logGroups).as("%s logs to a log group of the stack", id).containsKey(logGroup);
            assertThat(logGroups.get(logGroup).at("/Properties/RetentionInDays").asInt(0)).as("%s retention", id).isPositive();
        });
        Map<String, JsonNode> java = javaFunctions(APP);
        java.forEach((id, function) -> {
            assertThat(function.at("/Properties/SnapStart/ApplyOn").asText()).as(id).isEqualTo("PublishedVersions");
            assertThat(function.at("/Properties/Environment/Variables/JAVA_TOOL_OPTIONS").asText()).as(id)
                    .contains("-XX:TieredStopAtLevel=1");
            assertThat(function.at("/Properties/MemorySize").asInt()).as(id).isPositive();
            String version = versions.entrySet().stream()
                    .filter(v -> v.getValue().at("/Properties/FunctionName/Ref").asText().equals(id)).map(Map.Entry::getKey)
                    .findFirst().orElseThrow(() -> new AssertionError(id + " has no published version"));
            assertThat(aliases.values()).as("%s has its live alias on a published version", id).anyMatch(alias ->
                    alias.at("/Properties/FunctionName/Ref").asText().equals(id)
                            && alias.at("/Properties/FunctionVersion/Fn::GetAtt/0").asText().equals(version)
                            && alias.at("/Properties/Name").asText().equals(PlatformFunction.ALIAS));
        });
    }

    /** The API artifact's functions are deployed as the route table describes them; the local platform runs the same. */
    @Test
    void theApiArtifactsFunctionsHaveTheRouteTablesHandlersAndLimits() {
        List<FunctionSpec> specs = new ArrayList<>(ApiRoutes.functions());
        specs.addAll(QueueFunctions.all());
        Map<String, JsonNode> byHandler = new HashMap<>();
        javaFunctions(APP).values().forEach(function -> byHandler.put(function.at("/Properties/Handler").asText(), function));

        for (FunctionSpec spec : specs) {
            JsonNode function = byHandler.get(spec.handlerClass());
            assertThat(function).as(spec.name()).isNotNull();
            assertThat(function.at("/Properties/Timeout").asLong()).as(spec.name()).isEqualTo(spec.timeout().toSeconds());
            assertThat(function.at("/Properties/MemorySize").asInt()).as(spec.name()).isEqualTo(spec.memoryMb());
        }
        for (FunctionSpec spec : QueueFunctions.all()) {
            assertThat(spec.timeout().toSeconds()).as(spec.name() + " within the queue's visibility timeout")
                    .isLessThanOrEqualTo(DataStack.VISIBILITY_TIMEOUT.toSeconds().longValue());
        }
        DEV.app.resourcePropertiesCountIs("AWS::Lambda::EventSourceMapping", Map.of("BatchSize", QueueFunctions.BATCH_SIZE,
                "FunctionResponseTypes", List.of("ReportBatchItemFailures")), QueueFunctions.all().size());
    }

    @Test
    void stateMachineSubstitutesEveryPlaceholderWithAFunctionOfTheStack() {
        JsonNode machine = single(APP, "AWS::StepFunctions::StateMachine");
        JsonNode substitutions = machine.at("/Properties/DefinitionSubstitutions");
        Set<String> keys = new TreeSet<>();
        substitutions.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isEqualTo(DEFINITION.placeholders());
        assertThat(DEFINITION.functionPlaceholders()).isNotEmpty();
        // the definition in the template is the file, untouched: CloudFormation fills the placeholders
        assertThat(machine.at("/Properties/DefinitionString").asText()).isEqualTo(DEFINITION.text());

        Map<String, JsonNode> aliases = resources(APP, "AWS::Lambda::Alias");
        Map<String, JsonNode> functions = resources(APP, "AWS::Lambda::Function");
        for (String placeholder : DEFINITION.functionPlaceholders()) {
            String alias = substitutions.path(placeholder).path("Ref").asText();
            assertThat(aliases).as("%s names an alias of the stack", placeholder).containsKey(alias);
            String function = aliases.get(alias).at("/Properties/FunctionName/Ref").asText();
            assertThat(functions).as("%s names a function of the stack", placeholder).containsKey(function);
            JsonNode properties = functions.get(function).path("Properties");
            assertThat(properties.path("Handler").asText()).isEqualTo(Workflow.AGENT_HANDLER);
            assertThat(properties.at("/Environment/Variables/SAMOKODER_STEP").asText()).isEqualTo(WorkflowDefinition.step(placeholder));
        }
        assertThat(substitutions.at("/" + WorkflowDefinition.CLUSTER + "/Fn::GetAtt/0").asText()).isIn(resources(APP, "AWS::ECS::Cluster").keySet());
        assertThat(substitutions.at("/" + WorkflowDefinition.TASK_DEFINITION + "/Ref").asText()).isIn(resources(APP, "AWS::ECS::TaskDefinition").keySet());
        assertThat(substitutions.at("/" + WorkflowDefinition.SUBNET + "/Ref").asText()).isIn(resources(APP, "AWS::EC2::Subnet").keySet());
        assertThat(substitutions.at("/" + WorkflowDefinition.SECURITY_GROUP + "/Fn::GetAtt/0").asText())
                .isIn(resources(APP, "AWS::EC2::SecurityGroup").keySet());
        assertThat(machine.at("/Properties/TracingConfiguration/Enabled").asBoolean()).isTrue();
        assertThat(machine.at("/Properties/LoggingConfiguration/Level").asText()).isEqualTo("ALL");
    }

    @Test
    void theStateMachineMayInvokeExactlyItsFunctions() {
        String role = single(APP, "AWS::StepFunctions::StateMachine").at("/Properties/RoleArn/Fn::GetAtt/0").asText();
        List<JsonNode> statements = statementsOfRole(APP, role);
        Set<String> invoked = new HashSet<>();
        for (JsonNode statement : statements) {
            if (actions(statement).contains("lambda:InvokeFunction")) {
                statement.path("Resource").forEach(resource -> invoked.add(resource.path("Ref").asText()));
            }
        }
        Set<String> expected = new HashSet<>();
        JsonNode substitutions = single(APP, "AWS::StepFunctions::StateMachine").at("/Properties/DefinitionSubstitutions");
        DEFINITION.functionPlaceholders().forEach(p -> expected.add(substitutions.path(p).path("Ref").asText()));
        assertThat(invoked).isEqualTo(expected);
        assertThat(statements).anyMatch(s -> actions(s).contains("ecs:RunTask"));
        assertThat(statements).anyMatch(s -> actions(s).contains("iam:PassRole"));
    }

    @Test
    void noStatementGrantsEverythingAndWildcardResourcesOnlyForActionsWithoutResourceLevelPermissions() {
        for (JsonNode template : List.of(DATA, APP)) {
            for (JsonNode statement : allStatements(template)) {
                if (!statement.path("Effect").asText().equals("Allow")) {
                    continue;
                }
                List<String> actions = actions(statement);
                assertThat(actions).as("statement %s", statement).noneMatch(a -> a.equals("*") || a.endsWith(":*"));
                if (resourcesOf(statement).contains("*")) {
                    assertThat(Nag.ACTIONS_ON_ANY_RESOURCE).as("actions on Resource * in %s", statement).containsAll(actions);
                }
            }
        }
    }

    @Test
    void sandboxTaskRoleReachesOnlyTheRunnersPrefixes() {
        JsonNode task = single(APP, "AWS::ECS::TaskDefinition");
        String role = task.at("/Properties/TaskRoleArn/Fn::GetAtt/0").asText();
        Set<String> s3Actions = new TreeSet<>();
        Map<String, Set<String>> objectResources = new TreeMap<>();
        Set<String> listablePrefixes = new TreeSet<>();
        for (JsonNode statement : statementsOfRole(APP, role)) {
            for (String action : actions(statement)) {
                if (action.startsWith("s3:")) {
                    s3Actions.add(action);
                    if (!action.equals("s3:ListBucket")) {
                        statement.path("Resource").forEach(r -> objectResources.computeIfAbsent(action, a -> new TreeSet<>()).add(suffix(r)));
                    } else {
                        assertThat(statement.at("/Condition/StringLike/s3:prefix").isArray()).as("ListBucket only for whole keys").isTrue();
                        statement.at("/Condition/StringLike/s3:prefix").forEach(prefix -> listablePrefixes.add(prefix.asText()));
                    }
                }
            }
        }
        assertThat(s3Actions).containsExactly("s3:GetObject", "s3:ListBucket", "s3:PutObject");
        assertThat(objectResources.get("s3:GetObject")).containsExactlyInAnyOrder("/sandbox-runs/*/request.json", "/blobs/*",
                "/snapshots/*", "/package-cache/*");
        assertThat(objectResources.get("s3:PutObject")).containsExactlyInAnyOrder("/sandbox-runs/*/result.json",
                "/sandbox-runs/*/serving.json", "/sandbox-runs/*/log.txt", "/blobs/*",
                "/snapshots/*", "/package-cache/*");
        assertThat(listablePrefixes).as("whole keys only: no * outside a manifest's project folder").containsExactlyInAnyOrder(
                "blobs/" + "?".repeat(64), "snapshots/*/" + "?".repeat(64) + ".json",
                "package-cache/" + "?".repeat(32) + "/" + "?".repeat(64) + ".zip");

        JsonNode runner = task.at("/Properties/ContainerDefinitions/0");
        assertThat(runner.path("Name").asText()).isEqualTo(Sandbox.CONTAINER);
        assertThat(runner.path("ReadonlyRootFilesystem").asBoolean()).isTrue();
        assertThat(runner.path("Privileged").asBoolean(false)).isFalse();
        assertThat(runner.path("User").asText()).isEqualTo("10001:10001");
        assertThat(runner.at("/LinuxParameters/Capabilities/Drop/0").asText()).isEqualTo("ALL");
        assertThat(runner.at("/LinuxParameters/InitProcessEnabled").asBoolean()).isFalse();
        assertThat(task.at("/Properties/RuntimePlatform/CpuArchitecture").asText()).isEqualTo("X86_64");
        List<String> mounts = new ArrayList<>();
        runner.path("MountPoints").forEach(m -> mounts.add(m.path("ContainerPath").asText()));
        assertThat(mounts).containsExactlyInAnyOrder("/workspace", "/tmp");
    }

    @Test
    void theReaperListsDescribesAndStopsSandboxTasks_andReadsTheirRunsAndExecutions_andWritesOnlyWhyAPreviewStopped() {
        JsonNode reaper = javaFunctions(APP).values().stream()
                .filter(f -> f.at("/Properties/Handler").asText().equals(AppStack.REAPER_HANDLER)).findFirst().orElseThrow();
        List<String> actions = new ArrayList<>();
        statementsOfRole(APP, reaper.at("/Properties/Role/Fn::GetAtt/0").asText()).forEach(s -> actions.addAll(actions(s)));
        // its one write: a preview's record, replaced with the reason it stopped (a conditional put)
        assertThat(actions).contains("ecs:ListTasks", "ecs:DescribeTasks", "ecs:StopTask", "states:DescribeExecution", "dynamodb:GetItem",
                        "dynamodb:PutItem")
                .noneMatch(a -> a.startsWith("dynamodb:") && (a.contains("Update") || a.contains("Delete") || a.contains("Write")));
    }

    @Test
    void theSecretsKeyIsGrantedToWhatSealsOrOpensStoredSecrets_withOnlyTheActionsEachNeeds() {
        Set<String> routeHandlers = ApiRoutes.functions().stream().map(spec -> spec.handlerClass()).collect(Collectors.toSet());
        Map<String, Set<String>> byHandler = new TreeMap<>();
        javaFunctions(APP).values().forEach(function -> {
            Set<String> kms = byHandler.computeIfAbsent(function.at("/Properties/Handler").asText(), h -> new TreeSet<>());
            for (JsonNode statement : statementsOfRole(APP, function.at("/Properties/Role/Fn::GetAtt/0").asText())) {
                if (resourcesOf(statement).stream().anyMatch(r -> r.contains("SecretsKey"))) {
                    actions(statement).stream().filter(a -> a.startsWith("kms:")).forEach(kms::add);
                }
            }
        });

        // the API seals every kind of secret and opens webhook secrets (and the retired box's, to seal them again)
        routeHandlers.forEach(handler -> assertThat(byHandler.get(handler)).as(handler)
                .containsExactlyInAnyOrder("kms:GenerateDataKey", "kms:Decrypt"));
        // the notification sender opens the project's notification secret to sign with it
        assertThat(byHandler.get(QueueFunctions.NOTIFICATION_SENDER.handlerClass())).containsExactly("kms:Decrypt");
        // the agents open the stored LLM key of the call they make
        assertThat(byHandler.get(Workflow.AGENT_HANDLER)).containsExactly("kms:Decrypt");
        // the webhook consumer starts runs, the reaper stops tasks: no secret
        assertThat(byHandler.get(QueueFunctions.WEBHOOK_CONSUMER.handlerClass())).isEmpty();
        assertThat(byHandler.get(AppStack.REAPER_HANDLER)).isEmpty();
        // envelope encryption never hands a secret itself to KMS
        assertThat(byHandler.values()).allSatisfy(actions -> assertThat(actions).doesNotContain("kms:Encrypt"));
    }

    @Test
    void sandboxSubnetsHaveNoRouteOut() {
        resources(APP, "AWS::EC2::Route").values().forEach(route -> {
            assertThat(route.at("/Properties/GatewayId").isMissingNode()).isTrue();
            assertThat(route.at("/Properties/NatGatewayId").isMissingNode()).isTrue();
        });
        Map<String, JsonNode> groups = resources(APP, "AWS::EC2::SecurityGroup");
        groups.values().forEach(group -> group.at("/Properties/SecurityGroupIngress")
                .forEach(rule -> assertThat(rule.path("CidrIp").asText()).isNotEqualTo("0.0.0.0/0")));
        assertThat(resources(APP, "AWS::EC2::VPCEndpoint")).hasSize(6);
    }

    @Test
    void onlyATaskAllowedTheRegistries_reachesCodeArtifact_andTheRunnerKnowsTheRepository() {
        JsonNode substitutions = single(APP, "AWS::StepFunctions::StateMachine").at("/Properties/DefinitionSubstitutions");
        String isolated = substitutions.at("/" + WorkflowDefinition.SECURITY_GROUP + "/Fn::GetAtt/0").asText();
        String registries = substitutions.at("/" + WorkflowDefinition.REGISTRY_SECURITY_GROUP + "/Fn::GetAtt/0").asText();
        assertThat(resources(APP, "AWS::EC2::SecurityGroup")).containsKeys(isolated, registries);
        assertThat(isolated).isNotEqualTo(registries);

        // which task groups each interface endpoint lets in
        Map<String, Set<String>> allowedInto = new HashMap<>();
        resources(APP, "AWS::EC2::SecurityGroupIngress").values().forEach(rule -> allowedInto
                .computeIfAbsent(rule.at("/Properties/GroupId/Fn::GetAtt/0").asText(), group -> new TreeSet<>())
                .add(rule.at("/Properties/SourceSecurityGroupId/Fn::GetAtt/0").asText()));
        Map<String, Set<String>> clientsByService = new TreeMap<>();
        resources(APP, "AWS::EC2::VPCEndpoint").values().stream()
                .filter(endpoint -> endpoint.at("/Properties/VpcEndpointType").asText().equals("Interface"))
                .forEach(endpoint -> {
                    String service = endpoint.at("/Properties/ServiceName").toString();
                    Set<String> clients = new TreeSet<>();
                    endpoint.at("/Properties/SecurityGroupIds")
                            .forEach(group -> clients.addAll(allowedInto.getOrDefault(group.at("/Fn::GetAtt/0").asText(), Set.of())));
                    clientsByService.put(service.replaceAll(".*\\.(codeartifact\\.[a-z]+|ecr\\.[a-z]+|logs).*", "$1"), clients);
                });
        assertThat(clientsByService).containsOnlyKeys("codeartifact.api", "codeartifact.repositories", "ecr.api", "ecr.dkr", "logs");
        // a live preview's task installs too (docs/preview.md)
        String previews = resources(APP, "AWS::EC2::SecurityGroup").keySet().stream().filter(id -> id.contains("PreviewTaskSecurityGroup"))
                .findFirst().orElseThrow();
        assertThat(clientsByService.get("codeartifact.api")).containsExactlyInAnyOrder(registries, previews);
        assertThat(clientsByService.get("codeartifact.repositories")).containsExactlyInAnyOrder(registries, previews);
        assertThat(clientsByService.get("ecr.dkr")).containsExactlyInAnyOrder(isolated, registries, previews);
        assertThat(clientsByService.get("logs")).containsExactlyInAnyOrder(isolated, registries, previews);

        JsonNode environment = single(APP, "AWS::ECS::TaskDefinition").at("/Properties/ContainerDefinitions/0/Environment");
        Map<String, JsonNode> variables = new HashMap<>();
        environment.forEach(variable -> variables.put(variable.path("Name").asText(), variable.path("Value")));
        single(APP, "AWS::CodeArtifact::Domain");
        String domain = resources(APP, "AWS::CodeArtifact::Domain").keySet().iterator().next();
        assertThat(variables.get(Setting.SANDBOX_REGISTRY_DOMAIN.variable()).at("/Fn::GetAtt").toString()).contains(domain, "Name");
        assertThat(variables.get(Setting.SANDBOX_REGISTRY_DOMAIN_OWNER.variable()).at("/Fn::GetAtt").toString()).contains(domain, "Owner");
        String repository = variables.get(Setting.SANDBOX_REGISTRY_REPOSITORY.variable()).at("/Fn::GetAtt/0").asText();
        assertThat(resources(APP, "AWS::CodeArtifact::Repository").get(repository).at("/Properties/RepositoryName").asText())
                .isEqualTo("packages");
        assertThat(variables.get(Setting.AWS_REGION.variable()).path("Ref").asText()).isEqualTo("AWS::Region");
    }

    @Test
    void everyRouteOfTheRouteTableIsThere() {
        Map<String, JsonNode> routes = resources(APP, "AWS::ApiGatewayV2::Route");
        Set<String> routeKeys = routes.values().stream().map(r -> r.at("/Properties/RouteKey").asText()).collect(Collectors.toSet());
        assertThat(routeKeys).containsExactlyInAnyOrderElementsOf(ApiRoutes.routes().stream().map(Route::routeKey).toList());
        JsonNode stage = single(APP, "AWS::ApiGatewayV2::Stage");
        assertThat(stage.at("/Properties/DefaultRouteSettings/ThrottlingRateLimit").asDouble()).isPositive();
        assertThat(stage.at("/Properties/AccessLogSettings/DestinationArn").isMissingNode()).isFalse();
    }

    /**
     * Authentication is the API function's, so a refused credential gets the function's own answer
     * (401, {@code WWW-Authenticate: Bearer ...}, problem+json; ApiEventsIT plays each kind): no route
     * has an API Gateway authorizer, whose refusals would be a bare 401/403 {@code {"message":...}}, and
     * every route proxies to the API function's alias with payload format 2.0, which hands the
     * function's status, headers and body to the client unchanged.
     */
    @Test
    void everyRouteReachesTheApiFunctionWhichAnswersRefusedCredentialsItself() {
        DEV.app.resourceCountIs("AWS::ApiGatewayV2::Authorizer", 0);
        Map<String, JsonNode> integrations = resources(APP, "AWS::ApiGatewayV2::Integration");
        String apiFunction = javaFunctions(APP).entrySet().stream()
                .filter(function -> function.getValue().at("/Properties/Handler").asText().equals(ApiRoutes.API.handlerClass()))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        for (JsonNode route : resources(APP, "AWS::ApiGatewayV2::Route").values()) {
            String key = route.at("/Properties/RouteKey").asText();
            assertThat(route.at("/Properties/AuthorizationType").asText("NONE")).as(key).isEqualTo("NONE");
            assertThat(route.at("/Properties/AuthorizerId").isMissingNode()).as(key).isTrue();
            String target = route.at("/Properties/Target/Fn::Join/1/1/Ref").asText();
            JsonNode integration = integrations.get(target);
            assertThat(integration).as(key + " integrates " + target).isNotNull();
            assertThat(integration.at("/Properties/IntegrationType").asText()).as(key).isEqualTo("AWS_PROXY");
            assertThat(integration.at("/Properties/PayloadFormatVersion").asText()).as(key).isEqualTo("2.0");
            JsonNode alias = resources(APP, "AWS::Lambda::Alias").get(integration.at("/Properties/IntegrationUri/Ref").asText());
            assertThat(alias).as(key + ": the integration invokes a function's alias").isNotNull();
            assertThat(alias.at("/Properties/FunctionName/Ref").asText()).as(key).isEqualTo(apiFunction);
        }
    }

    /** CORS only for the origins a stage names, with the methods and headers the API's clients send. */
    @Test
    void corsAnswersOnlyTheStagesExtraOrigins() {
        assertThat(single(APP, "AWS::ApiGatewayV2::Api").at("/Properties/CorsConfiguration").isMissingNode())
                .as("no extra origin: no CORS").isTrue();

        StageConfig withOrigin = new StageConfig("dev", List.of("https://console.example.com"), "", "");
        JsonNode app = JSON.valueToTree(SynthesizedStage.of(withOrigin).app.toJSON());
        JsonNode cors = single(app, "AWS::ApiGatewayV2::Api").at("/Properties/CorsConfiguration");
        assertThat(cors.path("AllowOrigins").toString()).isEqualTo("[\"https://console.example.com\"]");
        List<String> methods = new ArrayList<>();
        cors.path("AllowMethods").forEach(method -> methods.add(method.asText()));
        assertThat(methods).contains("GET", "POST", "PUT", "PATCH", "DELETE");
        List<String> headers = new ArrayList<>();
        cors.path("AllowHeaders").forEach(header -> headers.add(header.asText().toLowerCase(Locale.ROOT)));
        assertThat(headers).contains("authorization", "content-type", "x-api-key");
        List<String> exposed = new ArrayList<>();
        cors.path("ExposeHeaders").forEach(header -> exposed.add(header.asText().toLowerCase(Locale.ROOT)));
        assertThat(exposed).as("a client of another origin reads the Bearer challenge and Retry-After").contains("www-authenticate", "retry-after");
    }

    @Test
    void everySettingTheFunctionsGetIsASetting() {
        Set<String> known = Stream.of(Setting.values()).map(Setting::variable).collect(Collectors.toSet());
        for (JsonNode function : resources(APP, "AWS::Lambda::Function").values()) {
            Iterator<String> names = function.at("/Properties/Environment/Variables").fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (name.startsWith("SAMOKODER_") && !name.equals("SAMOKODER_STEP")) {
                    assertThat(known.contains(name)).as(name).isTrue();
                }
            }
        }
    }

    @Test
    void siteHasSecurityHeadersAndTheApiOnTheSameOrigin() {
        DEV.app.hasResourceProperties("AWS::CloudFront::ResponseHeadersPolicy", Match.objectLike(Map.of(
                "ResponseHeadersPolicyConfig", Match.objectLike(Map.of("SecurityHeadersConfig", Match.objectLike(Map.of(
                        "ContentSecurityPolicy", Match.objectLike(Map.of("ContentSecurityPolicy", Frontend.CONTENT_SECURITY_POLICY)),
                        "StrictTransportSecurity", Match.objectLike(Map.of("IncludeSubdomains", true)),
                        "FrameOptions", Match.objectLike(Map.of("FrameOption", "DENY")))))))));
        JsonNode distribution = single(APP, "AWS::CloudFront::Distribution").at("/Properties/DistributionConfig");
        assertThat(distribution.at("/CacheBehaviors/0/PathPattern").asText()).isEqualTo("/v1/*");
        assertThat(distribution.path("CustomErrorResponses").isMissingNode()).as("no error page rewriting the API's 403/404").isTrue();
        DEV.app.resourceCountIs("Custom::CDKBucketDeployment", 1);
    }

    // --- reading the template ---

    static Map<String, JsonNode> resources(JsonNode template, String type) {
        Map<String, JsonNode> found = new HashMap<>();
        template.path("Resources").fields().forEachRemaining(e -> {
            if (e.getValue().path("Type").asText().equals(type)) {
                found.put(e.getKey(), e.getValue());
            }
        });
        return found;
    }

    private static Map<String, JsonNode> javaFunctions(JsonNode template) {
        Map<String, JsonNode> java = new HashMap<>();
        resources(template, "AWS::Lambda::Function").forEach((id, f) -> {
            if (f.at("/Properties/Runtime").asText().startsWith("java")) {
                java.put(id, f);
            }
        });
        return java;
    }

    private static JsonNode single(JsonNode template, String type) {
        Map<String, JsonNode> found = resources(template, type);
        assertThat(found).as(type).hasSize(1);
        return found.values().iterator().next();
    }

    private static List<JsonNode> allStatements(JsonNode template) {
        List<JsonNode> statements = new ArrayList<>();
        template.path("Resources").forEach(resource -> {
            String type = resource.path("Type").asText();
            if (type.equals("AWS::IAM::Policy") || type.equals("AWS::IAM::ManagedPolicy")) {
                resource.at("/Properties/PolicyDocument/Statement").forEach(statements::add);
            }
            if (type.equals("AWS::IAM::Role")) {
                resource.at("/Properties/Policies").forEach(p -> p.at("/PolicyDocument/Statement").forEach(statements::add));
            }
        });
        return statements;
    }

    private static List<JsonNode> statementsOfRole(JsonNode template, String roleId) {
        List<JsonNode> statements = new ArrayList<>();
        resources(template, "AWS::IAM::Policy").values().forEach(policy -> {
            boolean attached = false;
            for (JsonNode role : policy.at("/Properties/Roles")) {
                attached |= role.path("Ref").asText().equals(roleId);
            }
            if (attached) {
                policy.at("/Properties/PolicyDocument/Statement").forEach(statements::add);
            }
        });
        return statements;
    }

    private static List<String> actions(JsonNode statement) {
        JsonNode action = statement.path("Action");
        List<String> actions = new ArrayList<>();
        if (action.isArray()) {
            action.forEach(a -> actions.add(a.asText()));
        } else {
            actions.add(action.asText());
        }
        return actions;
    }

    private static List<String> resourcesOf(JsonNode statement) {
        JsonNode resource = statement.path("Resource");
        List<String> plain = new ArrayList<>();
        if (resource.isArray()) {
            resource.forEach(r -> plain.add(r.isTextual() ? r.asText() : r.toString()));
        } else {
            plain.add(resource.isTextual() ? resource.asText() : resource.toString());
        }
        return plain;
    }

    /** The literal tail of an {@code Fn::Join} resource (the object key pattern). */
    private static String suffix(JsonNode resource) {
        JsonNode parts = resource.at("/Fn::Join/1");
        return parts.isArray() ? parts.get(parts.size() - 1).asText() : resource.asText();
    }
}
