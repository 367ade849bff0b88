package dev.samokoder.local.api;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.local.LocalPlatform;
import dev.samokoder.services.imports.Zips;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Importing a project from a zip over HTTP, through the local gateway (binary bodies as API Gateway passes them). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportIT {

    private static final String LINK = Zips.LINK;

    private LocalPlatform platform;
    private ApiClient api;
    private String token;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        Map<String, String> env = TestPlatforms.env(dataDir.resolve("data"));
        env.put("SAMOKODER_IMPORT_MAX_ZIP_BYTES", "65536");
        env.put("SAMOKODER_IMPORT_MAX_UPLOAD_BYTES", "131072");
        platform = LocalPlatform.start(SamokoderConfig.fromEnv(env), Clock.systemUTC());
        api = new ApiClient(platform.port());
        token = new PlatformUser(platform.port()).accessToken();
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    private static byte[] zip(Map<String, String> entries) {
        return Zips.of(entries);
    }

    private ApiClient.Response importZip(String name, byte[] zip) {
        return api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.port() + "/v1/projects/import?name=" + name))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip)));
    }

    private int projectCount() {
        return api.get("/v1/projects", token).json().path("items").size();
    }

    @Test
    void aZipBecomesAProjectWithItsFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("todo-main/package.json", "{\"name\": \"todo\"}");
        files.put("todo-main/src/server.js", "require('http')");
        files.put("todo-main/node_modules/x/index.js", "1");

        ApiClient.Response imported = importZip("Todos", zip(files));

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        JsonNode body = imported.json();
        assertThat(body.path("files").asInt()).isEqualTo(2);
        String project = body.at("/project/id").asText();
        assertThat(imported.header("Location")).isEqualTo("/v1/projects/" + project);
        assertThat(api.get("/v1/projects/" + project + "/files/src/server.js", token).body()).contains("require('http')");
        assertThat(api.get("/v1/projects/" + project + "/files", token).body()).contains("package.json").doesNotContain("node_modules");
    }

    @Test
    void aLargerArchiveIsUploadedToItsUrlFirst_andImportedOnce() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("app/README.md", "# Big");
        // larger than a request may carry here (64 KiB) once compressed, within the upload limit (128 KiB)
        files.put("app/data.txt", new java.util.Random(7).ints(120_000, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
        byte[] archive = zip(files);
        assertThat(archive.length).isGreaterThan(65_536).isLessThan(131_072);
        assertThat(importZip("Direct", archive).problemType()).isEqualTo("import-too-large");

        JsonNode upload = api.post("/v1/projects/import/uploads", token, "").json();
        assertThat(upload.path("id").asText()).startsWith("upl_");
        assertThat(upload.path("maxBytes").asLong()).isEqualTo(131_072);
        int put = api.send(HttpRequest.newBuilder(URI.create(upload.path("url").asText())).header("Content-Type", "application/zip")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(archive))).status();
        assertThat(put).isEqualTo(200);
        ApiClient.Response imported = api.post("/v1/projects/import/uploads/" + upload.path("id").asText() + "?name=Big", token, "");

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().path("files").asInt()).isEqualTo(2);
        // an upload is imported once
        assertThat(api.post("/v1/projects/import/uploads/" + upload.path("id").asText() + "?name=Again", token, "").status())
                .isEqualTo(404);
    }

    @Test
    void eachRefusalHasItsOwnProblem_andCreatesNothing() {
        int before = projectCount();
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("import-path-traversal", "../../etc/cron.d/evil");
        refusals.put("import-absolute-path", "/etc/passwd");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            ApiClient.Response refused = importZip("Evil", zip(Map.of(refusal.getValue(), "x")));
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.problemType()).isEqualTo(refusal.getKey());
        }
        ApiClient.Response link = importZip("Evil", zip(Map.of("app/secrets", LINK + "../../../root/.ssh/id_rsa")));
        assertThat(link.status()).isEqualTo(400);
        assertThat(link.problemType()).isEqualTo("import-symlink-escapes");
        // over the request's limit: refused on its size before it is read at all
        ApiClient.Response large = importZip("Large", new byte[70_000]);
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.problemType()).isEqualTo("import-too-large");
        assertThat(projectCount()).isEqualTo(before);
    }
}
