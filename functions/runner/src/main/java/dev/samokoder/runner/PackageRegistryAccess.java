package dev.samokoder.runner;

import dev.samokoder.core.config.SamokoderConfig.Sandbox.PackageRegistry;
import dev.samokoder.core.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Gives a command that may reach the package registries its way to them on AWS: the sandbox
 * subnets have no route out, so npm and PyPI are reached through the stage's CodeArtifact
 * repository (whose upstreams they are) over its VPC endpoint. Asks CodeArtifact for an
 * authorization token with the task role and returns the environment that points npm (and pnpm,
 * which reads npm's configuration), Yarn and pip at the repository with that token.
 *
 * <p>The token call is CodeArtifact's REST API signed with SigV4 by the SDK's signer: the SDK's
 * CodeArtifact client is not on the Maven mirror this project builds from.
 */
final class PackageRegistryAccess {

    static final String NPM_CONFIG_FILE = "samokoder-npmrc";
    /** CodeArtifact's bounds for a token's lifetime. */
    private static final Duration MIN_TOKEN_LIFETIME = Duration.ofMinutes(15);
    private static final Duration MAX_TOKEN_LIFETIME = Duration.ofHours(12);
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final PackageRegistry registry;
    private final String region;
    private final URI api;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final Path configDirectory;

    /**
     * @param api             CodeArtifact's API, {@code https://codeartifact.<region>.amazonaws.com} on AWS
     * @param configDirectory where the npm configuration file (which holds the token) is written, outside the workspace
     */
    PackageRegistryAccess(PackageRegistry registry, String region, URI api, AwsCredentialsProvider credentials, SdkHttpClient http,
                          Path configDirectory) {
        this.registry = registry;
        this.region = region;
        this.api = api;
        this.credentials = credentials;
        this.http = http;
        this.configDirectory = configDirectory;
    }

    static URI apiOf(String region) {
        return URI.create("https://codeartifact." + region + ".amazonaws.com");
    }

    /**
     * The variables to add to the environment of a command allowed the registries, with a token
     * that outlives its time limit.
     *
     * @throws RegistryUnavailableException when CodeArtifact does not give a token
     */
    Map<String, String> environmentFor(Duration timeLimit) {
        String token = authorizationToken(tokenLifetime(timeLimit));
        String host = registry.domain() + "-" + registry.domainOwner() + ".d.codeartifact." + region + ".amazonaws.com";
        String npmPath = "/npm/" + registry.repository() + "/";
        String npm = "https://" + host + npmPath;
        Path npmConfig = writePrivately(configDirectory.resolve(NPM_CONFIG_FILE),
                "registry=" + npm + "\n//" + host + npmPath + ":_authToken=" + token + "\n");
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("NPM_CONFIG_USERCONFIG", npmConfig.toString());
        environment.put("YARN_NPM_REGISTRY_SERVER", npm);
        environment.put("YARN_NPM_AUTH_TOKEN", token);
        environment.put("PIP_INDEX_URL", "https://aws:" + token + "@" + host + "/pypi/" + registry.repository() + "/simple/");
        return environment;
    }

    static Duration tokenLifetime(Duration timeLimit) {
        Duration wanted = timeLimit.plusMinutes(5);
        if (wanted.compareTo(MIN_TOKEN_LIFETIME) < 0) {
            return MIN_TOKEN_LIFETIME;
        }
        return wanted.compareTo(MAX_TOKEN_LIFETIME) > 0 ? MAX_TOKEN_LIFETIME : wanted;
    }

    private String authorizationToken(Duration lifetime) {
        URI uri = URI.create(api + "/v1/authorization-token?domain=" + encode(registry.domain())
                + "&domain-owner=" + encode(registry.domainOwner()) + "&duration=" + lifetime.toSeconds());
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri).putHeader("Content-Length", "0").build();
        SignedRequest signed;
        try {
            signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials.resolveCredentials())
                    .request(request)
                    .payload(ContentStreamProvider.fromUtf8String(""))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "codeartifact")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        } catch (RuntimeException e) {
            throw new RegistryUnavailableException("no AWS credentials to ask CodeArtifact for a token: " + e.getMessage(), e);
        }
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request()).contentStreamProvider(signed.payload().orElse(null)).build()).call();
            byte[] body = readBounded(response);
            int status = response.httpResponse().statusCode();
            if (status != 200) {
                throw new RegistryUnavailableException("CodeArtifact answered " + status + " to the token request for domain "
                        + registry.domain() + ": " + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8), null);
            }
            JsonNode token = Json.mapper().readTree(body).path("authorizationToken");
            if (!token.isTextual() || token.asText().isBlank()) {
                throw new RegistryUnavailableException("CodeArtifact's answer holds no authorizationToken", null);
            }
            return token.asText();
        } catch (IOException e) {
            throw new RegistryUnavailableException("could not reach CodeArtifact at " + api + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readBounded(HttpExecuteResponse response) throws IOException {
        if (response.responseBody().isEmpty()) {
            return new byte[0];
        }
        try (InputStream body = response.responseBody().get()) {
            return body.readNBytes(MAX_ANSWER_BYTES);
        }
    }

    private static Path writePrivately(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the npm configuration " + file, e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** CodeArtifact gave no token: the command runs without the registries (its installs fail, saying so). */
    static final class RegistryUnavailableException extends RuntimeException {
        RegistryUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
