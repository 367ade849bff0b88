package dev.samokoder.local;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.domain.ProjectSettings;
import dev.samokoder.core.domain.User;
import dev.samokoder.core.http.Json;
import dev.samokoder.core.storage.Storage;
import dev.samokoder.embedded.PortInUseException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalPlatformIT {

    private static SamokoderConfig config(Path dataDir, int port) {
        return SamokoderConfig.fromEnv(Map.of(
                "SAMOKODER_DATA_DIR", dataDir.toString(),
                "SAMOKODER_PORT", Integer.toString(port),
                "SAMOKODER_STATIC_DIR", dataDir.resolve("no-frontend").toString()));
    }

    @Test
    void healthShowsEveryComponentUp(@TempDir Path dataDir) throws Exception {
        try (LocalPlatform platform = LocalPlatform.start(config(dataDir, 0), Clock.systemUTC())) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + platform.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode health = Json.mapper().readTree(response.body());
            assertThat(health.path("status").asText()).isEqualTo("up");
            for (String component : new String[] {"dynamodb", "s3", "sqs", "stepfunctions"}) {
                assertThat(health.path("components").path(component).path("status").asText()).as(component).isEqualTo("up");
                assertThat(health.path("components").path(component).has("latencyMs")).isTrue();
            }
        }
    }

    @Test
    void dataWrittenBeforeARestartIsStillThereAfterIt(@TempDir Path dataDir) {
        // given: a user, a project and a file written, then the platform stopped
        String userId;
        String projectId;
        byte[] content = "export default function App() {}".getBytes();
        try (LocalPlatform platform = LocalPlatform.start(config(dataDir, 0), Clock.systemUTC())) {
            Storage storage = Storage.create(platform.clients(), platform.config(), Clock.systemUTC());
            User user = storage.users().create("restart@example.com", "Restart", "hash");
            userId = user.id();
            projectId = storage.projects().create(userId, "Survivor", "", ProjectSettings.defaults()).id();
            storage.files().create(projectId, dev.samokoder.core.domain.WorkspacePath.of("src/App.tsx"), storage.blobs().put(content));
        }

        // when: started again on the same data dir
        try (LocalPlatform platform = LocalPlatform.start(config(dataDir, 0), Clock.systemUTC())) {
            Storage storage = Storage.create(platform.clients(), platform.config(), Clock.systemUTC());

            // then
            assertThat(storage.users().findByEmail("restart@example.com")).map(User::id).contains(userId);
            assertThat(storage.projects().getOwned(projectId, userId)).map(p -> p.name()).contains("Survivor");
            var file = storage.files().get(projectId, dev.samokoder.core.domain.WorkspacePath.of("src/App.tsx")).orElseThrow();
            assertThat(storage.blobs().get(file.blob().sha256())).isEqualTo(content);
        }
    }

    @Test
    void aTakenGatewayPortIsReportedWithItsVariableAndNothingIsLeftRunning(@TempDir Path dataDir) throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));

            assertThatThrownBy(() -> LocalPlatform.start(config(dataDir, taken.getLocalPort()), Clock.systemUTC()))
                    .isInstanceOfSatisfying(PortInUseException.class, e -> {
                        assertThat(e.component()).isEqualTo("gateway");
                        assertThat(LocalMain.portVariable(e.component())).isEqualTo("SAMOKODER_PORT");
                    });
        }
        // the failed start released the data dir: a new start works
        LocalPlatform.start(config(dataDir, 0), Clock.systemUTC()).close();
    }
}
