package dev.samokoder.core.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AesGcmSecretBoxTest {

    private static final byte[] SECRET = "whsec_abc".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealedSecretsOpenWithTheSameKeyAndContextOnly() {
        AesGcmSecretBox box = AesGcmSecretBox.generate();
        byte[] sealed = box.seal(SECRET, "webhook-secret:hook_1");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("whsec_abc");
        assertThat(box.open(sealed, "webhook-secret:hook_1")).isEqualTo(SECRET);
        assertThat(box.seal(SECRET, "webhook-secret:hook_1")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThatThrownBy(() -> box.open(sealed, "webhook-secret:hook_2")).isInstanceOf(SecretBoxException.class);
        assertThatThrownBy(() -> AesGcmSecretBox.generate().open(sealed, "webhook-secret:hook_1")).isInstanceOf(SecretBoxException.class);
        byte[] tampered = sealed.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> box.open(tampered, "webhook-secret:hook_1")).isInstanceOf(SecretBoxException.class);
        assertThatThrownBy(() -> box.open(new byte[3], "webhook-secret:hook_1")).isInstanceOf(SecretBoxException.class);
    }

    @Test
    void theLocalKeyIsMadeOnceOwnerOnlyAndKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/secret-box.key");
        byte[] sealed = SecretBoxKeys.loadOrCreate(file).seal(SECRET, "ctx");

        assertThat(SecretBoxKeys.loadOrCreate(file).open(sealed, "ctx")).isEqualTo(SECRET);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aDamagedKeyFileIsLeftAsItIs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secret-box.key");
        Files.writeString(file, "not a key");

        assertThatThrownBy(() -> SecretBoxKeys.loadOrCreate(file)).isInstanceOf(IllegalStateException.class).hasMessageContaining("left as it is");
        assertThat(Files.readString(file)).isEqualTo("not a key");
    }
}
