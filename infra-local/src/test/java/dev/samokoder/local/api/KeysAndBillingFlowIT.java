package dev.samokoder.local.api;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.secrets.LocalMasterKeyCipher;
import dev.samokoder.core.storage.Keys;
import dev.samokoder.core.testing.MovableClock;
import dev.samokoder.local.LocalPlatform;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API keys, stored LLM keys, usage and credit end to end: real HTTP against the local gateway, the
 * real handlers, the embedded stack. Every key is small enough to exhaust here:
 * burst 3, one request a second, 5 requests a month.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeysAndBillingFlowIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String ADMIN_EMAIL = "boss@samokoder.test";

    /** The platform's clock: real time, which a test moves on instead of waiting for a rate bucket to refill. */
    private final MovableClock clock = MovableClock.running();
    private LocalPlatform platform;
    private ApiClient api;
    private Path dataDir;
    private final List<String> secretsSeen = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path dataDir) {
        this.dataDir = dataDir;
        Map<String, String> env = TestPlatforms.env(dataDir);
        env.put("SAMOKODER_API_KEY_RATE_LIMIT_PER_MINUTE", "60");
        env.put("SAMOKODER_API_KEY_RATE_LIMIT_BURST", "3");
        env.put("SAMOKODER_API_KEY_MONTHLY_QUOTA", "5");
        env.put("SAMOKODER_ADMIN_EMAILS", ADMIN_EMAIL.toUpperCase());
        platform = LocalPlatform.start(SamokoderConfig.fromEnv(env), clock);
        api = new ApiClient(platform.port());
    }

    @AfterAll
    void stop() throws IOException {
        platform.close();
        TestPlatforms.assertNotLogged(secretsSeen);
    }

    private String signedIn(String email) {
        assertThat(api.post("/v1/auth/register", null, "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").status()).isEqualTo(201);
        JsonNode tokens = api.post("/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").json();
        secretsSeen.add(tokens.path("accessToken").asText());
        secretsSeen.add(tokens.path("refreshToken").asText());
        return tokens.path("accessToken").asText();
    }

    private String signedIn() {
        return signedIn("u" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
    }

    private JsonNode createKey(String token, String scopes) {
        ApiClient.Response created = api.post("/v1/api-keys", token, "{\"name\":\"CI\",\"scopes\":[" + scopes + "]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        secretsSeen.add(created.json().path("key").asText());
        return created.json();
    }

    private ApiClient.Response withKey(String path, String key) {
        return api.send(api.builder(path, null).header("x-api-key", key).GET());
    }

    @Test
    void aProgramCallsTheApiWithItsKey_withinItsScopes_untilTheKeyIsRevoked() {
        String token = signedIn();
        JsonNode created = createKey(token, "\"projects:read\",\"projects:write\"");
        String key = created.path("key").asText();
        assertThat(key).matches("sk_[0-9A-Za-z]{43}").startsWith(created.path("prefix").asText());

        // both ways of sending it work, within the key's scopes
        ApiClient.Response made = api.post("/v1/projects", key, "{\"name\":\"Made by a program\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(withKey("/v1/projects", key).json().path("items").get(0).path("name").asText()).isEqualTo("Made by a program");
        assertThat(api.get("/v1/projects/" + made.json().path("id").asText(), key).status()).isEqualTo(200);

        // outside them: a clear 403, and keys never manage keys
        ApiClient.Response usage = api.get("/v1/usage", key);
        assertThat(usage.status()).isEqualTo(403);
        assertThat(usage.problemType()).isEqualTo("insufficient-scope");
        assertThat(usage.json().path("requiredScope").asText()).isEqualTo("usage:read");
        assertThat(usage.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"samokoder\", error=\"insufficient_scope\", scope=\"usage:read\"");
        ApiClient.Response escalation = api.post("/v1/api-keys", key, "{\"name\":\"more\",\"scopes\":[\"usage:read\"]}");
        assertThat(escalation.status()).isEqualTo(403);
        assertThat(escalation.problemType()).isEqualTo("api-key-not-allowed");

        // the owner sees it, never its secret
        ApiClient.Response listed = api.get("/v1/api-keys", token);
        JsonNode item = listed.json().path("items").get(0);
        assertThat(listed.body()).doesNotContain(key);
        assertThat(item.path("prefix").asText()).isEqualTo(created.path("prefix").asText());
        assertThat(item.path("scopes")).extracting(JsonNode::asText).containsExactly("projects:read", "projects:write");
        assertThat(item.path("lastUsedAt").isTextual()).isTrue();
        assertThat(item.path("usage").path("requests").asLong()).isEqualTo(3);

        // revoked: refused at once (nothing caches an answer), as an unknown key is
        assertThat(api.delete("/v1/api-keys/" + created.path("id").asText(), token).status()).isEqualTo(204);
        ApiClient.Response revoked = withKey("/v1/projects", key);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.problemType()).isEqualTo("invalid-token");
        assertThat(revoked.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        assertThat(api.get("/v1/projects", key).status()).isEqualTo(401);
        assertThat(withKey("/v1/projects", "sk_" + "A".repeat(43)).status()).isEqualTo(401);
        // another user cannot revoke someone else's key: it does not exist for them
        JsonNode other = createKey(token, "\"projects:read\"");
        assertThat(api.delete("/v1/api-keys/" + other.path("id").asText(), signedIn()).status()).isEqualTo(404);
    }

    @Test
    void eachKeyHasItsOwnRateLimitAndMonthlyQuota() {
        String token = signedIn();
        String key = createKey(token, "\"projects:read\"").path("key").asText();
        String otherKey = createKey(token, "\"projects:read\"").path("key").asText();

        // a burst of 3, then 429 with Retry-After (the bucket refills one a second, so a slow machine may get one more
        // through per second the burst took); another key of the same user is not affected
        Instant start = Instant.now();
        int passed = 0;
        ApiClient.Response limited = null;
        while (limited == null) {
            ApiClient.Response response = withKey("/v1/projects", key);
            if (response.status() == 200) {
                passed++;
                assertThat(passed).as("requests through before the limit").isLessThanOrEqualTo(
                        3 + (int) Duration.between(start, Instant.now()).toSeconds());
            } else {
                limited = response;
            }
        }
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.problemType()).isEqualTo("rate-limited");
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(withKey("/v1/projects", otherKey).status()).isEqualTo(200);
        assertThat(api.get("/v1/projects", token).status()).as("the user's own session is not limited by the key").isEqualTo(200);

        // the bucket refills (a second at a time, on the platform's clock) until the month's quota of 5: exactly 5
        // requests of the key ever pass
        ApiClient.Response overQuota;
        while (true) {
            clock.advance(Duration.ofSeconds(1));
            overQuota = withKey("/v1/projects", key);
            if (overQuota.status() == 200) {
                passed++;
                assertThat(passed).as("requests within the quota").isLessThanOrEqualTo(5);
            } else if (overQuota.problemType().equals("quota-exceeded")) {
                break;
            }
        }
        assertThat(passed).isEqualTo(5);
        assertThat(overQuota.status()).isEqualTo(429);
        assertThat(Long.parseLong(overQuota.header("Retry-After"))).isPositive();
    }

    @Test
    void storedLlmKeysAreEncryptedAtRest_andNeverShownAgain() throws IOException {
        String token = signedIn();
        String userId = api.get("/v1/me", token).json().path("id").asText();
        String openAiKey = "sk-proj-" + UUID.randomUUID().toString().replace("-", "");
        secretsSeen.add(openAiKey);

        ApiClient.Response stored = api.put("/v1/llm-keys/openai", token, "{\"apiKey\":\"" + openAiKey + "\"}");
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.json().path("last4").asText()).isEqualTo(openAiKey.substring(openAiKey.length() - 4));
        assertThat(stored.body()).doesNotContain(openAiKey);
        ApiClient.Response listed = api.get("/v1/llm-keys", token);
        assertThat(listed.json().path("items")).extracting(n -> n.path("provider").asText()).containsExactly("openai");
        assertThat(listed.body()).doesNotContain(openAiKey);

        // what DynamoDB holds is ciphertext; the master key is in the data dir, owner-only
        Map<String, AttributeValue> item = platform.clients().dynamoDb().getItem(r -> r.tableName(platform.config().aws().tableName())
                .key(Keys.llmKey(Keys.userPartition(userId), "openai").toAttributes())).item();
        assertThat(item.toString()).doesNotContain(openAiKey).doesNotContain(openAiKey.substring(8, 20));
        assertThat(item.get("scheme").s()).isEqualTo(LocalMasterKeyCipher.SCHEME);
        Path masterKey = dataDir.resolve(LocalMasterKeyCipher.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(masterKey))).isEqualTo("rw-------");

        // an internal base URL is refused; a project's override is the owner's alone
        ApiClient.Response ssrf = api.put("/v1/llm-keys/openai-compatible", token,
                "{\"apiKey\":\"gsk-0123456789\",\"baseUrl\":\"http://169.254.169.254/latest\"}");
        assertThat(ssrf.status()).isEqualTo(400);
        String projectId = api.post("/v1/projects", token, "{\"name\":\"With its own key\"}").json().path("id").asText();
        String projectKey = "sk-ant-" + UUID.randomUUID();
        secretsSeen.add(projectKey);
        assertThat(api.put("/v1/projects/" + projectId + "/llm-keys/anthropic", token, "{\"apiKey\":\"" + projectKey + "\"}").status())
                .isEqualTo(201);
        assertThat(api.get("/v1/projects/" + projectId + "/llm-keys", token).json().path("items").get(0).path("provider").asText())
                .isEqualTo("anthropic");
        assertThat(api.get("/v1/projects/" + projectId + "/llm-keys", signedIn()).status()).isEqualTo(404);

        // removed
        assertThat(api.delete("/v1/llm-keys/openai", token).status()).isEqualTo(204);
        assertThat(api.get("/v1/llm-keys", token).json().path("items")).isEmpty();
        assertThat(api.delete("/v1/llm-keys/openai", token).status()).isEqualTo(404);
    }

    @Test
    void anAdministratorTopsUpCredit_andTheUserSeesItInUsageCreditAndTheCsv() {
        String admin = signedIn(ADMIN_EMAIL);
        String token = signedIn();
        String userId = api.get("/v1/me", token).json().path("id").asText();
        String projectId = api.post("/v1/projects", token, "{\"name\":\"Metered\"}").json().path("id").asText();

        // only an administrator may
        ApiClient.Response refused = api.post("/v1/admin/users/" + userId + "/credit", token, "{\"amountUsd\":100,\"note\":\"me\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemType()).isEqualTo("forbidden");
        ApiClient.Response topUp = api.post("/v1/admin/users/" + userId + "/credit", admin, "{\"amountUsd\":12.5,\"note\":\"invoice 7\"}");
        assertThat(topUp.status()).as(topUp.body()).isEqualTo(201);
        assertThat(topUp.json().path("balanceUsd").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(api.post("/v1/admin/users/usr_0000000000000000000a/credit", admin, "{\"amountUsd\":1,\"note\":\"x\"}").status()).isEqualTo(404);

        ApiClient.Response credit = api.get("/v1/credit", token);
        assertThat(credit.json().path("balanceUsd").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(credit.json().path("items").get(0).path("kind").asText()).isEqualTo("top-up");

        // usage of this month, by a program with usage:read
        String key = createKey(token, "\"usage:read\"").path("key").asText();
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        ApiClient.Response usage = api.get("/v1/usage?month=" + month, key);
        assertThat(usage.status()).as(usage.body()).isEqualTo(200);
        assertThat(usage.json().path("month").asText()).isEqualTo(month);
        assertThat(usage.json().path("creditBalanceUsd").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(usage.json().path("totals").has("runs")).isTrue();
        assertThat(api.get("/v1/usage?month=13-2026", token).status()).isEqualTo(400);

        ApiClient.Response csv = api.send(api.builder("/v1/usage/export?month=" + month, token).GET());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(csv.header("Content-Disposition")).contains("samokoder-usage-" + month + ".csv");
        assertThat(csv.body()).startsWith("month,projectId,runs,llmCalls").contains("\r\n" + month + ",TOTAL,");
        assertThat(projectId).startsWith("prj_");
    }

    @Test
    void aRunThatWouldRunOnThePlatformsProviderNeedsCredit_andAnOwnKeyLiftsThat() {
        // the platform's default model is Anthropic's and this configuration has no Anthropic key: a run would be platform-paid
        String token = signedIn();
        String project = api.post("/v1/projects", token, "{\"name\":\"Unfunded\"}").json().path("id").asText();

        ApiClient.Response refused = api.post("/v1/projects/" + project + "/runs", token, "{\"request\":\"A todo app\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(402);
        assertThat(refused.problemType()).isEqualTo("insufficient-credit");
        assertThat(api.get("/v1/projects/" + project + "/runs", token).json().path("items")).isEmpty();
        // with a key of their own for that provider the user pays the provider, not us: the check lets the run through
        assertThat(api.put("/v1/llm-keys/anthropic", token, "{\"apiKey\":\"sk-ant-own-key-000011112222\"}").status()).isIn(200, 201);
        ApiClient.Response started = api.post("/v1/projects/" + project + "/runs", token, "{\"request\":\"A todo app\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        // (its model calls cannot reach Anthropic from a test; the run is cancelled rather than left to fail)
        assertThat(api.post("/v1/runs/" + started.json().path("id").asText() + "/cancel", token, "").status()).isEqualTo(202);
    }

    @Test
    void aRequestWithoutAnyCredentialIsA401() {
        ApiClient.Response none = api.send(api.builder("/v1/usage", null).GET());
        assertThat(none.status()).isEqualTo(401);
        ApiClient.Response empty = api.send(HttpRequest.newBuilder(api.builder("/v1/usage", null).build().uri()).header("x-api-key", " ").GET());
        assertThat(empty.status()).isEqualTo(401);
    }
}
