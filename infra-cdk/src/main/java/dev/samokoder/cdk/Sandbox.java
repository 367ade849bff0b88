package dev.samokoder.cdk;

import dev.samokoder.core.config.Setting;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.codeartifact.CfnDomain;
import software.amazon.awscdk.services.codeartifact.CfnDomainProps;
import software.amazon.awscdk.services.codeartifact.CfnRepository;
import software.amazon.awscdk.services.codeartifact.CfnRepositoryProps;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpoint;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SecurityGroupProps;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ec2.VpcProps;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Capability;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ClusterProps;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.FargateTaskDefinitionProps;
import software.amazon.awscdk.services.ecs.LinuxParameters;
import software.amazon.awscdk.services.ecs.LinuxParametersProps;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.MountPoint;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.Volume;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.PolicyStatementProps;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.RoleProps;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.LogGroupProps;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * Where generated code runs on AWS (docs/sandbox.md): a Fargate task of the runner image in
 * subnets with no route to the internet. What the task can reach is the VPC endpoints and
 * nothing else: S3 (gateway endpoint, its policy limited to the platform bucket and the buckets
 * ECR and CodeArtifact serve from), ECR and CloudWatch Logs (to start and log), and CodeArtifact,
 * whose repositories proxy the public npm and PyPI registries — the registries are reached through
 * endpoints, never directly. The task role may touch only the bucket prefixes the runner uses.
 */
public final class Sandbox extends Construct {

    /** The container's name: the state machine's Executor overrides the environment of "runner". */
    static final String CONTAINER = "runner";
    /** Fargate sizes: 1 vCPU (SAMOKODER_SANDBOX_CPU_MILLICORES' default) needs at least 2 GiB. */
    static final int CPU_UNITS = 1024;
    static final int MEMORY_MIB = 2048;
    static final int RUNNER_UID = 10001;

    private final Vpc vpc;
    private final SecurityGroup taskSecurityGroup;
    private final SecurityGroup registryTaskSecurityGroup;
    private final SecurityGroup previewTaskSecurityGroup;
    private final Cluster cluster;
    private final FargateTaskDefinition taskDefinition;

