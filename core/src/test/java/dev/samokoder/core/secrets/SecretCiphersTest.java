package dev.samokoder.core.secrets;

import dev.samokoder.core.config.SamokoderConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Both ciphers of stored secrets: the data dir's master key (local) and KMS envelope encryption (AWS, against a stand-in). */
class SecretCiphersTest {

    private static final Map<String, String> CONTEXT = Map.of("purpose", "llm-key", "owner", "USER#usr_a", "provider", "openai");
    private static final byte[] SECRET = "sk-live-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    @Test
    void localMode_generatesTheMasterKeyOnce_ownerOnly_andUsesItAgainAfterARestart(@TempDir Path dataDir) throws Exception {
        LocalMasterKeyCipher first = LocalMasterKeyCipher.inDataDir(dataDir);
        Sealed sealed = first.seal(SECRET, CONTEXT);

        Path file = dataDir.resolve(LocalMasterKeyCipher.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(LocalMasterKeyCipher.inDataDir(dataDir).open(sealed, CONTEXT)).isEqualTo(SECRET);
        assertThat(new String(Base64.getDecoder().decode(sealed.ciphertext()), StandardCharsets.ISO_8859_1)).doesNotContain("sk-live");
        assertThat(first.seal(SECRET, CONTEXT).nonce()).as("a fresh nonce per value").isNotEqualTo(sealed.nonce());
    }

    @Test
    void localMode_refusesAnotherContext_aTamperedValue_andAnotherDataDirsKey(@TempDir Path dataDir, @TempDir Path otherDir) {
        LocalMasterKeyCipher cipher = LocalMasterKeyCipher.inDataDir(dataDir);
        Sealed sealed = cipher.seal(SECRET, CONTEXT);
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        bytes[0] ^= 1;
        Sealed tampered = new Sealed(sealed.scheme(), sealed.keyRef(), sealed.wrappedKey(), sealed.nonce(), Base64.getEncoder().encodeToString(bytes));

        assertThatThrownBy(() -> cipher.open(sealed, Map.of("purpose", "llm-key", "owner", "USER#usr_b", "provider", "openai")))
                .isInstanceOf(SecretUnreadableException.class);
        assertThatThrownBy(() -> cipher.open(tampered, CONTEXT)).isInstanceOf(SecretUnreadableException.class);
        assertThatThrownBy(() -> LocalMasterKeyCipher.inDataDir(otherDir).open(sealed, CONTEXT)).isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void aDamagedMasterKeyFileIsReportedAndLeftAlone(@TempDir Path dataDir) throws Exception {
        Path file = dataDir.resolve(LocalMasterKeyCipher.FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "not base64 !!");

        assertThatThrownBy(() -> LocalMasterKeyCipher.inDataDir(dataDir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("damaged");
        assertThat(Files.readString(file)).isEqualTo("not base64 !!");
    }

    @Test
    void awsMode_sealsWithADataKeyFromKms_storesOnlyTheWrappedKey_andOpensThroughKms() throws Exception {
        try (KmsStandIn kms = new KmsStandIn()) {
            SamokoderConfig config = SamokoderConfig.fromEnv(Map.of("SAMOKODER_KMS_KEY_ID", "alias/samokoder-llm-keys",
                    "SAMOKODER_KMS_ENDPOINT", kms.endpoint().toString()));
            SecretCipher cipher = new KmsEnvelopeCipher(SecretCiphers.kmsClient(config.withAws(config.aws()
                    .withEndpoints(kms.endpoint(), kms.endpoint(), kms.endpoint()))), "alias/samokoder-llm-keys");

            Sealed sealed = cipher.seal(SECRET, CONTEXT);

            assertThat(sealed.scheme()).isEqualTo(KmsEnvelopeCipher.SCHEME);
            assertThat(sealed.keyRef()).isEqualTo(KmsStandIn.KEY_ARN);
            assertThat(sealed.wrappedKey()).isPresent();
            assertThat(kms.generated).hasValue(1);
            assertThat(cipher.open(sealed, CONTEXT)).isEqualTo(SECRET);
            assertThat(kms.decrypted).hasValue(1);
            // KMS itself refuses the data key under another context
            assertThatThrownBy(() -> cipher.open(sealed, Map.of("purpose", "llm-key", "owner", "USER#usr_b", "provider", "openai")))
                    .isInstanceOf(SecretUnreadableException.class);
        }
    }

    @Test
    void outsideLocalModeAKmsKeyIsRequired() {
        SamokoderConfig aws = SamokoderConfig.fromEnv(Map.of());

        assertThatThrownBy(() -> SecretCiphers.create(aws, Path.of("unused")))
                .hasMessageContaining("SAMOKODER_KMS_KEY_ID");
        assertThat(aws.secrets().kmsKeyId()).isEqualTo(Optional.empty());
    }
}
