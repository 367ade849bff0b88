package dev.samokoder.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.samokoder.api.routes.ApiRoutes;
import dev.samokoder.core.config.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS path of live previews (docs/preview.md), read from a stage synthesized with a preview domain: only synthesis
 * can be checked here, so these are the properties the design rests on.
 */
class PreviewStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOMAIN = "preview.example.com";
    private static final String CERTIFICATE = "arn:aws:acm:eu-central-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";
    private static final SynthesizedStage WITH = SynthesizedStage.of(new StageConfig("dev", List.of(), "", "", DOMAIN, CERTIFICATE));
    private static final JsonNode APP = JSON.valueToTree(WITH.app.toJSON());
    private static final JsonNode WITHOUT = JSON.valueToTree(SynthesizedStage.of("dev").app.toJSON());

    @Test
    void anInternetFacingLoadBalancerServesThePreviewDomainOverTlsOnly() {
        JsonNode balancer = single(APP, "AWS::ElasticLoadBalancingV2::LoadBalancer");
        assertThat(balancer.at("/Properties/Scheme").asText()).isEqualTo("internet-facing");
        assertThat(balancer.at("/Properties/LoadBalancerAttributes").toString()).contains("routing.http.drop_invalid_header_fields.enabled");
        Map<Integer, JsonNode> listeners = StackTemplateTest.resources(APP, "AWS::ElasticLoadBalancingV2::Listener").values().stream()
                .collect(Collectors.toMap(l -> l.at("/Properties/Port").asInt(), l -> l));
        assertThat(listeners).containsOnlyKeys(443, 80);
        JsonNode https = listeners.get(443).path("Properties");
        assertThat(https.path("Protocol").asText()).isEqualTo("HTTPS");
        assertThat(https.at("/Certificates/0/CertificateArn").asText()).isEqualTo(CERTIFICATE);
        assertThat(https.path("SslPolicy").asText()).startsWith("ELBSecurityPolicy-TLS13");
        assertThat(listeners.get(80).at("/Properties/DefaultActions/0/RedirectConfig/Protocol").asText()).isEqualTo("HTTPS");
        JsonNode targets = single(APP, "AWS::ElasticLoadBalancingV2::TargetGroup").path("Properties");
        assertThat(targets.path("TargetType").asText()).isEqualTo("ip");
        assertThat(targets.path("Port").asInt()).isEqualTo(Previews.FRONT_PORT);
        assertThat(targets.path("HealthCheckPath").asText()).isEqualTo("/.samokoder/health");
    }

    @Test
    void onlyThePreviewFrontReachesAPreviewTask_andOnlyAtItsServingPort() {
        String previewGroup = resourceId(APP, "AWS::EC2::SecurityGroup", "PreviewTaskSecurityGroup");
        String frontGroup = resourceId(APP, "AWS::EC2::SecurityGroup", "FrontSecurityGroup");
        List<JsonNode> ingress = new ArrayList<>();
        StackTemplateTest.resources(APP, "AWS::EC2::SecurityGroupIngress").values().stream()
                .filter(rule -> rule.at("/Properties/GroupId/Fn::GetAtt/0").asText().equals(previewGroup)).forEach(ingress::add);
        single(APP, "AWS::EC2::SecurityGroup", previewGroup).at("/Properties/SecurityGroupIngress").forEach(ingress::add);
        assertThat(ingress).hasSize(1);
        JsonNode rule = ingress.getFirst().has("Properties") ? ingress.getFirst().path("Properties") : ingress.getFirst();
        assertThat(rule.at("/SourceSecurityGroupId/Fn::GetAtt/0").asText()).isEqualTo(frontGroup);
        assertThat(rule.path("FromPort").asInt()).isEqualTo(Previews.SERVING_PORT);
        assertThat(rule.path("ToPort").asInt()).isEqualTo(Previews.SERVING_PORT);
        assertThat(Previews.SERVING_PORT).isEqualTo(Integer.parseInt(Setting.SANDBOX_SERVING_PORT.defaultValue()));
    }

    @Test
    void theSandboxSubnetsStayWithoutARouteOut_thePublicOnesAreTheFronts() {
        Set<String> publicTables = StackTemplateTest.resources(APP, "AWS::EC2::Route").values().stream()
                .filter(route -> route.at("/Properties/GatewayId").isObject())
                .map(route -> route.at("/Properties/RouteTableId/Ref").asText()).collect(Collectors.toSet());
        assertThat(publicTables).isNotEmpty().allMatch(table -> table.contains("front"));
        assertThat(StackTemplateTest.resources(APP, "AWS::EC2::Route").values()).noneMatch(route ->
                route.at("/Properties/RouteTableId/Ref").asText().contains("sandbox"));
        assertThat(StackTemplateTest.resources(APP, "AWS::EC2::NatGateway")).isEmpty();
    }

    @Test
    void theFrontRunsPreviewFrontMainOnAClusterOfItsOwn_soTheReaperNeverStopsIt() {
        Map<String, JsonNode> clusters = StackTemplateTest.resources(APP, "AWS::ECS::Cluster");
        assertThat(clusters.values()).extracting(c -> c.at("/Properties/ClusterName").asText())
                .containsExactlyInAnyOrder("samokoder-dev-sandbox", "samokoder-dev-preview-front");
        JsonNode front = StackTemplateTest.resources(APP, "AWS::ECS::TaskDefinition").values().stream()
                .filter(t -> t.at("/Properties/Family").asText().equals("samokoder-dev-preview-front")).findFirst().orElseThrow();
        JsonNode container = front.at("/Properties/ContainerDefinitions/0");
        assertThat(container.path("EntryPoint").toString()).contains(Previews.FRONT_MAIN);
        assertThat(container.path("ReadonlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.path("Environment").toString()).contains(Setting.PREVIEW_DOMAIN.variable(), DOMAIN);
        assertThat(container.path("Secrets").toString()).contains(Setting.API_KEY_PEPPER.variable());
        JsonNode service = single(APP, "AWS::ECS::Service").path("Properties");
        assertThat(service.at("/Cluster/Ref").asText()).isEqualTo(resourceId(APP, "AWS::ECS::Cluster", "PreviewsCluster"));
    }

    @Test
    void theApiStartsPreviewTasksOfTheSandboxTaskDefinitionOnly_andKnowsWhereThePreviewsAre() {
        JsonNode variables = apiFunction(APP).at("/Properties/Environment/Variables");
        assertThat(variables.path(Setting.PREVIEW_DOMAIN.variable()).asText()).isEqualTo(DOMAIN);
        for (Setting setting : List.of(Setting.PREVIEW_TASK_DEFINITION, Setting.PREVIEW_SUBNETS, Setting.PREVIEW_SECURITY_GROUP,
                Setting.SANDBOX_CLUSTER, Setting.API_KEY_PEPPER)) {
            assertThat(variables.has(setting.variable())).as(setting.variable()).isTrue();
        }
        String sandboxTaskDefinition = StackTemplateTest.resources(APP, "AWS::ECS::TaskDefinition").entrySet().stream()
                .filter(t -> t.getValue().at("/Properties/Family").asText().equals("samokoder-dev-sandbox-runner"))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        String apiRole = apiFunction(APP).at("/Properties/Role/Fn::GetAtt/0").asText();
        List<JsonNode> runTask = new ArrayList<>();
        StackTemplateTest.resources(APP, "AWS::IAM::Policy").values().stream()
                .filter(policy -> policy.at("/Properties/Roles").toString().contains("\"" + apiRole + "\""))
                .forEach(policy -> policy.at("/Properties/PolicyDocument/Statement").forEach(statement -> {
                    if (statement.path("Action").toString().contains("ecs:RunTask")) {
                        runTask.add(statement);
                    }
                }));
        assertThat(runTask).isNotEmpty().allSatisfy(statement -> {
            assertThat(statement.path("Resource").path("Ref").asText()).isEqualTo(sandboxTaskDefinition);
            assertThat(statement.at("/Condition/ArnEquals/ecs:cluster").isMissingNode()).isFalse();
        });
    }

    @Test
    void theWebAppMayFrameThePreviewDomain_andAStageWithoutPreviewsHasNoneOfThis() {
        assertThat(StackTemplateTest.resources(APP, "AWS::CloudFront::ResponseHeadersPolicy").values().toString())
                .contains("frame-src https://*." + DOMAIN);
        assertThat(StackTemplateTest.resources(WITHOUT, "AWS::ElasticLoadBalancingV2::LoadBalancer")).isEmpty();
        assertThat(StackTemplateTest.resources(WITHOUT, "AWS::EC2::InternetGateway")).isEmpty();
        assertThat(StackTemplateTest.resources(WITHOUT, "AWS::CloudFront::ResponseHeadersPolicy").values().toString()).doesNotContain("frame-src");
        JsonNode variables = apiFunction(WITHOUT).at("/Properties/Environment/Variables");
        assertThat(variables.has(Setting.PREVIEW_DOMAIN.variable())).isFalse();
        // every stage's API hashes API keys with the pepper from Secrets Manager
        assertThat(variables.path(Setting.API_KEY_PEPPER.variable()).toString()).contains("secretsmanager", "api-key-pepper");
    }

    private static JsonNode apiFunction(JsonNode template) {
        return StackTemplateTest.resources(template, "AWS::Lambda::Function").values().stream()
                .filter(f -> f.at("/Properties/Handler").asText().equals(ApiRoutes.API.handlerClass())).findFirst().orElseThrow();
    }

    private static String resourceId(JsonNode template, String type, String contains) {
        List<String> ids = StackTemplateTest.resources(template, type).keySet().stream().filter(id -> id.contains(contains)).toList();
        assertThat(ids).as(type + " " + contains).hasSize(1);
        return ids.getFirst();
    }

    private static JsonNode single(JsonNode template, String type) {
        Map<String, JsonNode> found = StackTemplateTest.resources(template, type);
        assertThat(found).as(type).hasSize(1);
        return found.values().iterator().next();
    }

    private static JsonNode single(JsonNode template, String type, String id) {
        return StackTemplateTest.resources(template, type).get(id);
    }
}
