package dev.samokoder.services.wiring;

import dev.samokoder.core.aws.AwsClients;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.secrets.KmsStandIn;
import dev.samokoder.core.secrets.SecretCipher;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.services.auth.SigningKeys;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * The platform's {@link Wiring} for tests: the configuration gets what AWS gives the functions unless it
 * names its own — a KMS key (on the JVM's {@link KmsStandIn}, so every stored secret is sealed by KMS
 * envelope encryption), a fresh API-key pepper and signing key — so no test writes key files.
 */
public final class TestWiring {

    private TestWiring() {
    }

    public static Wiring of(LocalAws aws) {
        return of(aws.config(), aws.clients(), Clock.systemUTC());
    }

    public static Wiring of(SamokoderConfig config, AwsClients clients, Clock clock) {
        return new Wiring(withKeys(config), clients, clock);
    }

    /**
     * The platform's cipher of stored secrets as the wiring builds it, its local key files in {@code dataDir},
     * with or without the retired secret box's key (the tests of items sealed the old way).
     */
    public static SecretCipher secretCipher(LocalAws aws, Path dataDir, Optional<String> legacySecretBoxKey) {
        SamokoderConfig config = aws.config();
        var local = config.local();
        config = config.withLocal(new SamokoderConfig.Local(dataDir, local.host(), local.port(), local.dynamoDbPort(), local.s3Port(),
                local.sqsPort(), local.sfnPort(), local.staticDir()));
        if (legacySecretBoxKey.isPresent()) {
            config = config.withSecrets(config.secrets().withLegacySecretBoxKey(legacySecretBoxKey.get()));
        }
        return of(config, aws.clients(), Clock.systemUTC()).secretCipher();
    }

    /** {@code config} with the KMS stand-in's key, a fresh API-key pepper and signing key where it has none. */
    public static SamokoderConfig withKeys(SamokoderConfig config) {
        var secrets = config.secrets();
        SamokoderConfig keyed = config.withSecrets(new SamokoderConfig.Secrets(
                secrets.kmsKeyId().or(() -> Optional.of(KmsStandIn.KEY_ARN)),
                secrets.kmsKeyId().isPresent() ? secrets.kmsEndpoint() : Optional.of(KmsStandIn.shared().endpoint()),
                secrets.apiKeyPepper().or(() -> Optional.of(Base64.getEncoder().encodeToString(random(32)))),
                secrets.legacySecretBoxKey()));
        if (config.auth().signingKeyJwk().isEmpty()) {
            keyed = keyed.withAuth(keyed.auth().withSigningKeyJwk(SigningKeys.generate().toJSONString()));
        }
        return keyed;
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
