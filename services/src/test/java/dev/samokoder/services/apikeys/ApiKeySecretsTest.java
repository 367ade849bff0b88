package dev.samokoder.services.apikeys;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeySecretsTest {

    private final ApiKeySecrets secrets = new ApiKeySecrets(new byte[32]);

    @Test
    void secretsHaveOneShape_andAreNotRepeated() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String secret = secrets.newSecret();
            assertThat(ApiKeySecrets.looksLikeKey(secret)).as(secret).isTrue();
            assertThat(seen.add(secret)).isTrue();
        }
    }

    @Test
    void base62_ofTheExtremes() {
        assertThat(ApiKeySecrets.base62(new byte[32])).isEqualTo("0".repeat(43));
        byte[] max = new byte[32];
        java.util.Arrays.fill(max, (byte) 0xff);
        // 2^256 - 1 in base 62 is 43 digits starting with 'O' (24): the fixed length holds every key
        assertThat(ApiKeySecrets.base62(max)).hasSize(43).doesNotStartWith("0");
    }

    @Test
    void lookalikesAreRefusedWithoutALookup() {
        assertThat(ApiKeySecrets.looksLikeKey(null)).isFalse();
        assertThat(ApiKeySecrets.looksLikeKey("sk_short")).isFalse();
        assertThat(ApiKeySecrets.looksLikeKey("pk_" + "a".repeat(43))).isFalse();
        assertThat(ApiKeySecrets.looksLikeKey("sk_" + "a".repeat(42) + "-")).isFalse();
        assertThat(ApiKeySecrets.looksLikeKey("eyJhbGciOiJFUzI1NiJ9.x.y")).isFalse();
    }

    @Test
    void theHashIsKeyed() {
        String secret = secrets.newSecret();
        byte[] other = new byte[32];
        other[0] = 1;

        assertThat(secrets.hash(secret)).hasSize(64).isEqualTo(secrets.hash(secret));
        assertThat(new ApiKeySecrets(other).hash(secret)).isNotEqualTo(secrets.hash(secret));
    }
}
