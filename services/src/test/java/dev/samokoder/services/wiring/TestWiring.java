package dev.samokoder.services.wiring;

import dev.samokoder.core.aws.AwsClients;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.services.auth.SigningKeys;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * The platform's {@link Wiring} for tests: the configuration gets a fresh secret-box key, API-key
 * pepper and signing key (as on AWS, from configuration) unless it names its own, so no test writes key files.
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

    /** {@code config} with a fresh secret-box key, API-key pepper and signing key where it has none. */
    public static SamokoderConfig withKeys(SamokoderConfig config) {
        SamokoderConfig keyed = config;
        if (config.hooks().secretBoxKey().isEmpty()) {
            keyed = keyed.withHooks(keyed.hooks().withSecretBoxKey(Base64.getEncoder().encodeToString(random(32))));
        }
        if (config.secrets().apiKeyPepper().isEmpty()) {
            var secrets = keyed.secrets();
            keyed = keyed.withSecrets(new SamokoderConfig.Secrets(secrets.kmsKeyId(), secrets.kmsEndpoint(),
                    Optional.of(Base64.getEncoder().encodeToString(random(32))), secrets.legacySecretBoxKey()));
        }
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
