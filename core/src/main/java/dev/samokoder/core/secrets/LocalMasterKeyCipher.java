package dev.samokoder.core.secrets;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Local mode: AES-256-GCM under one master key, generated on first start into the data dir
 * ({@value #FILE}, mode 0600). Losing the file makes every stored key unreadable, which is the
 * point: a copy of the database alone reveals nothing.
 */
public final class LocalMasterKeyCipher implements SecretCipher {

    public static final String SCHEME = "local-aes256gcm";
    /** Where local mode keeps the master key, inside the data dir. */
    public static final String FILE = "keys/master-key";

    private final byte[] masterKey;
    private final String fingerprint;

    public LocalMasterKeyCipher(byte[] masterKey) {
        if (masterKey.length != AesGcm.KEY_BYTES) {
            throw new IllegalArgumentException("the master key must be " + AesGcm.KEY_BYTES + " bytes");
        }
        this.masterKey = masterKey.clone();
        this.fingerprint = fingerprint(masterKey);
    }

    /** The master key of the data dir, made on first use. */
    public static LocalMasterKeyCipher inDataDir(Path dataDir) {
        return new LocalMasterKeyCipher(SecretFiles.loadOrCreateRandom(dataDir.resolve(FILE), AesGcm.KEY_BYTES));
    }

    @Override
    public Sealed seal(byte[] plaintext, Map<String, String> context) {
        AesGcm.Output out = AesGcm.encrypt(masterKey, plaintext, context);
        Base64.Encoder b64 = Base64.getEncoder();
        return new Sealed(SCHEME, fingerprint, Optional.empty(), b64.encodeToString(out.nonce()), b64.encodeToString(out.ciphertext()));
    }

    @Override
    public byte[] open(Sealed sealed, Map<String, String> context) {
        if (!SCHEME.equals(sealed.scheme()) || !fingerprint.equals(sealed.keyRef())) {
            throw new SecretUnreadableException("the secret was sealed by " + sealed.scheme() + " under key " + sealed.keyRef()
                    + ", not by this data dir's master key", null);
        }
        Base64.Decoder b64 = Base64.getDecoder();
        return AesGcm.decrypt(masterKey, b64.decode(sealed.nonce()), b64.decode(sealed.ciphertext()), context);
    }

    /** A short public name of the key (a hash of a hash), so a value sealed under another key is recognised as such. */
    private static String fingerprint(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("samokoder master key fingerprint\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return "local:" + HexFormat.of().formatHex(sha.digest(key), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
