package dev.samokoder.cdk;

import dev.samokoder.core.config.Setting;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnOutputProps;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SecurityGroupProps;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ClusterProps;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateServiceProps;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.FargateTaskDefinitionProps;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroupProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.RedirectOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.PolicyStatementProps;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.LogGroupProps;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * The way into live previews on AWS (docs/preview.md): an internet-facing load balancer for {@code *.<preview domain>}
 * (HTTPS with the stage's certificate; WebSocket passes), and behind it the preview front, a small service of the
 * runner image ({@code PreviewFrontMain}) that checks the owner's ticket and session and passes requests on to the
 * preview's task at its serving port, which only the front's security group may reach. The front runs on a cluster of
 * its own, so the sandbox reaper never sees it.
 */
public final class Previews extends Construct {

    static final String FRONT_MAIN = "dev.samokoder.runner.PreviewFrontMain";
    static final int FRONT_PORT = 8080;
    /** The task's serving port ({@code SAMOKODER_SANDBOX_SERVING_PORT}'s default). */
    static final int SERVING_PORT = Integer.parseInt(Setting.SANDBOX_SERVING_PORT.defaultValue());

    private final ApplicationLoadBalancer loadBalancer;
    private final SecurityGroup frontSecurityGroup;
    private final Cluster cluster;
    private final FargateService service;

    public Previews(Construct scope, String id, StageConfig stage, Sandbox sandbox, DataStack data, ContainerImage image,
                    ISecret apiKeyPepper) {
        super(scope, id);
        String region = Stack.of(this).getRegion();
        SubnetSelection publicSubnets = SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build();

        SecurityGroup balancerSecurityGroup = new SecurityGroup(this, "LoadBalancerSecurityGroup", SecurityGroupProps.builder()
                .vpc(sandbox.vpc()).allowAllOutbound(false)
                .description("Preview load balancer: HTTPS (and HTTP, redirected) from anywhere; on to the preview front only").build());
        balancerSecurityGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS to the previews");
        balancerSecurityGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(80), "HTTP, answered with a redirect to HTTPS");
        frontSecurityGroup = new SecurityGroup(this, "FrontSecurityGroup", SecurityGroupProps.builder()
                .vpc(sandbox.vpc()).allowAllOutbound(false)
                .description("Preview front: from the load balancer in; out to AWS APIs (HTTPS) and preview tasks' serving port").build());
        frontSecurityGroup.addIngressRule(balancerSecurityGroup, Port.tcp(FRONT_PORT), "requests from the preview load balancer");
        balancerSecurityGroup.addEgressRule(frontSecurityGroup, Port.tcp(FRONT_PORT), "to the preview front");
        frontSecurityGroup.addEgressRule(Peer.anyIpv4(), Port.tcp(443), "DynamoDB, S3, ECR, CloudWatch Logs, Secrets Manager");
        frontSecurityGroup.addEgressRule(sandbox.previewSecurityGroup(), Port.tcp(SERVING_PORT), "to a preview task's serving port");
        sandbox.previewSecurityGroup().addIngressRule(frontSecurityGroup, Port.tcp(SERVING_PORT),
                "the preview front, to the app this task serves; nothing else may reach a preview task");

        loadBalancer = new ApplicationLoadBalancer(this, "LoadBalancer", ApplicationLoadBalancerProps.builder()
                .vpc(sandbox.vpc()).internetFacing(true).vpcSubnets(publicSubnets).securityGroup(balancerSecurityGroup)
                .dropInvalidHeaderFields(true)
                // a dev server's WebSocket (hot reload) may stay quiet for minutes
                .idleTimeout(Duration.minutes(10))
                .build());
        ApplicationListener https = loadBalancer.addListener("Https", BaseApplicationListenerProps.builder()
                .port(443).protocol(ApplicationProtocol.HTTPS).sslPolicy(SslPolicy.RECOMMENDED_TLS).open(false)
                .certificates(List.of(ListenerCertificate.fromArn(stage.previewCertificateArn())))
                .build());
        loadBalancer.addListener("Http", BaseApplicationListenerProps.builder()
                .port(80).protocol(ApplicationProtocol.HTTP).open(false)
                .defaultAction(ListenerAction.redirect(RedirectOptions.builder().protocol("HTTPS").port("443").permanent(true).build()))
                .build());

        cluster = new Cluster(this, "Cluster", ClusterProps.builder()
                .clusterName(stage.prefix() + "-preview-front").vpc(sandbox.vpc())
                .containerInsightsV2(ContainerInsights.ENABLED).build());
        FargateTaskDefinition task = new FargateTaskDefinition(this, "TaskDefinition", FargateTaskDefinitionProps.builder()
                .family(stage.prefix() + "-preview-front").cpu(256).memoryLimitMiB(512)
                .runtimePlatform(RuntimePlatform.builder().cpuArchitecture(CpuArchitecture.X86_64)
                        .operatingSystemFamily(OperatingSystemFamily.LINUX).build())
                .build());
        LogGroup logs = new LogGroup(this, "Logs", LogGroupProps.builder()
                .retention(stage.logRetention()).removalPolicy(stage.dataRemoval()).build());
        task.addContainer("front", ContainerDefinitionOptions.builder()
                .containerName("front")
                .image(image)
                .entryPoint(List.of("java", "-XX:+UseSerialGC", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
                        "-cp", "/opt/samokoder/runner.jar", FRONT_MAIN))
                .essential(true)
                .user(Sandbox.RUNNER_UID + ":" + Sandbox.RUNNER_UID)
                .readonlyRootFilesystem(true)
                .portMappings(List.of(PortMapping.builder().containerPort(FRONT_PORT).build()))
                .environment(Map.of(
                        Setting.AWS_REGION.variable(), region,
                        Setting.TABLE_NAME.variable(), data.table().getTableName(),
                        Setting.BUCKET_NAME.variable(), data.bucket().getBucketName(),
                        Setting.PREVIEW_DOMAIN.variable(), stage.previewDomain()))
                // the preview sessions' key is derived from it (PreviewAccess)
                .secrets(Map.of(Setting.API_KEY_PEPPER.variable(), Secret.fromSecretsManager(apiKeyPepper)))
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder().logGroup(logs).streamPrefix("front").build()))
                .build());
        // tickets are redeemed (deleted) and previews read and noted; where a preview's task serves is read from its run
        data.table().grantReadWriteData(task.getTaskRole());
        task.getTaskRole().addToPrincipalPolicy(new PolicyStatement(PolicyStatementProps.builder().effect(Effect.ALLOW)
                .actions(List.of("s3:GetObject")).resources(List.of(data.bucket().arnForObjects("sandbox-runs/*/serving.json"))).build()));

        service = new FargateService(this, "Service", FargateServiceProps.builder()
                .cluster(cluster).taskDefinition(task)
                .desiredCount(stage.production() ? 2 : 1)
                // public subnets with an address of its own: it reaches DynamoDB, S3, ECR and the logs without endpoints;
                // its group lets only the load balancer in
                .vpcSubnets(publicSubnets).assignPublicIp(true).securityGroups(List.of(frontSecurityGroup))
                .circuitBreaker(DeploymentCircuitBreaker.builder().rollback(true).build())
                .minHealthyPercent(100)
                .build());
        ApplicationTargetGroup targets = new ApplicationTargetGroup(this, "Targets", ApplicationTargetGroupProps.builder()
                .vpc(sandbox.vpc()).port(FRONT_PORT).protocol(ApplicationProtocol.HTTP).targetType(TargetType.IP)
                .healthCheck(HealthCheck.builder().path("/.samokoder/health").healthyHttpCodes("200").build())
                .targets(List.of(service))
                .build());
        https.addTargetGroups("Front", software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetGroupsProps.builder()
                .targetGroups(List.of(targets)).build());

        new CfnOutput(this, "LoadBalancerDns", CfnOutputProps.builder().value(loadBalancer.getLoadBalancerDnsName())
                .description("Point *." + stage.previewDomain() + " here (a CNAME or an alias record)").build());
    }

    public ApplicationLoadBalancer loadBalancer() {
        return loadBalancer;
    }

    public Cluster cluster() {
        return cluster;
    }

    public FargateService service() {
        return service;
    }
}
