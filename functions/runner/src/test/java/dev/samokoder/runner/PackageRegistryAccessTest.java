package dev.samokoder.runner;

import dev.samokoder.core.config.SamokoderConfig.Sandbox.PackageRegistry;
import dev.samokoder.sandbox.CommandLauncher;
import dev.samokoder.sandbox.CommandSpec;
import dev.samokoder.sandbox.DirectLauncher;
import dev.samokoder.sandbox.LaunchedCommand;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The runner's way to npm and PyPI on AWS: a CodeArtifact token asked for with SigV4, and npm,
 * Yarn and pip pointed at the stage's repository, only for commands allowed the registries.
 * CodeArtifact is a stand-in on a loopback port.
 */
class PackageRegistryAccessTest {

    private static final PackageRegistry REGISTRY = new PackageRegistry("samokoder-dev", "123456789012", "packages");
    private static final String HOST = "samokoder-dev-123456789012.d.codeartifact.eu-west-1.amazonaws.com";

    @TempDir
    Path temp;

    private HttpServer codeArtifact;
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);

    @BeforeEach
    void startCodeArtifact() throws IOException {
        codeArtifact = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        codeArtifact.createContext("/", exchange -> {
            requests.add(Map.of("method", exchange.getRequestMethod(),
                    "path", exchange.getRequestURI().getPath(),
                    "query", exchange.getRequestURI().getRawQuery(),
                    "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                    "date", String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Date"))));
            byte[] body = (status.get() == 200
                    ? "{\"authorizationToken\":\"tok-3f9a\",\"expiration\":1.7E9}"
                    : "{\"message\":\"User is not authorized to perform: codeartifact:GetAuthorizationToken\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        codeArtifact.start();
    }

    @AfterEach
    void stopCodeArtifact() {
        codeArtifact.stop(0);
    }

    private PackageRegistryAccess access() {
        return new PackageRegistryAccess(REGISTRY, "eu-west-1",
                URI.create("http://127.0.0.1:" + codeArtifact.getAddress().getPort()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG")),
                UrlConnectionHttpClient.create(), temp.resolve("home"));
    }

    @Test
    void theTokenIsAskedForWithSigV4_andNpmYarnAndPipArePointedAtTheRepository() throws IOException {
        // when
        Map<String, String> environment = access().environmentFor(Duration.ofMinutes(10));

        // then: one signed token request for the domain, living past the command's time limit
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.get("method")).isEqualTo("POST");
            assertThat(request.get("path")).isEqualTo("/v1/authorization-token");
            assertThat(request.get("query").split("&"))
                    .containsExactlyInAnyOrder("domain=samokoder-dev", "domain-owner=123456789012", "duration=900");
            assertThat(request.get("authorization"))
                    .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                    .contains("/eu-west-1/codeartifact/aws4_request")
                    .contains("Signature=");
            assertThat(request.get("date")).matches("\\d{8}T\\d{6}Z");
        });
        Path npmrc = temp.resolve("home").resolve(PackageRegistryAccess.NPM_CONFIG_FILE);
        assertThat(environment).containsEntry("NPM_CONFIG_USERCONFIG", npmrc.toString())
                .containsEntry("YARN_NPM_REGISTRY_SERVER", "https://" + HOST + "/npm/packages/")
                .containsEntry("YARN_NPM_AUTH_TOKEN", "tok-3f9a")
                .containsEntry("PIP_INDEX_URL", "https://aws:tok-3f9a@" + HOST + "/pypi/packages/simple/");
        assertThat(Files.readString(npmrc)).isEqualTo(
                "registry=https://" + HOST + "/npm/packages/\n//" + HOST + "/npm/packages/:_authToken=tok-3f9a\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(npmrc))).isEqualTo("rw-------");
    }

    @Test
    void theTokenOutlivesTheTimeLimit_withinCodeArtifactsBounds() {
        assertThat(PackageRegistryAccess.tokenLifetime(Duration.ofSeconds(30))).isEqualTo(Duration.ofMinutes(15));
        assertThat(PackageRegistryAccess.tokenLifetime(Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(35));
        assertThat(PackageRegistryAccess.tokenLifetime(Duration.ofHours(20))).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void aRefusedTokenRequest_isANamedErrorThatSaysWhy() {
        status.set(403);

        assertThatThrownBy(() -> access().environmentFor(Duration.ofMinutes(10)))
                .isInstanceOf(PackageRegistryAccess.RegistryUnavailableException.class)
                .hasMessageContaining("403").hasMessageContaining("samokoder-dev").hasMessageContaining("not authorized");
    }

    @Test
    void onlyACommandAllowedTheRegistries_getsThem_andWithoutATokenItStillRuns() throws Exception {
        List<CommandSpec> launched = new CopyOnWriteArrayList<>();
        CommandLauncher recording = spec -> {
            launched.add(spec);
            return DirectLauncher.unsandboxed().launch(spec);
        };
        RegistryLauncher launcher = new RegistryLauncher(recording, access(), Duration.ofMinutes(10));

        finish(launcher.launch(spec(false)));
        assertThat(requests).isEmpty();
        assertThat(launched.getLast().environment()).doesNotContainKeys("NPM_CONFIG_USERCONFIG", "PIP_INDEX_URL");

        finish(launcher.launch(spec(true)));
        assertThat(requests).hasSize(1);
        assertThat(launched.getLast().environment()).containsKeys("NPM_CONFIG_USERCONFIG", "PIP_INDEX_URL")
                .containsEntry("CI", "true");

        status.set(500);
        finish(launcher.launch(spec(true)));
        assertThat(launched).hasSize(3);
        assertThat(launched.getLast().environment()).doesNotContainKeys("NPM_CONFIG_USERCONFIG", "PIP_INDEX_URL");
    }

    @Test
    void npmReadsTheRegistryFromTheConfigurationGiven() throws Exception {
        assumeTrue(onPath("npm"), "npm is not installed");
        Map<String, String> environment = new java.util.HashMap<>(access().environmentFor(Duration.ofMinutes(10)));
        environment.put("HOME", temp.toString());
        environment.put("PATH", System.getenv("PATH"));

        ProcessBuilder npm = new ProcessBuilder("npm", "config", "get", "registry").directory(temp.toFile()).redirectErrorStream(true);
        npm.environment().clear();
        npm.environment().putAll(environment);
        Process process = npm.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim())
                .isEqualTo("https://" + HOST + "/npm/packages/");
    }

    private CommandSpec spec(boolean allowRegistries) throws IOException {
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        return new CommandSpec("sbx-1", List.of("true"), workspace, "", Map.of("CI", "true", "PATH", "/usr/bin:/bin"), allowRegistries);
    }

    private static void finish(LaunchedCommand command) throws InterruptedException {
        command.process().waitFor(30, TimeUnit.SECONDS);
        command.release();
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
