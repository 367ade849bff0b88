package dev.samokoder.core.secrets;

import dev.samokoder.core.config.ConfigException;
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

/**
 * The cipher of stored secrets, each path: the data dir's master key (local), KMS envelope encryption (AWS,
 * against a stand-in), and reading what the retired secret box sealed (its key configured, in the data dir, or missing).
 */
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

    @Test
    void theCipherOpensWhatTheRetiredSecretBoxSealed_withTheConfiguredKey_boundToItsOwnAssociatedData(@TempDir Path dataDir) {
        OldSecretBox old = OldSecretBox.generate();
        byte[] bytes = old.seal(SECRET, "webhook-secret:hook_1");
        SecretCipher cipher = SecretCiphers.create(local(Map.of("SAMOKODER_SECRET_BOX_KEY", old.base64Key())), dataDir);

        assertThat(cipher.open(new LegacySealed(bytes, "webhook-secret:hook_1"), CONTEXT)).isEqualTo(SECRET);
        assertThatThrownBy(() -> cipher.open(new LegacySealed(bytes, "webhook-secret:hook_2"), CONTEXT))
                .as("copied to another item").isInstanceOf(SecretUnreadableException.class);
        bytes[bytes.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.open(new LegacySealed(bytes, "webhook-secret:hook_1"), CONTEXT))
                .as("tampered with").isInstanceOf(SecretUnreadableException.class);
        SecretCipher otherKey = SecretCiphers.create(local(Map.of("SAMOKODER_SECRET_BOX_KEY", OldSecretBox.generate().base64Key())), dataDir);
        assertThatThrownBy(() -> otherKey.open(new LegacySealed(old.seal(SECRET, "a"), "a"), CONTEXT))
                .isInstanceOf(SecretUnreadableException.class).hasMessageContaining("SAMOKODER_SECRET_BOX_KEY");
        assertThat(cipher.seal(SECRET, CONTEXT).scheme()).as("it writes the current format only").isEqualTo(LocalMasterKeyCipher.SCHEME);
    }

    @Test
    void onAwsTheLegacyKeyComesFromConfiguration_andTheCipherStillSealsWithKms() throws Exception {
        try (KmsStandIn kms = new KmsStandIn()) {
            OldSecretBox old = OldSecretBox.generate();
            SamokoderConfig config = SamokoderConfig.fromEnv(Map.of("SAMOKODER_KMS_KEY_ID", "alias/samokoder-secrets",
                    "SAMOKODER_KMS_ENDPOINT", kms.endpoint().toString(), "SAMOKODER_SECRET_BOX_KEY", old.base64Key()));
            // the stand-in takes the local credentials, which local mode's endpoints select
            SecretCipher cipher = SecretCiphers.create(config.withAws(config.aws()
                    .withEndpoints(kms.endpoint(), kms.endpoint(), kms.endpoint())), null);

            assertThat(cipher.open(new LegacySealed(old.seal(SECRET, "notification-secret:prj_1"), "notification-secret:prj_1"), CONTEXT))
                    .isEqualTo(SECRET);
            assertThat(kms.decrypted).as("the old box needs no KMS call").hasValue(0);
            Sealed sealed = cipher.seal(SECRET, CONTEXT);
            assertThat(sealed.scheme()).isEqualTo(KmsEnvelopeCipher.SCHEME);
            assertThat(cipher.open((StoredSecret) sealed, CONTEXT)).isEqualTo(SECRET);
        }
    }

    @Test
    void locallyTheOldKeyFileOfTheDataDirIsRead_butNeverMade(@TempDir Path dataDir) throws Exception {
        OldSecretBox old = OldSecretBox.generate();
        SecretCipher cipher = SecretCiphers.create(local(Map.of()), dataDir);
        cipher.seal(SECRET, CONTEXT);
        assertThat(dataDir.resolve(LegacySecretBox.FILE)).doesNotExist();

        Path file = dataDir.resolve(LegacySecretBox.FILE);
        Files.writeString(file, old.base64Key());

        assertThat(cipher.open(new LegacySealed(old.seal(SECRET, "webhook-secret:hook_1"), "webhook-secret:hook_1"), CONTEXT))
                .isEqualTo(SECRET);
    }

    @Test
    void anOldSecretWithoutTheOldKeyIsANamedError_notAnEmptySecret(@TempDir Path dataDir) {
        LegacySealed legacy = new LegacySealed(OldSecretBox.generate().seal(SECRET, "webhook-secret:hook_1"), "webhook-secret:hook_1");

        assertThatThrownBy(() -> SecretCiphers.create(local(Map.of()), dataDir).open(legacy, CONTEXT))
                .isInstanceOf(LegacySecretKeyMissingException.class)
                .hasMessageContaining("SAMOKODER_SECRET_BOX_KEY").hasMessageContaining(LegacySecretBox.FILE)
                .hasMessageContaining("left as it is");
        assertThatThrownBy(() -> SecretCiphers.create(SamokoderConfig.fromEnv(Map.of("SAMOKODER_KMS_KEY_ID", "alias/k")), null)
                .open(legacy, CONTEXT))
                .isInstanceOf(LegacySecretKeyMissingException.class).hasMessageContaining("SAMOKODER_SECRET_BOX_KEY is not set");
        assertThatThrownBy(() -> LocalMasterKeyCipher.inDataDir(dataDir).open(legacy, CONTEXT))
                .as("a cipher built without the factory knows no old key").isInstanceOf(LegacySecretKeyMissingException.class);
    }

    @Test
    void aBadLegacyKeyStopsTheStart_andADamagedOldKeyFileIsReportedAndLeftAlone(@TempDir Path dataDir) throws Exception {
        assertThatThrownBy(() -> SecretCiphers.create(local(Map.of("SAMOKODER_SECRET_BOX_KEY", "c2hvcnQ=")), dataDir))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SAMOKODER_SECRET_BOX_KEY")
                .hasMessageNotContaining("c2hvcnQ=");
        Path file = dataDir.resolve(LegacySecretBox.FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "not a key !!");
        LegacySealed legacy = new LegacySealed(OldSecretBox.generate().seal(SECRET, "x"), "x");

        assertThatThrownBy(() -> SecretCiphers.create(local(Map.of()), dataDir).open(legacy, CONTEXT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("damaged");
        assertThat(Files.readString(file)).isEqualTo("not a key !!");
    }

    @Test
    void noKeyOrSecretShowsInToString() {
        OldSecretBox old = OldSecretBox.generate();
        SamokoderConfig config = local(Map.of("SAMOKODER_SECRET_BOX_KEY", old.base64Key()));
        LegacySealed legacy = new LegacySealed(old.seal(SECRET, "webhook-secret:hook_1"), "webhook-secret:hook_1");

        assertThat(config.secrets().toString()).doesNotContain(old.base64Key()).contains("legacySecretBoxKey=(set)");
        assertThat(config.toString()).doesNotContain(old.base64Key());
        assertThat(SecretCiphers.create(config, Path.of("unused")).toString()).doesNotContain(old.base64Key());
        assertThat(LegacySecretBox.fromBase64(old.base64Key()).toString()).doesNotContain(old.base64Key());
        assertThat(legacy.toString()).doesNotContain(Base64.getEncoder().encodeToString(legacy.bytes()));
    }

    /** Local mode, as the embedded stack's endpoints make it. */
    private static SamokoderConfig local(Map<String, String> env) {
        var map = new java.util.HashMap<>(env);
        map.put("SAMOKODER_DYNAMODB_ENDPOINT", "http://127.0.0.1:1");
        return SamokoderConfig.fromEnv(map);
    }
}
