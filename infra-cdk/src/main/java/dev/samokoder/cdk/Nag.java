package dev.samokoder.cdk;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.List;
import software.amazon.awscdk.Stack;

/**
 * The cdk-nag (AwsSolutions) findings the platform accepts, each with its reason and, for the
 * IAM wildcard findings, exactly which wildcards. Anything else fails {@code NagTest} and
 * {@code cdk synth}. The statements on {@code Resource::*} are additionally pinned by
 * {@code StackTemplateTest} to the actions that have no resource-level permissions.
 */
final class Nag {

    /** Actions that AWS authorizes on "*" only (or that are conditioned to one resource). */
    static final List<String> ACTIONS_ON_ANY_RESOURCE = List.of(
            "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets",
            "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
            "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups",
            "sts:GetServiceBearerToken", "ecs:ListTasks", "ecr:GetAuthorizationToken",
            "cloudfront:CreateInvalidation", "cloudfront:GetInvalidation");

    private Nag() {
    }

    static void suppress(Stack stack) {
        NagSuppressions.addStackSuppressions(stack, List.of(
                because("AwsSolutions-IAM4", "AWSLambdaBasicExecutionRole only lets a function write its own logs; every function has its log group, with retention, made beforehand",
                        List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")),
                because("AwsSolutions-IAM5", "read, write and delete of the platform's own files bucket (blob store, snapshots, exports) from grantReadWrite; "
                        + "s3:List* is what makes HeadObject of an absent blob answer 404 instead of 403",
                        List.of(regex("^Action::s3:(List|GetObject|GetBucket|DeleteObject|Abort)\\*$"))),
                because("AwsSolutions-IAM5", "objects of the platform's files bucket: content-addressed blobs and per-project snapshots have "
                        + "generated keys; the sandbox task is limited to blobs/, snapshots/ and its request/result files",
                        List.of(regex("^Resource::.*Files[0-9A-F]{8}.*/(\\*|blobs/\\*|snapshots/\\*|sandbox-runs/\\*/(request|result|serving)\\.json|sandbox-runs/\\*/log\\.txt)$"))),
                because("AwsSolutions-IAM5", "the table's secondary index (gsi1), from grantReadWriteData/grantReadData",
                        List.of(regex("^Resource::.*Table[0-9A-F]{8}.*/index/\\*$"))),
                because("AwsSolutions-IAM5", "agents pick their Bedrock model at run time (SAMOKODER_LLM_MODEL, SAMOKODER_LLM_AGENT_MODELS): "
                        + "any foundation model or inference profile of this region, invoke only",
                        List.of(regex("^Resource::arn:<AWS::Partition>:bedrock:<AWS::Region>:(<AWS::AccountId>)?:(foundation-model|inference-profile)/\\*$"))),
                because("AwsSolutions-IAM5", "sandbox task ids are made per run: describe, stop and tag tasks of the sandbox cluster only",
                        List.of(regex("^Resource::arn:<AWS::Partition>:ecs:<AWS::Region>:<AWS::AccountId>:task/<Sandbox[A-Za-z0-9]+>/\\*$"))),
                because("AwsSolutions-IAM5", "executions of the generation state machine only (one per run, ids made at start)",
                        List.of(regex("^Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:.*Workflow.*:\\*$"))),
                because("AwsSolutions-IAM5", "BucketDeployment's provider copies the web app from the CDK asset bucket into the site bucket",
                        List.of(regex("^Resource::arn:<AWS::Partition>:s3:::cdk-[a-z0-9]+-assets-<AWS::AccountId>-<AWS::Region>/\\*$"),
                                regex("^Resource::<FrontendSite[0-9A-F]{8}\\.Arn>/\\*$"))),
                because("AwsSolutions-IAM5", "X-Ray, ecr:GetAuthorizationToken (the task pulls its image), the CloudFront invalidation of BucketDeployment's provider, Step Functions' log delivery, sts:GetServiceBearerToken (conditioned to CodeArtifact) and "
                        + "ecs:ListTasks (conditioned to the sandbox cluster) have no resource-level permissions; StackTemplateTest pins these actions",
                        List.of("Resource::*")),
                because("AwsSolutions-L1", "the platform is built for Java 21 (release 21 in the pom, the Lambda artifacts and SnapStart are tested "
                        + "with it); the BucketDeployment provider's runtime is the CDK's choice", null),
                because("AwsSolutions-APIG4", "the API function authenticates every non-public route itself (access token or API key, "
                        + "401 with a Bearer challenge; ApiEventsIT plays a refused credential of each kind), so no route has an "
                        + "API Gateway authorizer; the public routes (register, login, refresh, logout, openapi.json, hooks) are public by design", null),
                because("AwsSolutions-ECS2", "the runner's environment holds the bucket's name and the workspace path, the preview front's "
                        + "the table, the bucket and the preview domain; neither has a secret (the front's pepper comes from Secrets Manager)", null),
                because("AwsSolutions-EC23", "the live previews' load balancer is public by design: HTTPS (and HTTP, redirected to HTTPS) from "
                        + "anywhere; behind it the preview front lets only a preview's owner through (docs/preview.md)", null),
                because("AwsSolutions-ELB2", "ELB access logs need the stack's region at synthesis (the log delivery account is per region) "
                        + "and the stacks are synthesized environment-agnostic; the preview front's own log is in CloudWatch", null),
                because("AwsSolutions-CFR4", "the distribution uses CloudFront's default certificate (*.cloudfront.net), whose TLS policy cannot be "
                        + "chosen; with a custom domain set TLSv1.2_2021", null)
        ), true);
    }

    private static NagPackSuppression because(String rule, String reason, List<Object> appliesTo) {
        NagPackSuppression.Builder suppression = NagPackSuppression.builder().id(rule).reason(reason);
        if (appliesTo != null) {
            suppression.appliesTo(appliesTo);
        }
        return suppression.build();
    }

    private static RegexAppliesTo regex(String pattern) {
        return RegexAppliesTo.builder().regex("/" + pattern + "/g").build();
    }
}
