package dev.samokoder.cdk;

import dev.samokoder.api.routes.FunctionSpec;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.AliasProps;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.FunctionProps;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.LogGroupProps;
import software.constructs.Construct;

/**
 * One of the platform's Java Lambdas, always the same way: Java 21 on arm64 (the jars are
 * pure Java; Graviton costs 20% less per GB-s), SnapStart on published versions with the
 * {@code live} alias as what callers invoke (SnapStart applies to versions only, never to
 * $LATEST), C1 only ({@code -XX:TieredStopAtLevel=1}: short invocations finish before C2 pays
 * off), its own log group with the stage's retention, X-Ray tracing.
 */
public final class PlatformFunction extends Construct {

    static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
    static final String ALIAS = "live";

    private final Function function;
    private final Alias alias;

    /** What differs per function; {@code environmentKey} encrypts the environment (null: the AWS-managed key). */
    public record Spec(String name, String handler, Duration timeout, int memoryMb, Code code, Map<String, String> environment,
            IKey environmentKey) {

        /** A function of the API's artifact as the route table describes it; {@code samokoder-api} is named {@code <prefix>-api}. */
        static Spec of(FunctionSpec function, Code code, Map<String, String> environment, IKey environmentKey) {
            return new Spec(function.name().replaceFirst("^samokoder-", ""), function.handlerClass(),
                    Duration.seconds(function.timeout().toSeconds()), function.memoryMb(), code, environment, environmentKey);
        }
    }

    public PlatformFunction(Construct scope, String id, StageConfig stage, Spec spec) {
        super(scope, id);
        String functionName = stage.prefix() + "-" + spec.name();
        LogGroup logs = new LogGroup(this, "Logs", LogGroupProps.builder()
                .logGroupName("/aws/lambda/" + functionName)
                .retention(stage.logRetention())
                .removalPolicy(stage.dataRemoval())
                .build());
        Map<String, String> environment = new HashMap<>(spec.environment());
        environment.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
        FunctionProps.Builder props = FunctionProps.builder()
                .functionName(functionName)
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(spec.handler())
                .code(spec.code())
                .memorySize(spec.memoryMb())
                .timeout(spec.timeout())
                .environment(environment)
                .logGroup(logs)
                .tracing(Tracing.ACTIVE)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        if (spec.environmentKey() != null) {
            props.environmentEncryption(spec.environmentKey());
        }
        function = new Function(this, "Function", props.build());
        // the warning says "publish a version": the alias below does, on every change
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "the live alias publishes a version on every change and callers invoke only the alias");
        alias = new Alias(this, "Live", AliasProps.builder().aliasName(ALIAS).version(function.getCurrentVersion()).build());
    }

    public Function function() {
        return function;
    }

    /** What everything invokes: the published, SnapStart-restored version. */
    public Alias alias() {
        return alias;
    }

    public IRole role() {
        return function.getRole();
    }
}
