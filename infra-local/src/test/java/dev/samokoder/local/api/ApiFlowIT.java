package dev.samokoder.local.api;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.core.storage.Storage;
import dev.samokoder.local.LocalPlatform;
import dev.samokoder.services.auth.AccessTokens;
import dev.samokoder.services.auth.SigningKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP API end to end: real HTTP against the local gateway, the real handlers, the embedded stack. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFlowIT {

    private static final String PASSWORD = "correct horse battery staple";

    private static final String ALLOWED_ORIGIN = "https://app.example.com";
    /** Lower than the default 1 MiB, to show the limit is the setting's (ApiEventsIT plays the default). */
    private static final int BODY_LIMIT = 65_536;
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Strict-Transport-Security", "max-age=63072000; includeSubDomains",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox",
            "X-Frame-Options", "DENY",
            "Cache-Control", "no-store");

    private LocalPlatform platform;
    private ApiClient api;
    private Path dataDir;
    private final List<String> secretsSeen = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path dataDir) {
        this.dataDir = dataDir;
        Map<String, String> env = TestPlatforms.env(dataDir);
        env.put("SAMOKODER_CORS_ORIGINS", ALLOWED_ORIGIN);
        env.put("SAMOKODER_MAX_JSON_BODY_BYTES", Integer.toString(BODY_LIMIT));
        platform = LocalPlatform.start(SamokoderConfig.fromEnv(env), Clock.systemUTC());
        api = new ApiClient(platform.port());
    }

    @AfterAll
    void stop() throws IOException {
        platform.close();
        // no secret that crossed the API during these tests is in the log
        TestPlatforms.assertNotLogged(secretsSeen);
    }

    private static String email() {
        return "u" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private String register(String email) {
        ApiClient.Response response = api.post("/v1/auth/register", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"Tester\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        secretsSeen.add(PASSWORD);
        return response.json().path("id").asText();
    }

    private JsonNode login(String email) {
        ApiClient.Response response = api.post("/v1/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Set-Cookie")).as("tokens travel in the body and the Authorization header, never in cookies").isNull();
        JsonNode tokens = response.json();
        secretsSeen.add(tokens.path("accessToken").asText());
        secretsSeen.add(tokens.path("refreshToken").asText());
        return tokens;
    }

    private String signedIn() {
        String email = email();
        register(email);
        return login(email).path("accessToken").asText();
    }

    @Test
    void registerLoginCreateListUpdateWithStaleVersionAndDelete() {
        // register and log in
        String email = email();
        String userId = register(email);
        JsonNode tokens = login(email.toUpperCase());
        String token = tokens.path("accessToken").asText();
        assertThat(tokens.path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(tokens.path("expiresIn").asLong()).isBetween(1L, 900L);

        ApiClient.Response me = api.get("/v1/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("id").asText()).isEqualTo(userId);
        assertThat(me.json().has("passwordHash")).isFalse();

        // create
        ApiClient.Response created = api.post("/v1/projects", token,
                "{\"name\":\"Todo app\",\"description\":\"Tasks with due dates\",\"settings\":{\"budgetUsd\":5.5,\"autonomy\":\"autonomous\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String projectId = created.json().path("id").asText();
        assertThat(created.header("Location")).isEqualTo("/v1/projects/" + projectId);
        assertThat(created.json().path("settings").path("budgetUsd").decimalValue()).isEqualByComparingTo("5.5");

        // list
        ApiClient.Response list = api.get("/v1/projects", token);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("items")).extracting(node -> node.path("id").asText()).containsExactly(projectId);
        assertThat(list.json().has("nextCursor")).isFalse();

        // list page by page: newest first, each project once, the cursor leading on until the end
        List<String> more = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            more.addFirst(api.post("/v1/projects", token, "{\"name\":\"Project " + i + "\"}").json().path("id").asText());
        }
        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiClient.Response page = api.get("/v1/projects?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().path("items").size()).isBetween(1, 2);
            page.json().path("items").forEach(item -> paged.add(item.path("id").asText()));
            cursor = page.json().hasNonNull("nextCursor")
                    ? java.net.URLEncoder.encode(page.json().path("nextCursor").asText(), StandardCharsets.UTF_8) : null;
            pages++;
        } while (cursor != null && pages < 10);
        List<String> expected = new ArrayList<>(more);
        expected.add(projectId);
        assertThat(paged).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(3);
        for (String extra : more) {
            assertThat(api.delete("/v1/projects/" + extra, token).status()).isEqualTo(204);
        }

        // update, then update again with the stale version: 409 and nothing lost
        ApiClient.Response renamed = api.patch("/v1/projects/" + projectId, token, "{\"version\":1,\"name\":\"Todo app v2\",\"settings\":{\"budgetUsd\":null}}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().path("version").asLong()).isEqualTo(2);
        assertThat(renamed.json().path("settings").has("budgetUsd")).isFalse();
        assertThat(renamed.json().path("settings").path("autonomy").asText()).isEqualTo("autonomous");
        ApiClient.Response stale = api.patch("/v1/projects/" + projectId, token, "{\"version\":1,\"name\":\"Lost update\"}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.problemType()).isEqualTo("version-conflict");
        assertThat(stale.json().path("currentVersion").asLong()).isEqualTo(2);
        assertThat(api.get("/v1/projects/" + projectId, token).json().path("name").asText()).isEqualTo("Todo app v2");

        // delete
        assertThat(api.delete("/v1/projects/" + projectId, token).status()).isEqualTo(204);
        assertThat(api.get("/v1/projects/" + projectId, token).status()).isEqualTo(404);
        assertThat(api.get("/v1/projects", token).json().path("items")).isEmpty();
    }

    @Test
    void refreshRotatesAndReuseRevokesTheWholeSession() {
        String email = email();
        register(email);
        JsonNode first = login(email);
        String original = first.path("refreshToken").asText();

        ApiClient.Response rotated = api.post("/v1/auth/refresh", null, "{\"refreshToken\":\"" + original + "\"}");
        assertThat(rotated.status()).isEqualTo(200);
        String second = rotated.json().path("refreshToken").asText();
        secretsSeen.add(second);
        secretsSeen.add(rotated.json().path("accessToken").asText());
        assertThat(second).isNotEqualTo(original);
        assertThat(api.get("/v1/me", rotated.json().path("accessToken").asText()).status()).isEqualTo(200);

        // the old token again: reuse; the session is revoked, so the new token stops working too
        ApiClient.Response reuse = api.post("/v1/auth/refresh", null, "{\"refreshToken\":\"" + original + "\"}");
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.problemType()).isEqualTo("invalid-refresh-token");
        assertThat(api.post("/v1/auth/refresh", null, "{\"refreshToken\":\"" + second + "\"}").status()).isEqualTo(401);
    }

    @Test
    void logoutEndsTheSession() {
        String email = email();
        register(email);
        String refresh = login(email).path("refreshToken").asText();

        assertThat(api.post("/v1/auth/logout", null, "{\"refreshToken\":\"" + refresh + "\"}").status()).isEqualTo(204);

        assertThat(api.post("/v1/auth/refresh", null, "{\"refreshToken\":\"" + refresh + "\"}").status()).isEqualTo(401);
    }

    @Test
    void fiveFailedLoginsLockTheEmailAndUnknownEmailsLookTheSame() {
        String email = email();
        register(email);
        String unknown = email();
        for (int i = 0; i < 4; i++) {
            ApiClient.Response wrong = api.post("/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"wrong password " + i + "\"}");
            ApiClient.Response nobody = api.post("/v1/auth/login", null, "{\"email\":\"" + unknown + "\",\"password\":\"wrong password " + i + "\"}");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(nobody.status()).isEqualTo(401);
            assertThat(nobody.body()).isEqualTo(wrong.body());
        }
        ApiClient.Response fifth = api.post("/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"fifth wrong\"}");
        ApiClient.Response fifthNobody = api.post("/v1/auth/login", null, "{\"email\":\"" + unknown + "\",\"password\":\"fifth wrong\"}");
        assertThat(fifth.status()).isEqualTo(401);
        assertThat(fifthNobody.body()).isEqualTo(fifth.body());

        // the sixth attempt, even with the right password, is refused for 15 minutes; an unknown email alike
        ApiClient.Response locked = api.post("/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        ApiClient.Response lockedNobody = api.post("/v1/auth/login", null, "{\"email\":\"" + unknown + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.problemType()).isEqualTo("login-locked");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(15 * 60L - 60, 15 * 60L);
        assertThat(lockedNobody.status()).isEqualTo(429);
        assertThat(lockedNobody.problemType()).isEqualTo("login-locked");
        assertThat(Long.parseLong(lockedNobody.header("Retry-After"))).isBetween(15 * 60L - 60, 15 * 60L);
        // the lock is per email: another account is not affected
        String other = email();
        register(other);
        login(other);
    }

    @Test
    void anotherUsersProjectIsA404ExactlyLikeAMissingOne() {
        String alice = signedIn();
        String bob = signedIn();
        String aliceProject = api.post("/v1/projects", alice, "{\"name\":\"Alice's\"}").json().path("id").asText();
        String missing = "prj_00000000000000000000";

        for (String path : List.of("", "/files", "/files/README.md", "/export")) {
            ApiClient.Response theirs = api.get("/v1/projects/" + aliceProject + path, bob);
            ApiClient.Response none = api.get("/v1/projects/" + missing + path, bob);
            assertThat(theirs.status()).as(path).isEqualTo(404);
            assertThat(none.status()).as(path).isEqualTo(404);
            assertThat(theirs.problemType()).isEqualTo(none.problemType());
        }
        assertThat(api.patch("/v1/projects/" + aliceProject, bob, "{\"version\":1,\"name\":\"mine now\"}").status()).isEqualTo(404);
        assertThat(api.delete("/v1/projects/" + aliceProject, bob).status()).isEqualTo(404);
        assertThat(api.get("/v1/projects", bob).json().path("items")).isEmpty();
        assertThat(api.get("/v1/projects/" + aliceProject, alice).json().path("name").asText()).isEqualTo("Alice's");
    }

    @Test
    void filesAreServedAndTraversalAttemptsAreRefused() throws Exception {
        // given: a project with files written through the storage layer (agents will write them)
        String token = signedIn();
        String projectId = api.post("/v1/projects", token, "{\"name\":\"With files\"}").json().path("id").asText();
        Storage storage = Storage.create(platform.clients(), platform.config(), Clock.systemUTC());
        storage.files().create(projectId, WorkspacePath.of("README.md"), storage.blobs().put("# Hello".getBytes(StandardCharsets.UTF_8)));
        storage.files().create(projectId, WorkspacePath.of("src/app/[id]/page.tsx"), storage.blobs().put("export {}".getBytes(StandardCharsets.UTF_8)));
        storage.files().create(projectId, WorkspacePath.of("public/evil.html"), storage.blobs().put("<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)));

        // tree
        ApiClient.Response tree = api.get("/v1/projects/" + projectId + "/files", token);
        assertThat(tree.status()).isEqualTo(200);
        assertThat(tree.json().path("files")).extracting(f -> f.path("path").asText())
                .containsExactly("README.md", "public/evil.html", "src/app/[id]/page.tsx");
        JsonNode readme = tree.json().path("files").get(0);
        assertThat(readme.path("size").asLong()).isEqualTo("# Hello".length());
        assertThat(readme.path("sha256").asText())
                .isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest("# Hello".getBytes(StandardCharsets.UTF_8))));

        // one file, including one whose name needs encoding; HTML is never served as HTML
        assertThat(api.get("/v1/projects/" + projectId + "/files/README.md", token).body()).isEqualTo("# Hello");
        assertThat(api.get("/v1/projects/" + projectId + "/files/src/app/%5Bid%5D/page.tsx", token).body()).isEqualTo("export {}");
        ApiClient.Response html = api.get("/v1/projects/" + projectId + "/files/public/evil.html", token);
        assertThat(html.header("Content-Type")).startsWith("text/plain");
        assertThat(html.header("Content-Security-Policy")).contains("default-src 'none'");

        // the classic traversal payloads, plain, encoded and double-encoded: each a 400 invalid-path, never a file
        for (String payload : List.of("../../etc/passwd", "..%2f..%2fetc%2fpasswd", "%2e%2e/%2e%2e/etc/passwd",
                "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%252e%252e%252fetc%252fpasswd", "..%252f..%252fetc%252fpasswd",
                "src/..%2f..%2f..%2fetc/passwd", "src/%2e%2e/%2e%2e/README.md", "..%5c..%5cwindows%5cwin.ini",
                "%255c..%255cwin.ini", "%2fetc%2fpasswd", "%252fetc%252fpasswd", "README.md%00.txt", "README.md%2500.txt",
                "a/%2e/b", "a//b", "src%2f%2e%2e%2fREADME.md", "%0d%0aREADME.md")) {
            ApiClient.Response response = api.get("/v1/projects/" + projectId + "/files/" + payload, token);
            assertThat(response.status()).as(payload + ": " + response.body()).isEqualTo(400);
            assertThat(response.problemType()).as(payload).isEqualTo("invalid-path");
            assertThat(response.header("Content-Type")).as(payload).isEqualTo("application/problem+json");
            assertThat(response.body()).as(payload).doesNotContain("root:").doesNotContain("# Hello");
        }
        // an overlong UTF-8 '/' is not a separator: it names a file that does not exist
        ApiClient.Response overlong = api.get("/v1/projects/" + projectId + "/files/..%c0%af..%c0%afetc/passwd", token);
        assertThat(overlong.status()).isEqualTo(404);
        assertThat(overlong.problemType()).isEqualTo("not-found");

        // build output, coverage and a virtualenv are never exported: the zip is the app's source
        for (String generated : List.of("dist/assets/index.js", "coverage/lcov.info", "api/.venv/bin/python", ".pytest_cache/README.md")) {
            storage.files().create(projectId, WorkspacePath.of(generated), storage.blobs().put(generated.getBytes(StandardCharsets.UTF_8)));
        }

        // export: a presigned link to a zip of exactly these files
        ApiClient.Response export = api.get("/v1/projects/" + projectId + "/export", token);
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.json().path("fileCount").asInt()).isEqualTo(3);
        HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(export.json().path("url").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                names.add(entry.getName());
            }
        }
        assertThat(names).containsExactly("README.md", "public/evil.html", "src/app/[id]/page.tsx");
    }

    @Test
    void badInputIsAClearProblemNeverA500() {
        String token = signedIn();

        ApiClient.Response malformed = api.post("/v1/projects", token, "{\"name\": \"unterminated");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.problemType()).isEqualTo("malformed-json");

        ApiClient.Response unknownField = api.post("/v1/projects", token, "{\"name\":\"x\",\"ownerId\":\"usr_someone_else\"}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.problemType()).isEqualTo("validation");
        assertThat(unknownField.json().path("errors").get(0).path("field").asText()).isEqualTo("ownerId");

        ApiClient.Response invalid = api.post("/v1/projects", token, "{\"name\":\"\",\"settings\":{\"budgetUsd\":-1,\"autonomy\":\"yolo\"}}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("errors")).extracting(e -> e.path("field").asText())
                .contains("name", "settings.budgetUsd", "settings.autonomy");

        ApiClient.Response wrongType = api.post("/v1/projects", token, "{\"name\":42}");
        assertThat(wrongType.status()).isEqualTo(400);

        ApiClient.Response notJson = api.send(api.builder("/v1/projects", token).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("name=x")));
        assertThat(notJson.status()).isEqualTo(415);

        String shell = "{\"name\":\"x\",\"description\":\"\"}";
        String atTheLimit = shell.replace("\"\"}", "\"" + "a".repeat(BODY_LIMIT - shell.length()) + "\"}");
        ApiClient.Response atLimit = api.post("/v1/projects", token, atTheLimit);
        assertThat(atLimit.status()).as("read, then refused for the description's length").isEqualTo(400);
        assertThat(atLimit.json().path("errors").get(0).path("field").asText()).isEqualTo("description");
        ApiClient.Response oversize = api.post("/v1/projects", token, atTheLimit.replace("{", "{ "));
        assertThat(oversize.status()).isEqualTo(413);
        assertThat(oversize.problemType()).isEqualTo("payload-too-large");
        assertThat(oversize.json().path("detail").asText()).contains(Integer.toString(BODY_LIMIT));

        ApiClient.Response badLimit = api.get("/v1/projects?limit=1000", token);
        assertThat(badLimit.status()).isEqualTo(400);
        ApiClient.Response badCursor = api.get("/v1/projects?cursor=bm90LWEtY3Vyc29y", token);
        assertThat(badCursor.status()).isEqualTo(400);

        ApiClient.Response weak = api.post("/v1/auth/register", null, "{\"email\":\"" + email() + "\",\"password\":\"password123\"}");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().path("errors").get(0).path("field").asText()).isEqualTo("password");

        for (ApiClient.Response response : List.of(malformed, unknownField, invalid, wrongType, notJson, oversize, badLimit, badCursor, weak)) {
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.samokoder");
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        String token = signedIn();
        Map<String, ApiClient.Response> responses = new java.util.LinkedHashMap<>();
        responses.put("200 from a handler", api.get("/v1/openapi.json", null));
        responses.put("400 from a handler", api.post("/v1/projects", token, "{\"name\": "));
        responses.put("404 from a handler", api.get("/v1/projects/prj_00000000000000000000", token));
        responses.put("413 from a handler", api.post("/v1/projects", token, "{\"name\":\"" + "a".repeat(1_100_000) + "\"}"));
        responses.put("401 without a token", api.get("/v1/projects", null));
        responses.put("401 for a refused token", api.get("/v1/projects", "not.a.jwt"));
        responses.put("404 without a route (the gateway's)", api.get("/v1/no-such-route", token));
        responses.put("405 (the gateway's)", api.send(api.builder("/v1/projects/prj_00000000000000000000", token)
                .method("PUT", HttpRequest.BodyPublishers.noBody())));
        responses.put("preflight (the gateway's)", api.send(api.builder("/v1/projects", null).header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "PUT").method("OPTIONS", HttpRequest.BodyPublishers.noBody())));
        responses.put("health (the gateway's)", api.get("/health", null));

        assertThat(responses.get("200 from a handler").json().path("openapi").asText()).startsWith("3.1");
        responses.forEach((what, response) -> {
            for (Map.Entry<String, String> header : SECURITY_HEADERS.entrySet()) {
                assertThat(response.header(header.getKey())).as(what + ": " + header.getKey()).isEqualTo(header.getValue());
            }
        });
        assertThat(responses.values()).extracting(ApiClient.Response::status)
                .containsExactly(200, 400, 404, 413, 401, 401, 404, 405, 204, 200);
    }

    @Test
    void corsAnswersOnlyTheConfiguredOrigins() {
        String token = signedIn();
        ApiClient.Response preflight = api.send(api.builder("/v1/llm-keys/openai", null).header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "PUT").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("PUT").contains("PATCH").contains("DELETE");
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Authorization").contains("X-Api-Key");

        ApiClient.Response allowed = api.send(api.builder("/v1/projects", token).header("Origin", ALLOWED_ORIGIN).GET());
        ApiClient.Response refusedByTheGateway = api.send(api.builder("/v1/projects", null).header("Origin", ALLOWED_ORIGIN).GET());
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
        assertThat(refusedByTheGateway.status()).isEqualTo(401);
        assertThat(refusedByTheGateway.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);

        for (ApiClient.Response other : List.of(
                api.send(api.builder("/v1/projects", null).header("Origin", "https://evil.example")
                        .header("Access-Control-Request-Method", "GET").method("OPTIONS", HttpRequest.BodyPublishers.noBody())),
                api.send(api.builder("/v1/projects", token).header("Origin", "https://evil.example").GET()),
                api.send(api.builder("/v1/projects", null).header("Origin", "https://evil.example").GET()))) {
            assertThat(other.header("Access-Control-Allow-Origin")).isNull();
            assertThat(other.header("Access-Control-Allow-Methods")).isNull();
        }
    }

    @Test
    void eachRequestIsLoggedAsJsonWithItsRequestIdAndUserId_andNeverWithTheTokenItUsed() throws IOException {
        String email = email();
        String userId = register(email);
        String token = login(email).path("accessToken").asText();

        ApiClient.Response me = api.get("/v1/me", token);
        assertThat(me.status()).isEqualTo(200);
        String requestId = me.header("apigw-requestid");

        JsonNode access = TestPlatforms.logLines().stream()
                .filter(line -> line.path("loggerName").asText().equals("access"))
                .filter(line -> line.path("mdc").path("requestId").asText().equals(requestId))
                .findFirst().orElseThrow(() -> new AssertionError("no access log line for request " + requestId));
        assertThat(access.path("mdc").path("userId").asText()).isEqualTo(userId);
        assertThat(access.path("mdc").path("route").asText()).isEqualTo("GET /v1/me");
        assertThat(access.path("formattedMessage").asText()).startsWith("GET /v1/me -> 200 in ");
        assertThat(TestPlatforms.logText()).doesNotContain(token).doesNotContain(PASSWORD);
    }

    @Test
    void localModeSignsWithAnEs256KeyItGeneratedIntoTheDataDir() throws Exception {
        Path keyFile = dataDir.resolve("keys/jwt-signing-key.json");
        assertThat(keyFile).isRegularFile();
        assertThat(Files.getPosixFilePermissions(keyFile)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        ECKey key = SigningKeys.parse(Files.readString(keyFile));
        String email = email();
        String userId = register(email);

        SignedJWT token = SignedJWT.parse(login(email).path("accessToken").asText());

        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(token.verify(new ECDSAVerifier(key.toPublicJWK()))).isTrue();
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(userId);
        assertThat(claims.getIssuer()).isEqualTo(platform.config().auth().issuer());
        assertThat(claims.getAudience()).containsExactly(platform.config().auth().audience());
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(15 * 60 * 1000L);
    }

    /**
     * RFC 6750 over HTTP, through the gateway: no credential, another scheme, and a token that is
     * garbage, unsigned, tampered with or expired each get 401, a Bearer challenge and a problem; a
     * valid token of a user who may not do something gets 403.
     */
    @Test
    void aMissingOrRefusedCredentialIsA401WithABearerChallenge() throws Exception {
        String email = email();
        String userId = register(email);
        String token = login(email).path("accessToken").asText();
        String[] parts = token.split("\\.");
        String otherClaims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace(userId, "usr_00000000000000000000").getBytes(StandardCharsets.UTF_8));
        String unsignedHeader = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8));
        ECKey key = SigningKeys.parse(Files.readString(dataDir.resolve("keys/jwt-signing-key.json")));
        var auth = platform.config().auth();
        String expired = new AccessTokens(key, auth.issuer(), auth.audience(), auth.accessTokenTtl(),
                Clock.offset(Clock.systemUTC(), java.time.Duration.ofHours(-1))).issue(userId, "ses_x").token();
        String bare = "Bearer realm=\"samokoder\"";
        String invalid = "Bearer realm=\"samokoder\", error=\"invalid_token\", error_description=\"The credential is not valid\"";

        Map<String, ApiClient.Response> refused = new java.util.LinkedHashMap<>();
        refused.put("none", api.get("/v1/projects", null));
        refused.put("Basic", api.send(api.builder("/v1/projects", null).header("Authorization", "Basic dXNlcjpwYXNz").GET()));
        refused.put("garbage", api.get("/v1/projects", "not.a.jwt"));
        refused.put("alg none", api.get("/v1/projects", unsignedHeader + "." + parts[1] + "."));
        refused.put("tampered", api.get("/v1/projects", parts[0] + "." + otherClaims + "." + parts[2]));
        refused.put("expired", api.get("/v1/projects", expired));

        refused.forEach((what, response) -> {
            assertThat(response.status()).as(what).isEqualTo(401);
            assertThat(response.header("Content-Type")).as(what).isEqualTo("application/problem+json");
            assertThat(response.json().path("status").asInt()).as(what).isEqualTo(401);
        });
        assertThat(refused.get("none").header("WWW-Authenticate")).isEqualTo(bare);
        assertThat(refused.get("Basic").header("WWW-Authenticate")).isEqualTo(bare);
        assertThat(refused.get("Basic").json().path("detail").asText()).contains("only the Bearer scheme");
        for (String what : List.of("garbage", "alg none", "tampered")) {
            assertThat(refused.get(what).header("WWW-Authenticate")).as(what).isEqualTo(invalid);
            assertThat(refused.get(what).problemType()).as(what).isEqualTo("invalid-token");
        }
        assertThat(refused.get("expired").header("WWW-Authenticate")).contains("error=\"invalid_token\"", "expired");
        assertThat(refused.get("expired").json().path("detail").asText()).contains("POST /v1/auth/refresh");
        assertThat(TestPlatforms.logText()).doesNotContain(expired);

        ApiClient.Response notAdmin = api.post("/v1/admin/users/" + userId + "/credit", token, "{\"amountUsd\":1,\"note\":\"me\"}");
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(notAdmin.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(api.get("/v1/projects", token).status()).as("the real token still works").isEqualTo(200);
    }
}
