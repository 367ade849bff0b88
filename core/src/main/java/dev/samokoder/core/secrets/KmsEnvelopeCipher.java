package dev.samokoder.core.secrets;

import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * On AWS: envelope encryption. Each secret gets its own data key from KMS ({@code GenerateDataKey},
 * AES-256); the secret is sealed locally with AES-256-GCM and only the KMS-encrypted data key is
 * stored next to it. Opening asks KMS to decrypt the data key, with the same encryption context,
 * which CloudTrail records. Plaintext data keys are wiped after use.
 */
public final class KmsEnvelopeCipher implements SecretCipher {

    public static final String SCHEME = "kms-envelope-aes256gcm";

    private final KmsClient kms;
    private final String keyId;

    public KmsEnvelopeCipher(KmsClient kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
    }

    @Override
    public Sealed seal(byte[] plaintext, Map<String, String> context) {
        GenerateDataKeyResponse dataKey = kms.generateDataKey(r -> r.keyId(keyId).keySpec(DataKeySpec.AES_256)
                .encryptionContext(context));
        byte[] key = dataKey.plaintext().asByteArray();
        try {
            AesGcm.Output out = AesGcm.encrypt(key, plaintext, context);
            Base64.Encoder b64 = Base64.getEncoder();
            return new Sealed(SCHEME, dataKey.keyId(), Optional.of(b64.encodeToString(dataKey.ciphertextBlob().asByteArray())),
                    b64.encodeToString(out.nonce()), b64.encodeToString(out.ciphertext()));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public byte[] open(Sealed sealed, Map<String, String> context) {
        if (!SCHEME.equals(sealed.scheme()) || sealed.wrappedKey().isEmpty()) {
            throw new SecretUnreadableException("the secret was sealed by " + sealed.scheme() + ", not by KMS envelope encryption", null);
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] key;
        try {
            key = kms.decrypt(r -> r.keyId(sealed.keyRef())
                    .ciphertextBlob(SdkBytes.fromByteArray(b64.decode(sealed.wrappedKey().get())))
                    .encryptionContext(context)).plaintext().asByteArray();
        } catch (InvalidCiphertextException e) {
            throw new SecretUnreadableException("KMS refused the data key (tampered with, or not this item's)", e);
        } catch (KmsException e) {
            if (e.statusCode() == 400) {
                throw new SecretUnreadableException("KMS cannot decrypt the data key: " + e.awsErrorDetails().errorCode(), e);
            }
            throw e;
        }
        try {
            return AesGcm.decrypt(key, b64.decode(sealed.nonce()), b64.decode(sealed.ciphertext()), context);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
