package dev.samokoder.api;

import dev.samokoder.api.SampleEvents.Expectation;
import dev.samokoder.api.routes.ApiRoutes;
import dev.samokoder.api.routes.Route;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.http.Json;
import dev.samokoder.core.http.Problem;
import dev.samokoder.core.storage.Storage;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.core.testing.TestLogs;
import dev.samokoder.sandbox.SnapshotStore;
import dev.samokoder.services.auth.AccessTokens;
import dev.samokoder.services.wiring.TestWiring;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sample event of {@code events/api/}, delivered to the real {@link ApiHandler} as the Lambda
 * runtime would deliver it, against the embedded AWS stack; the manifest ({@code index.json}) says
 * what each must get back. Also keeps the samples honest: every route has a valid and an invalid
 * one, the manifest and the folder agree, and each event is shaped the way API Gateway builds it.
 */
@ExtendWith(LocalAwsExtension.class)
class ApiEventsIT {

    /** What docs/security.md promises on every response. */
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Strict-Transport-Security", "max-age=63072000; includeSubDomains",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox",
            "X-Frame-Options", "DENY",
            "Cache-Control", "no-store");
    private static final Pattern STACK_TRACE = Pattern.compile("Exception|Throwable|\\bat [\\w$]+(\\.[\\w$]+)+\\(");
    private static final Pattern PASSWORD_FIELD = Pattern.compile("\"password\"\\s*:\\s*\"([^\"]+)\"");
    private static final Path LOG = TestLogs.of("api");

    private static ApiServices services;
    private static AccessTokens pastTokens;
    private static Storage storage;
    private static ApiHandler handler;
    private static final List<String> secretsSeen = new ArrayList<>();
    private static software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamoDb;
    private static SnapshotStore snapshots;

    @BeforeAll
    static void start(LocalAws aws, @TempDir Path dataDir) {
        SamokoderConfig defaults = aws.config();
        var auth = defaults.auth();
        var api = defaults.api();
        // cheap hashing keeps the suite fast (PasswordHasherTest covers the real cost); a high rate
        // limit because every public sample comes from the same source IP
        SamokoderConfig config = defaults
                .withAuth(new SamokoderConfig.Auth(auth.issuer(), auth.audience(), auth.signingKeyJwk(), auth.accessTokenTtl(),
                        auth.refreshTokenTtl(), 1024, 1, auth.argon2Parallelism(), auth.loginMaxFailures(), auth.loginWindow()))
                .withApi(new SamokoderConfig.Api(api.maxJsonBodyBytes(), 60_000, 10_000, api.corsOrigins(), api.exportUrlTtl(),
                        api.imports()))
                // the notification samples set a URL on a local receiver (no DNS lookups in tests)
                .withHooks(defaults.hooks().withNotificationAllowedHosts(List.of("127.0.0.1")))
                .withApiKeys(new SamokoderConfig.ApiKeys(60_000, 10_000, 100_000, 20))
                .withBilling(new SamokoderConfig.Billing(defaults.billing().markup(), defaults.billing().maxTopUpUsd(),
                        List.of(SampleWorld.ADMIN_EMAIL)))
                // the master key of stored LLM keys and the API-key pepper go to a temporary data dir, not the module's folder
                .withLocal(new SamokoderConfig.Local(dataDir, defaults.local().host(), 0, 0, 0, 0, 0, dataDir));
        config = config.withAws(config.aws().withStateMachineArn("arn:aws:states:eu-central-1:000000000000:stateMachine:samples"));
        var wiring = TestWiring.of(config, aws.clients(), Clock.systemUTC());
        services = ApiServices.create(wiring, new StepFunctionsRecorder(), new SampleLauncher());
        pastTokens = new AccessTokens(wiring.signingKey(), auth.issuer(), auth.audience(), auth.accessTokenTtl(),
                Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)));
        dynamoDb = aws.clients().dynamoDb();
        storage = aws.storage();
        snapshots = new SnapshotStore(aws.clients().s3(), config.aws().bucketName());
        handler = new ApiHandler(services);
    }

    @AfterAll
    static void noSecretWasLogged() throws IOException {
        if (secretsSeen.isEmpty()) {
            return; // no sample was played (a single other test was selected)
        }
        String log = Files.readString(LOG);
        for (String secret : secretsSeen) {
            assertThat(log).as("the test log must not contain a secret").doesNotContain(secret);
        }
    }

    static List<Expectation> manifest() {
        return SampleEvents.manifest();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifest")
    void theHandlerAnswersTheSampleAsTheManifestSays(Expectation expected) {
        // given
        SampleWorld world = SampleWorld.create(services, pastTokens, storage, dynamoDb, snapshots);
        secretsSeen.addAll(world.secrets());
        APIGatewayV2HTTPEvent event = SampleEvents.load(expected.file(), world.placeholders());
        if (event.getBody() != null) {
            PASSWORD_FIELD.matcher(event.getBody()).results().map(match -> match.group(1)).forEach(secretsSeen::add);
        }

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new TestLambdaContext(event.getRequestContext().getRequestId()));

        // then: every way the answer differs from the manifest, reported together under the file's name
        String sample = expected.file() + ": ";
        String body = bodyText(response);
        Map<String, String> headers = response.getHeaders();
        if ("application/json".equals(headers.get("Content-Type"))) {
            JsonNode answer = json(sample, body);
            List.of("accessToken", "refreshToken").stream().filter(answer::hasNonNull)
                    .forEach(token -> secretsSeen.add(answer.get(token).asText()));
        }
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(response.getStatusCode()).as(sample + "status of the answer " + preview(body)).isEqualTo(expected.status());
        softly.assertThat(headers).as(sample + "security headers").containsAllEntriesOf(SECURITY_HEADERS);
        softly.assertThat(body).as(sample + "body").doesNotContainPattern(STACK_TRACE);
        if (!expected.valid()) {
            softly.assertThat(headers).as(sample + "headers").containsEntry("Content-Type", Problem.CONTENT_TYPE);
            JsonNode problem = json(sample, body);
            softly.assertThat(problem.path("type").asText()).as(sample + "problem type").isEqualTo(Problem.TYPE_BASE + expected.problem());
            softly.assertThat(problem.path("status").asInt()).as(sample + "problem status").isEqualTo(expected.status());
        } else if (expected.status() == 204) {
            softly.assertThat(body).as(sample + "body").isEmpty();
            softly.assertThat(headers).as(sample + "headers").doesNotContainKey("Content-Type");
        } else {
            softly.assertThat(headers).as(sample + "headers").containsEntry("Content-Type", expected.contentType());
        }
        softly.assertThat(headers).as(sample + "headers").containsAllEntriesOf(expected.headers());
        expected.json().forEach((pointer, wanted) -> softly.assertThat(jsonAt(json(sample, body), pointer))
                .as(sample + pointer + " in " + preview(body)).isEqualTo(wantedValue(wanted, world)));
        if (expected.text() != null) {
            softly.assertThat(body).as(sample + "body").isEqualTo(expected.text());
        }
        softly.assertAll();
    }

    @Test
    void everyRouteHasAValidAndAnInvalidSample() {
        Map<String, String> routeKeyByFile = SampleEvents.files().stream()
                .collect(Collectors.toMap(Function.identity(), file -> SampleEvents.load(file, anyValues()).getRouteKey()));
        Map<String, List<Expectation>> byRoute = SampleEvents.manifest().stream()
                .collect(Collectors.groupingBy(entry -> routeKeyByFile.getOrDefault(entry.file(), "(no such file)")));

        SoftAssertions softly = new SoftAssertions();
        for (Route route : ApiRoutes.routes()) {
            List<Expectation> samples = byRoute.getOrDefault(route.routeKey(), List.of());
            softly.assertThat(samples).as("valid samples of " + route.routeKey()).anyMatch(Expectation::valid);
            softly.assertThat(samples).as("invalid samples of " + route.routeKey()).anyMatch(entry -> !entry.valid());
        }
        softly.assertAll();
    }

    /**
     * Another user's resource answers exactly like a missing one, on every route that names one:
     * each such route has a {@code .foreign} sample that names another user's project, run, hook or
     * key (an {@code ${other...}} placeholder) and must get a 404 {@code not-found}. A route added
     * later without one fails here.
     */
    @Test
    void everyRouteNamingAnOwnedResourceHasAForeignSampleAnswering404() {
        Pattern ownedParameter = Pattern.compile("\\{(projectId|runId|webhookId|keyId)}");
        Map<String, String> routeKeyByFile = SampleEvents.files().stream()
                .collect(Collectors.toMap(Function.identity(), file -> SampleEvents.load(file, anyValues()).getRouteKey()));

        SoftAssertions softly = new SoftAssertions();
        for (Route route : ApiRoutes.routes()) {
            if (!route.authenticated() || !ownedParameter.matcher(route.path()).find()) {
                continue;
            }
            List<Expectation> foreign = SampleEvents.manifest().stream()
                    .filter(entry -> route.routeKey().equals(routeKeyByFile.get(entry.file())))
                    .filter(entry -> entry.file().contains(".foreign."))
                    .toList();
            softly.assertThat(foreign).as("a .foreign sample of " + route.routeKey()).isNotEmpty();
            for (Expectation entry : foreign) {
                softly.assertThat(entry.status()).as(entry.file() + ": status").isEqualTo(404);
                softly.assertThat(entry.problem()).as(entry.file() + ": problem").isEqualTo("not-found");
                softly.assertThat(SampleEvents.template(entry.file())).as(entry.file() + ": names another user's resource")
                        .containsPattern("\\$\\{other[A-Za-z]*}");
            }
        }
        softly.assertAll();
    }

    @Test
    void theManifestListsEveryEventFileOnceAndNothingElse() {
        List<String> listed = SampleEvents.manifest().stream().map(Expectation::file).toList();

        assertThat(listed).doesNotHaveDuplicates();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(SampleEvents.files());
    }

    @Test
    void everyManifestEntrySaysWhatTheAnswerLooksLike() {
        SoftAssertions softly = new SoftAssertions();
        for (Expectation entry : SampleEvents.manifest()) {
            if (!entry.valid()) {
                softly.assertThat(entry.problem()).as(entry.file() + ": an error names its problem type").isNotBlank();
                softly.assertThat(entry.contentType()).as(entry.file() + ": an error is always problem+json").isNull();
            } else {
                softly.assertThat(entry.problem()).as(entry.file() + ": a success has no problem").isNull();
                softly.assertThat(entry.contentType() == null).as(entry.file() + ": a success names its content type unless it is a 204")
                        .isEqualTo(entry.status() == 204);
            }
        }
        softly.assertAll();
    }

    @Test
    void everySampleIsShapedAsApiGatewayDeliversIt() {
        Map<String, Route> routes = ApiRoutes.routes().stream().collect(Collectors.toMap(Route::routeKey, Function.identity()));

        SoftAssertions softly = new SoftAssertions();
        for (String file : SampleEvents.files()) {
            APIGatewayV2HTTPEvent event = SampleEvents.load(file, anyValues());
            Route route = routes.get(event.getRouteKey());
            softly.assertThat(route).as(file + ": routeKey is a route").isNotNull();
            if (route == null) {
                continue;
            }
            var context = event.getRequestContext();
            softly.assertThat(event.getVersion()).as(file + ": payload version").isEqualTo("2.0");
            softly.assertThat(context.getRouteKey()).as(file + ": requestContext.routeKey").isEqualTo(event.getRouteKey());
            softly.assertThat(context.getHttp().getMethod()).as(file + ": requestContext.http.method").isEqualTo(route.method());
            softly.assertThat(context.getHttp().getPath()).as(file + ": requestContext.http.path").isEqualTo(event.getRawPath());
            softly.assertThat(event.getHeaders().keySet()).as(file + ": header names are lower case, cookies are not a header")
                    .allMatch(name -> name.equals(name.toLowerCase(Locale.ROOT)))
                    .doesNotContain("cookie");
            softly.assertThat(event.getPathParameters()).as(file + ": pathParameters are the raw path's, decoded once")
                    .isEqualTo(pathParameters(route.path(), event.getRawPath()));
            softly.assertThat(event.getQueryStringParameters()).as(file + ": queryStringParameters are rawQueryString's, decoded")
                    .isEqualTo(queryParameters(event.getRawQueryString()));
            softly.assertThat(context.getAuthorizer()).as(file + ": no authorizer's context (the API has no authorizer)").isNull();
        }
        softly.assertAll();
    }

    /** Values for every placeholder, for tests that look at the events' shape rather than play them. */
    private static Map<String, String> anyValues() {
        return Map.ofEntries(Map.entry("userId", "usr_0123456789abcdefghjk"), Map.entry("uploadId", "upl_0123456789abcdefghjk"), Map.entry("sessionId", "ses_0123456789abcdefghjk"),
                Map.entry("email", "ada@example.com"), Map.entry("accessToken", "eyJhbGciOiJFUzI1NiJ9.sample.signature"),
                Map.entry("expiredAccessToken", "eyJhbGciOiJFUzI1NiJ9.expired.signature"),
                Map.entry("tamperedAccessToken", "eyJhbGciOiJFUzI1NiJ9.tampered.signature"),
                Map.entry("unsignedAccessToken", "eyJhbGciOiJub25lIn0.unsigned."),
                Map.entry("refreshToken", "rt_sample"), Map.entry("projectId", "prj_0123456789abcdefghjk"),
                Map.entry("otherProjectId", "prj_zyxwvutsrqpnmkjhgfed"), Map.entry("newEmail", "grace@example.com"),
                Map.entry("oversizeText", "aaaa"), Map.entry("idleProjectId", "prj_abcdefghjk0123456789"),
                Map.entry("runId", "run_0123456789abcdefghjk"), Map.entry("failedRunId", "run_abcdefghjk0123456789"),
                Map.entry("otherRunId", "run_zyxwvutsrqpnmkjhgfed"), Map.entry("hookId", "hook_0123456789abcdefghjk"),
                Map.entry("otherHookId", "hook_zyxwvutsrqpnmkjhgfed"), Map.entry("hookSignature", "0".repeat(64)),
                Map.entry("hookTimestamp", "1795521634"), Map.entry("hookTimedSignature", "0".repeat(64)),
                Map.entry("staleTimestamp", "1795521034"), Map.entry("staleSignature", "0".repeat(64)),
                Map.entry("apiKeyId", "key_0123456789abcdefghjk"),
                Map.entry("apiKeySecret", "sk_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg"),
                Map.entry("readOnlyApiKeySecret", "sk_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg0123456789"),
                Map.entry("adminAccessToken", "eyJhbGciOiJFUzI1NiJ9.admin.signature"),
                Map.entry("otherApiKeyId", "key_zyxwvutsrqpnmkjhgfed"), Map.entry("adminUserId", "usr_zyxwvutsrqpnmkjhgfed"),
                Map.entry("snapshotBefore", "snapshots/prj_0123456789abcdefghjk/" + "a".repeat(64) + ".json"),
                Map.entry("snapshotAfter", "snapshots/prj_0123456789abcdefghjk/" + "b".repeat(64) + ".json"),
                Map.entry("otherSnapshot", "snapshots/prj_zyxwvutsrqpnmkjhgfed/" + "c".repeat(64) + ".json"));
    }

    /** What API Gateway puts in pathParameters for a route template and a raw path: each part percent-decoded once. */
    private static Map<String, String> pathParameters(String template, String rawPath) {
        String[] names = template.substring(1).split("/");
        String[] parts = rawPath.substring(1).split("/", -1);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            if (name.endsWith("+}")) {
                parameters.put(name.substring(1, name.length() - 2),
                        percentDecode(String.join("/", Arrays.copyOfRange(parts, i, parts.length))));
                return parameters;
            }
            if (i >= parts.length) {
                throw new AssertionError(rawPath + " is shorter than " + template);
            }
            if (name.startsWith("{")) {
                parameters.put(name.substring(1, name.length() - 1), percentDecode(parts[i]));
            } else if (!name.equals(parts[i])) {
                throw new AssertionError(rawPath + " does not match " + template);
            }
        }
        if (parts.length != names.length) {
            throw new AssertionError(rawPath + " is longer than " + template);
        }
        return parameters.isEmpty() ? null : parameters;
    }

    /** Query parameters decoded, a repeated name's values joined by commas (as in events/http/README.md). */
    private static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    /** Percent-decoding of a path: unlike a form, '+' stays '+'. */
    private static String percentDecode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * The value at a JSON pointer, comparable with {@link #wantedValue}: numbers as plain decimals
     * (so that 5, 5.0 and 5.00 are one value), a missing member as the text "(missing)".
     */
    private static String jsonAt(JsonNode body, String pointer) {
        JsonNode value = body.at(pointer);
        if (value.isMissingNode()) {
            return "(missing)";
        }
        return value.isNumber() ? value.decimalValue().stripTrailingZeros().toPlainString() : value.toString();
    }

    private static String wantedValue(JsonNode wanted, SampleWorld world) {
        if (wanted.isNumber()) {
            return wanted.decimalValue().stripTrailingZeros().toPlainString();
        }
        return wanted.isTextual() ? TextNode.valueOf(SampleEvents.fill(wanted.asText(), world.placeholders())).toString() : wanted.toString();
    }

    private static String preview(String body) {
        return body.length() > 400 ? body.substring(0, 400) + "…" : body;
    }

    private static String bodyText(APIGatewayV2HTTPResponse response) {
        String body = response.getBody();
        if (body == null) {
            return "";
        }
        return response.getIsBase64Encoded() ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
    }

    private static JsonNode json(String sample, String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError(sample + "the answer is not JSON: " + body, e);
        }
    }
}
