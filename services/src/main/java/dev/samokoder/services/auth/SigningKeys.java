package dev.samokoder.services.auth;

import dev.samokoder.core.secrets.SecretFiles;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Map;
import java.util.UUID;

/**
 * The ES256 (P-256) key that signs access tokens, as a JWK. Error messages never include key
 * material: {@link ECKey#toString()} prints the private part, so keys are never concatenated into
 * messages either.
 */
public final class SigningKeys {

    private static final byte[] SELF_TEST_MESSAGE = "samokoder signing key self-test".getBytes(StandardCharsets.US_ASCII);

    private SigningKeys() {
    }

    /** A new P-256 key with a random {@code kid}, {@code use=sig} and {@code alg=ES256}. */
    public static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate a P-256 key", e);
        }
    }

    /**
     * A private P-256 JWK; {@link IllegalArgumentException} for anything else (a public key, another
     * curve or key type, a JWK set, a {@code d} that does not belong to {@code x} and {@code y}).
     */
    public static ECKey parse(String jwkJson) {
        if (jwkJson == null || jwkJson.isBlank()) {
            throw invalid("is empty");
        }
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(jwkJson);
        } catch (ParseException e) {
            // the parser's message may quote the input, so it is not passed on
            throw invalid("is not a JSON object");
        }
        if (json.containsKey("keys")) {
            throw invalid("is a JWK set; give the single private key instead");
        }
        if (!"EC".equals(json.get("kty"))) {
            throw invalid("must be an elliptic-curve key (\"kty\": \"EC\")");
        }
        if (!Curve.P_256.getName().equals(json.get("crv"))) {
            throw invalid("must be on curve P-256 (\"crv\": \"P-256\")");
        }
        if (!json.containsKey("d")) {
            throw invalid("is a public key; signing needs the private key (member \"d\")");
        }
        ECKey key;
        try {
            key = ECKey.parse(json);
        } catch (ParseException e) {
            throw invalid("has missing or invalid members \"x\", \"y\" or \"d\"");
        }
        if (key.getAlgorithm() != null && !JWSAlgorithm.ES256.equals(key.getAlgorithm())) {
            throw invalid("is declared for an algorithm other than ES256 (\"alg\")");
        }
        if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
            throw invalid("is declared for a use other than signing (\"use\")");
        }
        if (!privatePartMatchesPublicPart(key)) {
            throw invalid("has a private part \"d\" that does not belong to its public part \"x\", \"y\"");
        }
        return key;
    }

    /**
     * For local mode: the key in {@code file}, or a new one written there (owner-only where the file
     * system has POSIX permissions). A file that cannot be parsed is an {@link IllegalStateException}
     * and is left exactly as it is, since replacing it would silently invalidate every session.
     */
    public static synchronized ECKey loadOrCreate(Path file) {
        Path target = file.toAbsolutePath();
        if (Files.exists(target)) {
            return load(target);
        }
        ECKey key = generate();
        SecretFiles.writeOwnerOnly(target, key.toJSONString());
        return key;
    }

    private static ECKey load(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw damaged(file, "it is not UTF-8 text", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read signing key file " + file, e);
        }
        try {
            return parse(json);
        } catch (IllegalArgumentException e) {
            throw damaged(file, e.getMessage(), e);
        }
    }

    /** Catches a {@code d} pasted next to another key's {@code x}/{@code y}, which would sign tokens nobody can verify. */
    private static boolean privatePartMatchesPublicPart(ECKey key) {
        try {
            JWSHeader header = new JWSHeader(JWSAlgorithm.ES256);
            Base64URL signature = new ECDSASigner(key).sign(header, SELF_TEST_MESSAGE);
            return new ECDSAVerifier(key.toPublicJWK()).verify(header, SELF_TEST_MESSAGE, signature);
        } catch (JOSEException e) {
            return false;
        }
    }

    private static IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException("signing key JWK " + problem);
    }

    private static IllegalStateException damaged(Path file, String problem, Exception cause) {
        return new IllegalStateException("signing key file " + file + " is damaged (" + problem + "); it was left as it is."
                + " Repair it, or delete it to get a new key (sessions signed with the old key will end).", cause);
    }
}