    public Sandbox(Construct scope, String id, StageConfig stage, IBucket bucket, ContainerImage image) {
        super(scope, id);
        String region = Stack.of(this).getRegion();
        String account = Stack.of(this).getAccount();

        LogGroup flowLogs = new LogGroup(this, "FlowLogs", LogGroupProps.builder()
                .retention(stage.logRetention()).removalPolicy(stage.dataRemoval()).build());
        // With live previews the VPC also has public subnets, for the preview front's load balancer (which needs two
        // zones) and its service; the sandbox subnets stay isolated: no route out, whatever else the VPC has.
        List<SubnetConfiguration> subnets = new java.util.ArrayList<>(List.of(SubnetConfiguration.builder()
                .name("sandbox").subnetType(SubnetType.PRIVATE_ISOLATED).cidrMask(24).build()));
        if (stage.previews()) {
            subnets.add(SubnetConfiguration.builder().name("front").subnetType(SubnetType.PUBLIC).cidrMask(24).build());
        }
        vpc = new Vpc(this, "Vpc", VpcProps.builder()
                .maxAzs(stage.previews() ? Math.max(2, stage.availabilityZones()) : stage.availabilityZones())
                .natGateways(0)
                .subnetConfiguration(subnets)
                .restrictDefaultSecurityGroup(false) // a custom-resource Lambda for a group nothing uses; nothing is put in it
                .flowLogs(Map.of("All", FlowLogOptions.builder().destination(FlowLogDestination.toCloudWatchLogs(flowLogs)).build()))
                .build());

        // Two groups for tasks: every task reaches S3, ECR and CloudWatch Logs; only a task whose
        // commands may reach the package registries (an install) also reaches CodeArtifact. The
        // Executor state picks the group from the run request (PrepareExecution's "network").
        taskSecurityGroup = taskGroup("TaskSecurityGroup", "Sandbox tasks: out to S3, ECR and logs endpoints only, nothing in");
        registryTaskSecurityGroup = taskGroup("RegistryTaskSecurityGroup",
                "Sandbox tasks allowed the package registries: as TaskSecurityGroup, plus CodeArtifact");
        // A live preview's task installs (CodeArtifact) and then serves: the preview front may reach its serving port
        // (the rule is added with the front), nothing else may
        previewTaskSecurityGroup = taskGroup("PreviewTaskSecurityGroup",
                "Live preview tasks: as RegistryTaskSecurityGroup, plus their serving port from the preview front only");
        SecurityGroup endpointSecurityGroup = endpointGroup("EndpointSecurityGroup",
                "ECR and CloudWatch Logs endpoints of the sandbox VPC: HTTPS from sandbox tasks only",
                List.of(taskSecurityGroup, registryTaskSecurityGroup, previewTaskSecurityGroup));
        SecurityGroup registryEndpointSecurityGroup = endpointGroup("RegistryEndpointSecurityGroup",
                "CodeArtifact endpoints of the sandbox VPC: HTTPS from sandbox tasks allowed the registries only",
                List.of(registryTaskSecurityGroup, previewTaskSecurityGroup));

        GatewayVpcEndpoint s3 = vpc.addGatewayEndpoint("S3", GatewayVpcEndpointOptions.builder()
                .service(GatewayVpcEndpointAwsService.S3).build());
        s3.addToPolicy(new PolicyStatement(PolicyStatementProps.builder()
                .principals(List.of(new AnyPrincipal()))
                .actions(List.of("s3:GetObject", "s3:PutObject", "s3:ListBucket"))
                .resources(List.of(bucket.getBucketArn(), bucket.arnForObjects("*"))).build()));
        s3.addToPolicy(new PolicyStatement(PolicyStatementProps.builder()
                .principals(List.of(new AnyPrincipal()))
                .actions(List.of("s3:GetObject"))
                // image layers (ECR) and package contents (CodeArtifact) are served from these
                .resources(List.of("arn:aws:s3:::prod-" + region + "-starport-layer-bucket/*", "arn:aws:s3:::assets-*-" + region + "/*"))
                .build()));

        for (var service : List.of(InterfaceVpcEndpointAwsService.ECR, InterfaceVpcEndpointAwsService.ECR_DOCKER,
                InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS)) {
            interfaceEndpoint(service, endpointSecurityGroup);
        }
        for (var service : List.of(InterfaceVpcEndpointAwsService.CODEARTIFACT_API, InterfaceVpcEndpointAwsService.CODEARTIFACT_REPOSITORIES)) {
            interfaceEndpoint(service, registryEndpointSecurityGroup);
        }

        // The package registries, through CodeArtifact: npm and PyPI as upstreams of one repository each.
        CfnDomain domain = new CfnDomain(this, "Registries", CfnDomainProps.builder().domainName(stage.prefix()).build());
        CfnRepository npmUpstream = new CfnRepository(this, "NpmUpstream", CfnRepositoryProps.builder()
                .domainName(domain.getAttrName()).repositoryName("npmjs").externalConnections(List.of("public:npmjs")).build());
        CfnRepository pypiUpstream = new CfnRepository(this, "PypiUpstream", CfnRepositoryProps.builder()
                .domainName(domain.getAttrName()).repositoryName("pypi").externalConnections(List.of("public:pypi")).build());
        CfnRepository packages = new CfnRepository(this, "Packages", CfnRepositoryProps.builder()
                .domainName(domain.getAttrName()).repositoryName("packages")
                .upstreams(List.of(npmUpstream.getAttrName(), pypiUpstream.getAttrName())).build());

        cluster = new Cluster(this, "Cluster", ClusterProps.builder()
                .clusterName(stage.prefix() + "-sandbox")
                .vpc(vpc)
                .containerInsightsV2(ContainerInsights.ENABLED)
                .build());

        Role taskRole = new Role(this, "TaskRole", RoleProps.builder()
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                .description("Sandbox runner: its run's request and result, the blobs and snapshots it reads and writes, "
                        + "the install's package cache, the package registries")
                .build());
        taskRole.addToPolicy(allow(List.of("s3:GetObject"), List.of(
                bucket.arnForObjects("sandbox-runs/*/request.json"), bucket.arnForObjects("blobs/*"), bucket.arnForObjects("snapshots/*"),
                bucket.arnForObjects("package-cache/*"))));
        taskRole.addToPolicy(allow(List.of("s3:PutObject"), List.of(
                bucket.arnForObjects("sandbox-runs/*/result.json"),
                // a run that serves an app (a live preview) says where, and what it wrote so far
                bucket.arnForObjects("sandbox-runs/*/serving.json"), bucket.arnForObjects("sandbox-runs/*/log.txt"), bucket.arnForObjects("blobs/*"), bucket.arnForObjects("snapshots/*"),
                bucket.arnForObjects("package-cache/*"))));
        // HeadObject or GetObject of an absent blob, manifest or package-cache archive answers 404 only
        // with s3:ListBucket (else 403, and the store's exists() fails). S3 checks that permission with
        // s3:prefix = the object's key, so allowing only prefixes that are a whole key of those shapes
        // answers "is this one there" without letting the task list what else is in the bucket.
        taskRole.addToPolicy(new PolicyStatement(PolicyStatementProps.builder()
                .effect(Effect.ALLOW).actions(List.of("s3:ListBucket")).resources(List.of(bucket.getBucketArn()))
                .conditions(Map.of("StringLike", Map.of("s3:prefix", List.of(
                        "blobs/" + "?".repeat(64), "snapshots/*/" + "?".repeat(64) + ".json",
                        "package-cache/" + "?".repeat(32) + "/" + "?".repeat(64) + ".zip"))))
                .build()));
        taskRole.addToPolicy(allow(List.of("codeartifact:GetAuthorizationToken"), List.of(domain.getAttrArn())));
        taskRole.addToPolicy(allow(List.of("codeartifact:GetRepositoryEndpoint", "codeartifact:ReadFromRepository"),
                List.of(packages.getAttrArn(), npmUpstream.getAttrArn(), pypiUpstream.getAttrArn())));
        taskRole.addToPolicy(new PolicyStatement(PolicyStatementProps.builder()
                .effect(Effect.ALLOW).actions(List.of("sts:GetServiceBearerToken")).resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("sts:AWSServiceName", "codeartifact.amazonaws.com"))).build()));

        taskDefinition = new FargateTaskDefinition(this, "TaskDefinition", FargateTaskDefinitionProps.builder()
                .family(stage.prefix() + "-sandbox-runner")
                .cpu(CPU_UNITS)
                .memoryLimitMiB(MEMORY_MIB)
                .runtimePlatform(RuntimePlatform.builder()
                        .cpuArchitecture(CpuArchitecture.X86_64)
                        .operatingSystemFamily(OperatingSystemFamily.LINUX).build())
                .taskRole(taskRole)
                .build());
        taskDefinition.addVolume(Volume.builder().name("workspace").build());
        taskDefinition.addVolume(Volume.builder().name("tmp").build());
        LogGroup runnerLogs = new LogGroup(this, "RunnerLogs", LogGroupProps.builder()
                .retention(stage.logRetention()).removalPolicy(stage.dataRemoval()).build());
        ContainerDefinition runner = taskDefinition.addContainer(CONTAINER, ContainerDefinitionOptions.builder()
                .containerName(CONTAINER)
                .image(image)
                .essential(true)
                .user(RUNNER_UID + ":" + RUNNER_UID)
                .readonlyRootFilesystem(true)
                .privileged(false)
                .linuxParameters(linuxParameters())
                .environment(Map.of(
                        Setting.AWS_REGION.variable(), region,
                        Setting.BUCKET_NAME.variable(), bucket.getBucketName(),
                        Setting.SANDBOX_WORKSPACE.variable(), "/workspace",
                        Setting.SANDBOX_REGISTRY_DOMAIN.variable(), domain.getAttrName(),
                        Setting.SANDBOX_REGISTRY_DOMAIN_OWNER.variable(), domain.getAttrOwner(),
                        Setting.SANDBOX_REGISTRY_REPOSITORY.variable(), packages.getAttrName()))
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder().logGroup(runnerLogs).streamPrefix("runner").build()))
                .build());
        runner.addMountPoints(
                MountPoint.builder().containerPath("/workspace").sourceVolume("workspace").readOnly(false).build(),
                MountPoint.builder().containerPath("/tmp").sourceVolume("tmp").readOnly(false).build());
    }

    /**
     * A group for sandbox tasks: nothing in; out, HTTPS only. The subnets' only routes are the VPC
     * itself and the S3 gateway endpoint, so HTTPS to "any address" reaches S3 through the
     * endpoint and the interface endpoints whose groups let this one in, nothing else. (S3's
     * managed prefix list would say the same, but its id needs an AWS lookup at synth time, and
     * synth runs offline.)
     */
    private SecurityGroup taskGroup(String id, String description) {
        SecurityGroup group = new SecurityGroup(this, id, SecurityGroupProps.builder()
                .vpc(vpc).allowAllOutbound(false).description(description).build());
        group.addEgressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS to S3 via the gateway endpoint and to the endpoints that let it in");
        return group;
    }

    private SecurityGroup endpointGroup(String id, String description, List<SecurityGroup> clients) {
        SecurityGroup group = new SecurityGroup(this, id, SecurityGroupProps.builder()
                .vpc(vpc).allowAllOutbound(false).description(description).build());
        clients.forEach(client -> group.addIngressRule(client, Port.tcp(443), "HTTPS from " + client.getNode().getId()));
        return group;
    }

    private void interfaceEndpoint(InterfaceVpcEndpointAwsService service, SecurityGroup group) {
        vpc.addInterfaceEndpoint(endpointId(service.getShortName()), InterfaceVpcEndpointOptions.builder()
                .service(service).privateDnsEnabled(true).securityGroups(List.of(group)).open(false).build());
    }

    private LinuxParameters linuxParameters() {
        LinuxParameters parameters = new LinuxParameters(this, "Linux", LinuxParametersProps.builder()
                .initProcessEnabled(false) // the runner is PID 1 on purpose: it ends every process of a finished command
                .build());
        parameters.dropCapabilities(Capability.ALL);
        return parameters;
    }

    private static String endpointId(String shortName) {
        StringBuilder id = new StringBuilder();
        for (String part : shortName.split("[.-]")) {
            id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return id + "Endpoint";
    }

    private static PolicyStatement allow(List<String> actions, List<String> resources) {
        return new PolicyStatement(PolicyStatementProps.builder().effect(Effect.ALLOW).actions(actions).resources(resources).build());
    }

    public Vpc vpc() {
        return vpc;
    }

    /** The sandbox's isolated subnets (a preview's task runs in them). */
    public List<ISubnet> isolatedSubnets() {
        return vpc.selectSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build()).getSubnets();
    }

    /** The group of a live preview's task. */
    public SecurityGroup previewSecurityGroup() {
        return previewTaskSecurityGroup;
    }

    public ISubnet subnet() {
        return vpc.selectSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build()).getSubnets().get(0);
    }

    /** The group of a task whose commands may not reach the package registries. */
    public SecurityGroup securityGroup() {
        return taskSecurityGroup;
    }

    /** The group of a task whose commands may reach the package registries (through CodeArtifact). */
    public SecurityGroup registrySecurityGroup() {
        return registryTaskSecurityGroup;
    }

    public Cluster cluster() {
        return cluster;
    }

    public FargateTaskDefinition taskDefinition() {
        return taskDefinition;
    }
}
