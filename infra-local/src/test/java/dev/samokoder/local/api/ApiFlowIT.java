package dev.samokoder.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samokoder.local.LocalPlatform;
import dev.samokoder.shared.config.SamokoderConfig;
import dev.samokoder.shared.domain.WorkspacePath;
import dev.samokoder.shared.storage.Storage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import java.nio.file.Path;
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

/** The HTTP API end to end: real HTTP against the local gateway, the real handlers, the embedded stack. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFlowIT {

    private static final String PASSWORD = "correct horse battery staple";

    private LocalPlatform platform;
    private ApiClient api;
    private final List<String> secretsSeen = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path dataDir) {
        Map<String, String> env = TestPlatforms.env(dataDir);
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
        api.post("/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"fifth wrong\"}");

        ApiClient.Response locked = api.post("/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.problemType()).isEqualTo("login-locked");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 15 * 60L);
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
        assertThat(tree.json().path("files").get(0).path("sha256").asText()).hasSize(64);

        // one file, including one whose name needs encoding; HTML is never served as HTML
        assertThat(api.get("/v1/projects/" + projectId + "/files/README.md", token).body()).isEqualTo("# Hello");
        assertThat(api.get("/v1/projects/" + projectId + "/files/src/app/%5Bid%5D/page.tsx", token).body()).isEqualTo("export {}");
        ApiClient.Response html = api.get("/v1/projects/" + projectId + "/files/public/evil.html", token);
        assertThat(html.header("Content-Type")).startsWith("text/plain");
        assertThat(html.header("Content-Security-Policy")).contains("default-src 'none'");

        // the classic traversal payloads: 400 with a problem, or no route at all, never a file
        for (String payload : List.of("..%2f..%2fetc%2fpasswd", "%2e%2e/%2e%2e/etc/passwd", "%252e%252e%252fetc%252fpasswd",
                "src/..%2f..%2f..%2fetc/passwd", "..%5c..%5cwindows%5cwin.ini", "%2fetc%2fpasswd", "README.md%00.txt",
                "a/%2e/b", "..%c0%af..%c0%afetc/passwd")) {
            ApiClient.Response response = api.get("/v1/projects/" + projectId + "/files/" + payload, token);
            assertThat(response.status()).as(payload).isIn(400, 404);
            assertThat(response.body()).as(payload).doesNotContain("root:").doesNotContain("# Hello");
            if (response.status() == 400) {
                assertThat(response.problemType()).as(payload).isEqualTo("invalid-path");
            }
        }
        assertThat(api.get("/v1/projects/" + projectId + "/files/..%2f..%2fetc%2fpasswd", token).status()).isEqualTo(400);

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

        ApiClient.Response oversize = api.post("/v1/projects", token, "{\"name\":\"x\",\"description\":\"" + "a".repeat(1_100_000) + "\"}");
        assertThat(oversize.status()).isEqualTo(413);
        assertThat(oversize.problemType()).isEqualTo("payload-too-large");

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
        ApiClient.Response response = api.get("/v1/openapi.json", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Strict-Transport-Security")).contains("max-age=");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(response.json().path("openapi").asText()).startsWith("3.1");
    }

    @Test
    void aRequestWithoutOrWithABadTokenNeverReachesAHandler() {
        assertThat(api.get("/v1/projects", null).status()).isEqualTo(401);
        assertThat(api.get("/v1/projects", "not.a.jwt").status()).isEqualTo(403);
        String forgedHeader = "eyJhbGciOiJub25lIiwidHlwIjoiYXQrand0In0";
        String forgedClaims = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"sub\":\"usr_00000000000000000000\",\"sid\":\"x\",\"jti\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(api.get("/v1/projects", forgedHeader + "." + forgedClaims + ".").status()).isEqualTo(403);
    }
}
