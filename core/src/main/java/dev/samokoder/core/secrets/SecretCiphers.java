package dev.samokoder.core.secrets;

import dev.samokoder.core.config.ConfigException;
import dev.samokoder.core.config.SamokoderConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/** Picks the cipher of stored secrets: KMS envelope encryption when a KMS key is configured, else the data dir's master key. */
public final class SecretCiphers {

    private SecretCiphers() {
    }

    /**
     * @param dataDir where local mode keeps its master key
     * @throws ConfigException on AWS (no endpoint overrides) without {@code SAMOKODER_KMS_KEY_ID}
     */
    public static SecretCipher create(SamokoderConfig config, Path dataDir) {
        var secrets = config.secrets();
        if (secrets.kmsKeyId().isPresent()) {
            return new KmsEnvelopeCipher(kmsClient(config), secrets.kmsKeyId().get());
        }
        if (!config.aws().local()) {
            throw new ConfigException("SAMOKODER_KMS_KEY_ID is required outside local mode (stored LLM keys are encrypted with it)");
        }
        return new LazyCipher(() -> LocalMasterKeyCipher.inDataDir(dataDir));
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
