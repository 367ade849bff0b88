package dev.samokoder.cdk;

import dev.samokoder.services.auth.SigningKeys;

/**
 * Prints a fresh private P-256 JWK, the value of the JWT signing key secret. scripts/deploy runs
 * it once per stage, when the secret does not exist yet, and hands the output straight to Secrets
 * Manager through a file only the user can read.
 */
public final class NewSigningKey {

    private NewSigningKey() {
    }

    public static void main(String[] args) {
        System.out.println(SigningKeys.generate().toJSONString());
    }
}
