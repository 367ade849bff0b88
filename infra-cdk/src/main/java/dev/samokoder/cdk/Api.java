package dev.samokoder.cdk;

import dev.samokoder.api.routes.ApiRoutes;
import dev.samokoder.api.routes.FunctionSpec;
import dev.samokoder.api.routes.Route;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpApiProps;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.HttpStageProps;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.LogGroupProps;
import software.constructs.Construct;

/**
 * The HTTP API, made from the shared route table ({@link ApiRoutes}): every route and its function,
 * with no API Gateway authorizer. The API function verifies the access token or API key of every
 * authenticated route itself ({@code Authenticator}), so a refusal is a 401 with a Bearer challenge
 * and a problem body, as on the local gateway, and no request pays for a second Lambda invocation;
 * a revoked API key is refused at once, since nothing caches an answer. Throttled and access-logged
 * at the stage; CORS only for the extra origins a stage names, because the site reaches the API
 * through CloudFront at {@code /v1/*}, the same origin.
 */
public final class Api extends Construct {

    static final double RATE_LIMIT = 100;
    static final int BURST_LIMIT = 200;

    private final Map<String, PlatformFunction> functions = new LinkedHashMap<>();
    private final HttpApi httpApi;
    private final HttpStage stage;

    public Api(Construct scope, String id, StageConfig config, Code apiCode, Map<String, String> environment,
            software.amazon.awscdk.services.kms.IKey environmentKey) {
        super(scope, id);
        for (FunctionSpec spec : ApiRoutes.functions()) {
            functions.put(spec.name(), function(config, spec, apiCode, environment, environmentKey));
        }

        HttpApiProps.Builder props = HttpApiProps.builder()
                .apiName(config.prefix() + "-api")
                .createDefaultStage(false);
        if (!config.corsOrigins().isEmpty()) {
            props.corsPreflight(CorsPreflightOptions.builder()
                    .allowOrigins(config.corsOrigins())
                    // every method and request header the routes use (the local gateway answers the same)
                    .allowMethods(List.of(CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.PATCH,
                            CorsHttpMethod.DELETE))
                    .allowHeaders(List.of("Authorization", "Content-Type", "If-Match", "X-Api-Key"))
                    .exposeHeaders(List.of("ETag", "Retry-After", "WWW-Authenticate", "apigw-requestid"))
                    .maxAge(Duration.hours(1))
                    .build());
        }
        httpApi = new HttpApi(this, "HttpApi", props.build());

        LogGroup accessLogs = new LogGroup(this, "AccessLogs", LogGroupProps.builder()
                .retention(config.logRetention()).removalPolicy(config.dataRemoval()).build());
        stage = new HttpStage(this, "DefaultStage", HttpStageProps.builder()
                .httpApi(httpApi)
                .stageName("$default")
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder().rateLimit(RATE_LIMIT).burstLimit(BURST_LIMIT).build())
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public LogGroupLogDestination getDestination() {
                        return new LogGroupLogDestination(accessLogs);
                    }

                    @Override
                    public AccessLogFormat getFormat() {
                        return AccessLogFormat.custom("{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
                                + "\"time\":\"$context.requestTime\",\"routeKey\":\"$context.routeKey\",\"status\":\"$context.status\","
                                + "\"latencyMs\":\"$context.responseLatency\",\"responseLength\":\"$context.responseLength\","
                                + "\"integrationError\":\"$context.integrationErrorMessage\"}");
                    }
                })
                .build());

        Map<String, HttpLambdaIntegration> integrations = new LinkedHashMap<>();
        for (Map.Entry<String, PlatformFunction> function : functions.entrySet()) {
            integrations.put(function.getKey(), new HttpLambdaIntegration(function.getKey() + "-integration", function.getValue().alias()));
        }
        for (Route route : ApiRoutes.routes()) {
            HttpLambdaIntegration integration = integrations.get(route.function());
            if (integration == null) {
                throw new IllegalStateException("route " + route.routeKey() + " names no function of ApiRoutes.functions(): " + route.function());
            }
            httpApi.addRoutes(AddRoutesOptions.builder()
                    .path(route.path())
                    .methods(List.of(HttpMethod.valueOf(route.method())))
                    .integration(integration)
                    .authorizer(new HttpNoneAuthorizer()) // the function authenticates (see the class comment)
                    .build());
        }
    }

    private PlatformFunction function(StageConfig config, FunctionSpec spec, Code code, Map<String, String> environment,
            software.amazon.awscdk.services.kms.IKey environmentKey) {
        return new PlatformFunction(this, spec.name(), config, PlatformFunction.Spec.of(spec, code, environment, environmentKey));
    }

    /** The route functions by route-table name ({@code samokoder-api}, ...). */
    public Map<String, PlatformFunction> functions() {
        return functions;
    }

    public HttpApi httpApi() {
        return httpApi;
    }

    public HttpStage stage() {
        return stage;
    }
}
