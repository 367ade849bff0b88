package dev.samokoder.services.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void generate_makesAPrivateP256SigningKeyWithARandomKid() throws Exception {
        // when
        ECKey key = SigningKeys.generate();
        ECKey other = SigningKeys.generate();

        // then
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.getCurve()).isEqualTo(Curve.P_256);
        assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(key.getKeyID()).isNotBlank().isNotEqualTo(other.getKeyID());
        assertThat(key.toECPrivateKey()).isNotEqualTo(other.toECPrivateKey());
    }

    @Test
    void parse_readsBackWhatGenerateWrote() {
        // given
        ECKey key = SigningKeys.generate();

        // when
        ECKey parsed = SigningKeys.parse(key.toJSONString());

        // then
        assertThat(parsed).isEqualTo(key);
    }

    @Test
    void parse_refusesAPublicOnlyKeyWithoutPrintingIt() {
        // given
        String publicJwk = SigningKeys.generate().toPublicJWK().toJSONString();

        // when / then
        assertThatThrownBy(() -> SigningKeys.parse(publicJwk))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("public key")
                .hasMessageNotContaining(publicJwk)
                .hasMessageNotContaining((String) parseJson(publicJwk).get("x"));
    }

    @Test
    void parse_refusesOtherCurvesKeyTypesAndNonJwksWithoutPrintingThem() throws Exception {
        // given
        ECKey p256 = SigningKeys.generate();
        String p384 = new ECKeyGenerator(Curve.P_384).generate().toJSONString();
        String rsa = "{\"kty\":\"RSA\",\"n\":\"sXch\",\"e\":\"AQAB\",\"d\":\"secret-looking-value\"}";
        String jwkSet = "{\"keys\":[" + p256.toJSONString() + "]}";
        String truncated = p256.toJSONString().substring(0, 60);
        Map<String, Object> forHs256 = p256.toJSONObject();
        forHs256.put("alg", "HS256");
        String hs256 = JSONObjectUtils.toJSONString(forHs256);
        Map<String, Object> forEncryption = p256.toJSONObject();
        forEncryption.put("use", "enc");
        String encryption = JSONObjectUtils.toJSONString(forEncryption);

        // when / then
        assertRefused(p384, "P-256");
        assertRefused(rsa, "\"kty\": \"EC\"");
        assertRefused(jwkSet, "JWK set");
        assertRefused(truncated, "not a JSON object");
        assertRefused(hs256, "ES256");
        assertRefused(encryption, "signing");
        assertRefused("", "empty");
        assertRefused(null, "empty");
    }

    @Test
    void parse_refusesAPrivatePartThatBelongsToAnotherKey() {
        // given: d of one key next to x and y of another
        Map<String, Object> mine = parseJson(SigningKeys.generate().toJSONString());
        Map<String, Object> theirs = parseJson(SigningKeys.generate().toJSONString());
        String mixed = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + mine.get("x") + "\",\"y\":\"" + mine.get("y")
                + "\",\"d\":\"" + theirs.get("d") + "\"}";

        // when / then
        assertRefused(mixed, "does not belong");
    }

    @Test
    void loadOrCreate_createsAnOwnerOnlyFileAndParentDirectoriesTheFirstTime() throws Exception {
        // given
        Path file = dir.resolve("keys/local/signing-key.json");

        // when
        ECKey key = SigningKeys.loadOrCreate(file);

        // then
        assertThat(file).exists();
        assertThat(SigningKeys.parse(Files.readString(file))).isEqualTo(key);
        try (Stream<Path> entries = Files.list(file.getParent())) {
            assertThat(entries).containsExactly(file);
        }
        assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void loadOrCreate_returnsTheSameKeyTheSecondTime() {
        // given
        Path file = dir.resolve("signing-key.json");
        ECKey first = SigningKeys.loadOrCreate(file);

        // when
        ECKey second = SigningKeys.loadOrCreate(file);

        // then
        assertThat(second).isEqualTo(first);
    }

    @Test
    void loadOrCreate_refusesADamagedFileNamingItAndKeepsItsBytes() throws Exception {
        // given
        Path file = dir.resolve("signing-key.json");
        String full = SigningKeys.generate().toJSONString();
        byte[] damaged = full.substring(0, full.length() / 2).getBytes(StandardCharsets.UTF_8);
        Files.write(file, damaged);

        // when / then
        assertThatThrownBy(() -> SigningKeys.loadOrCreate(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.getFileName().toString())
                .hasMessageContaining("damaged")
                .hasMessageNotContaining(new String(damaged, StandardCharsets.UTF_8));
        assertThat(Files.readAllBytes(file)).isEqualTo(damaged);
    }

    @Test
    void loadOrCreate_refusesAFileThatIsNotText() throws Exception {
        // given
        Path file = dir.resolve("signing-key.json");
        byte[] binary = {(byte) 0xff, (byte) 0xfe, 0, 1, 2};
        Files.write(file, binary);

        // when / then
        assertThatThrownBy(() -> SigningKeys.loadOrCreate(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.getFileName().toString());
        assertThat(Files.readAllBytes(file)).isEqualTo(binary);
    }

    @Test
    void loadOrCreate_refusesAPublicKeyFileAndKeepsIt() throws Exception {
        // given
        Path file = dir.resolve("signing-key.json");
        String publicJwk = SigningKeys.generate().toPublicJWK().toJSONString();
        Files.writeString(file, publicJwk);

        // when / then
        assertThatThrownBy(() -> SigningKeys.loadOrCreate(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("public key");
        assertThat(Files.readString(file)).isEqualTo(publicJwk);
    }

    private static void assertRefused(String jwkJson, String expectedProblem) {
        var thrown = assertThatThrownBy(() -> SigningKeys.parse(jwkJson))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("signing key JWK")
                .hasMessageContaining(expectedProblem);
        if (jwkJson != null && !jwkJson.isEmpty()) {
            thrown.hasMessageNotContaining(jwkJson);
        }
        if (jwkJson != null && jwkJson.contains("\"d\"")) {
            Map<String, Object> json = tryParseJson(jwkJson);
            if (json != null && json.get("d") instanceof String d) {
                thrown.hasMessageNotContaining(d);
            }
        }
    }

    private static Map<String, Object> parseJson(String json) {
        Map<String, Object> parsed = tryParseJson(json);
        assertThat(parsed).isNotNull();
        return parsed;
    }

    private static Map<String, Object> tryParseJson(String json) {
        try {
            return JSONObjectUtils.parse(json);
        } catch (ParseException e) {
            return null;
        }
    }
}
