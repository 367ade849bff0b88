package dev.samokoder.core.secrets;

import dev.samokoder.core.config.ConfigException;
import dev.samokoder.core.config.SamokoderConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Builds the one cipher of stored secrets: KMS envelope encryption when a KMS key is configured, else
 * the data dir's master key; both also open what the retired secret box sealed, when its key is there.
 */
public final class SecretCiphers {

    private SecretCiphers() {
    }

    /**
     * @param dataDir where local mode keeps its master key (and kept the retired secret box's key)
     * @throws ConfigException on AWS (no endpoint overrides) without {@code SAMOKODER_KMS_KEY_ID}, or when
     *                         {@code SAMOKODER_SECRET_BOX_KEY} is set but not a key
     */
    public static SecretCipher create(SamokoderConfig config, Path dataDir) {
        var secrets = config.secrets();
        SecretCipher current;
        if (secrets.kmsKeyId().isPresent()) {
            current = new KmsEnvelopeCipher(kmsClient(config), secrets.kmsKeyId().get());
        } else if (config.aws().local()) {
            current = new LazyCipher(() -> LocalMasterKeyCipher.inDataDir(dataDir));
        } else {
            throw new ConfigException("SAMOKODER_KMS_KEY_ID is required outside local mode"
                    + " (stored LLM keys and webhook and notification secrets are sealed with it)");
        }
        return new ReadingLegacy(current, legacyBox(config, dataDir));
    }

    /**
     * The retired secret box, to read what it sealed: the key of {@code SAMOKODER_SECRET_BOX_KEY}, else in
     * local mode the data dir's old key file, read when the first such secret is met (and never made).
     */
    private static Supplier<LegacySecretBox> legacyBox(SamokoderConfig config, Path dataDir) {
        Optional<String> key = config.secrets().legacySecretBoxKey();
        if (key.isPresent()) {
            try {
                LegacySecretBox box = LegacySecretBox.fromBase64(key.get());
                return () -> box;
            } catch (IllegalArgumentException e) {
                throw new ConfigException("SAMOKODER_SECRET_BOX_KEY must be the base64 of 32 bytes");
            }
        }
        if (config.aws().local() && dataDir != null) {
            return () -> LegacySecretBox.fromFile(dataDir.resolve(LegacySecretBox.FILE));
        }
        return () -> {
            throw new LegacySecretKeyMissingException("SAMOKODER_SECRET_BOX_KEY is not set");
        };
    }

    /** The current cipher, which also opens the retired secret box's values with that box's key. */
    private record ReadingLegacy(SecretCipher current, Supplier<LegacySecretBox> legacy) implements SecretCipher {

        @Override
        public Sealed seal(byte[] plaintext, Map<String, String> context) {
            return current.seal(plaintext, context);
        }

        @Override
        public byte[] open(Sealed sealed, Map<String, String> context) {
            return current.open(sealed, context);
        }

        @Override
        public byte[] openLegacy(LegacySealed sealed) {
            return legacy.get().open(sealed);
        }

        @Override
        public String toString() {
            return "SecretCipher[" + current.getClass().getSimpleName() + "]";
        }
    }

    /** Makes the data dir's master key on the first secret, not at start: a platform that stores none writes no key file. */
    private static final class LazyCipher implements SecretCipher {
        private final Supplier<SecretCipher> factory;
        private SecretCipher cipher;

        LazyCipher(Supplier<SecretCipher> factory) {
            this.factory = factory;
        }

        private synchronized SecretCipher cipher() {
            if (cipher == null) {
                cipher = factory.get();
            }
            return cipher;
        }

        @Override
        public Sealed seal(byte[] plaintext, Map<String, String> context) {
            return cipher().seal(plaintext, context);
        }

        @Override
        public byte[] open(Sealed sealed, Map<String, String> context) {
            return cipher().open(sealed, context);
        }
    }

    /** Like every client here: URL-connection HTTP, explicit region; local credentials against local endpoints, else the role's. */
    static KmsClient kmsClient(SamokoderConfig config) {
        var builder = KmsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(config.aws().region()))
                .credentialsProvider(config.aws().local()
                        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(
                                SamokoderConfig.LOCAL_ACCESS_KEY_ID, SamokoderConfig.LOCAL_SECRET_ACCESS_KEY))
                        : DefaultCredentialsProvider.builder().build());
        config.secrets().kmsEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
