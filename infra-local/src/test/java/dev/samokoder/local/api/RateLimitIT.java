package dev.samokoder.local.api;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.local.LocalPlatform;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitIT {

    @Test
    void aUserOverTheLimitGets429WithRetryAfterAndOthersAreUnaffected(@TempDir Path dataDir) {
        Map<String, String> env = Map.of(
                "SAMOKODER_DATA_DIR", dataDir.toString(),
                "SAMOKODER_PORT", "0",
                "SAMOKODER_ARGON2_MEMORY_KIB", "1024",
                "SAMOKODER_ARGON2_ITERATIONS", "1",
                "SAMOKODER_RATE_LIMIT_PER_MINUTE", "60",
                "SAMOKODER_RATE_LIMIT_BURST", "5");
        try (LocalPlatform platform = LocalPlatform.start(SamokoderConfig.fromEnv(env), Clock.systemUTC())) {
            ApiClient api = new ApiClient(platform.port());
            // register and login are public: they count against the IP's bucket (4 of 5)
            String token = signUp(api, "limited@example.com");
            String otherToken = signUp(api, "patient@example.com");

            int ok = 0;
            ApiClient.Response limited = null;
            for (int i = 0; i < 10 && limited == null; i++) {
                ApiClient.Response response = api.get("/v1/projects", token);
                if (response.status() == 429) {
                    limited = response;
                } else {
                    assertThat(response.status()).isEqualTo(200);
                    ok++;
                }
            }

            assertThat(ok).isEqualTo(5);
            assertThat(limited).isNotNull();
            assertThat(limited.problemType()).isEqualTo("rate-limited");
            assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 2L);
            // the bucket is the user's: another user still gets through at once
            assertThat(api.get("/v1/projects", otherToken).status()).isEqualTo(200);
        }
    }

    private static String signUp(ApiClient api, String email) {
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"a long enough passphrase\"}";
        assertThat(api.post("/v1/auth/register", null, credentials).status()).isEqualTo(201);
        return api.post("/v1/auth/login", null, credentials).json().path("accessToken").asText();
    }
}
