package dev.samokoder.cdk;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.DistributionProps;
import software.amazon.awscdk.services.cloudfront.FunctionAssociation;
import software.amazon.awscdk.services.cloudfront.FunctionCode;
import software.amazon.awscdk.services.cloudfront.FunctionEventType;
import software.amazon.awscdk.services.cloudfront.FunctionProps;
import software.amazon.awscdk.services.cloudfront.FunctionRuntime;
import software.amazon.awscdk.services.cloudfront.HeadersFrameOption;
import software.amazon.awscdk.services.cloudfront.HeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentSecurityPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentTypeOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersFrameOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicyProps;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersStrictTransportSecurity;
import software.amazon.awscdk.services.cloudfront.ResponseSecurityHeadersBehavior;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.cloudfront.origins.HttpOriginProps;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.LogGroupProps;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.BucketProps;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.BucketDeploymentProps;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;

/**
 * The web app: the built {@code frontend/dist} in a private bucket behind CloudFront (origin
 * access control), with the API at {@code /v1/*} on the same distribution — one origin, as the
 * local gateway serves it, so the browser needs no CORS. Paths without a file extension get
 * {@code index.html} (a viewer-request function, not an error page, so the API's own 403s and
 * 404s reach the client unchanged). Security headers come from a response headers policy.
 */
public final class Frontend extends Construct {

    /** The app's own code and styles only; the API is the same origin. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String SPA_FALLBACK = """
            function handler(event) {
              var request = event.request;
              var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);
              if (last.indexOf('.') === -1) {
                request.uri = '/index.html';
              }
              return request;
            }
            """;

    private final Bucket site;
    private final Distribution distribution;

    /** With live previews, the Preview tab frames the project's preview origin: {@code frame-src} names the preview domain. */
    static String contentSecurityPolicy(StageConfig stage) {
        return stage.previews() ? CONTENT_SECURITY_POLICY + "; frame-src https://*." + stage.previewDomain() : CONTENT_SECURITY_POLICY;
    }

    public Frontend(Construct scope, String id, StageConfig stage, Path buildDir, String apiEndpoint) {
        super(scope, id);
        Bucket logs = new Bucket(this, "Logs", BucketProps.builder()
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED) // CloudFront standard logs are written with ACLs
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire-logs").expiration(Duration.days(90)).build()))
                .removalPolicy(stage.dataRemoval())
                .build());
        site = new Bucket(this, "Site", BucketProps.builder()
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .serverAccessLogsBucket(logs)
                .serverAccessLogsPrefix("site/")
                .removalPolicy(RemovalPolicy.DESTROY) // rebuilt from frontend/ on every deploy
                .build());

        ResponseHeadersPolicy headers = new ResponseHeadersPolicy(this, "Headers", ResponseHeadersPolicyProps.builder()
                .responseHeadersPolicyName(stage.prefix() + "-security-headers")
                .securityHeadersBehavior(ResponseSecurityHeadersBehavior.builder()
                        // override false: the API's stricter headers (its own CSP) pass through unchanged
                        .contentSecurityPolicy(ResponseHeadersContentSecurityPolicy.builder()
                                .contentSecurityPolicy(contentSecurityPolicy(stage)).override(false).build())
                        .strictTransportSecurity(ResponseHeadersStrictTransportSecurity.builder()
                                .accessControlMaxAge(Duration.days(365)).includeSubdomains(true).override(true).build())
                        .frameOptions(ResponseHeadersFrameOptions.builder().frameOption(HeadersFrameOption.DENY).override(true).build())
                        .contentTypeOptions(ResponseHeadersContentTypeOptions.builder().override(true).build())
                        .referrerPolicy(ResponseHeadersReferrerPolicy.builder()
                                .referrerPolicy(HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN).override(false).build())
                        .build())
                .build());
        software.amazon.awscdk.services.cloudfront.Function spaFallback = new software.amazon.awscdk.services.cloudfront.Function(
                this, "SpaFallback", FunctionProps.builder()
                        .functionName(stage.prefix() + "-spa-fallback")
                        .runtime(FunctionRuntime.JS_2_0)
                        .code(FunctionCode.fromInline(SPA_FALLBACK))
                        .build());

        // https://<id>.execute-api.<region>.amazonaws.com → its host name
        String apiHost = Fn.select(2, Fn.split("/", apiEndpoint));
        distribution = new Distribution(this, "Distribution", DistributionProps.builder()
                .comment("Samokoder " + stage.name() + ": web app and API")
                .defaultRootObject("index.html")
                .priceClass(PriceClass.PRICE_CLASS_100)
                .enableLogging(true)
                .logBucket(logs)
                .logFilePrefix("cloudfront/")
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(site))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                        .responseHeadersPolicy(headers)
                        .functionAssociations(List.of(FunctionAssociation.builder()
                                .eventType(FunctionEventType.VIEWER_REQUEST).function(spaFallback).build()))
                        .build())
                .additionalBehaviors(Map.of("/v1/*", BehaviorOptions.builder()
                        .origin(new HttpOrigin(apiHost, HttpOriginProps.builder().build()))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                        .allowedMethods(AllowedMethods.ALLOW_ALL)
                        .cachePolicy(CachePolicy.CACHING_DISABLED)
                        .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
                        .responseHeadersPolicy(headers)
                        .build()))
                .build());

        LogGroup deploymentLogs = new LogGroup(this, "DeploymentLogs", LogGroupProps.builder()
                .retention(stage.logRetention()).removalPolicy(RemovalPolicy.DESTROY).build());
        new BucketDeployment(this, "Deployment", BucketDeploymentProps.builder()
                .sources(List.of(Source.asset(buildDir.toString())))
                .destinationBucket(site)
                .distribution(distribution)
                .distributionPaths(List.of("/*"))
                .memoryLimit(256)
                .logGroup(deploymentLogs)
                .build());
    }

    public Distribution distribution() {
        return distribution;
    }

    public Bucket site() {
        return site;
    }
}
