package dev.samokoder.services.auth;

import java.util.Base64;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordHasherTest {

    private static final Argon2Params FAST = new Argon2Params(1024, 1, 1);
    private final PasswordHasher hasher = new PasswordHasher(FAST);

    @Test
    void verify_acceptsThePasswordThatWasHashed() {
        // given
        String encoded = hasher.hash("correct horse battery staple");

        // when
        boolean matches = hasher.verify("correct horse battery staple", encoded);

        // then
        assertThat(matches).isTrue();
    }

    @Test
    void verify_refusesAWrongPassword() {
        // given
        String encoded = hasher.hash("correct horse battery staple");

        // when / then
        assertThat(hasher.verify("correct horse battery stapler", encoded)).isFalse();
        assertThat(hasher.verify("", encoded)).isFalse();
        assertThat(hasher.verify(null, encoded)).isFalse();
    }

    @Test
    void hash_writesAPhcStringCarryingTheParamsA16ByteSaltAndA32ByteHash() {
        // given
        PasswordHasher withDefaults = new PasswordHasher(Argon2Params.defaults());

        // when
        String encoded = withDefaults.hash("correct horse battery staple");

        // then
        assertThat(encoded).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        String[] parts = encoded.split("\\$");
        assertThat(parts).hasSize(6);
        assertThat(Base64.getDecoder().decode(parts[4])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[5])).hasSize(32);
        assertThat(parts[4]).doesNotContain("=");
        assertThat(withDefaults.verify("correct horse battery staple", encoded)).isTrue();
    }

    @Test
    void hash_givesDifferentStringsForOnePasswordBecauseOfTheSalt() {
        // when
        String first = hasher.hash("correct horse battery staple");
        String second = hasher.hash("correct horse battery staple");

        // then
        assertThat(first).isNotEqualTo(second);
        assertThat(first.split("\\$")[4]).isNotEqualTo(second.split("\\$")[4]);
        assertThat(hasher.verify("correct horse battery staple", first)).isTrue();
        assertThat(hasher.verify("correct horse battery staple", second)).isTrue();
    }

    @Test
    void verify_acceptsAHashFromTheArgon2ReferenceImplementation() {
        // given: phc-winner-argon2's own test vector, password "password", salt "somesalt"
        String reference = "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";

        // when / then
        assertThat(hasher.verify("password", reference)).isTrue();
        assertThat(hasher.verify("passwore", reference)).isFalse();
    }

    @Test
    void verify_usesTheParamsStoredInTheHashNotTheConfiguredOnes() {
        // given
        String madeWithOldParams = new PasswordHasher(new Argon2Params(512, 2, 2)).hash("correct horse battery staple");

        // when / then
        assertThat(hasher.verify("correct horse battery staple", madeWithOldParams)).isTrue();
    }

    @Test
    void needsRehash_isTrueOnlyWhenTheStoredParamsDifferFromTheConfiguredOnes() {
        // given
        String current = hasher.hash("correct horse battery staple");
        String otherMemory = new PasswordHasher(new Argon2Params(2048, 1, 1)).hash("correct horse battery staple");
        String otherIterations = new PasswordHasher(new Argon2Params(1024, 2, 1)).hash("correct horse battery staple");
        String otherParallelism = new PasswordHasher(new Argon2Params(1024, 1, 2)).hash("correct horse battery staple");

        // when / then
        assertThat(hasher.needsRehash(current)).isFalse();
        assertThat(hasher.needsRehash(otherMemory)).isTrue();
        assertThat(hasher.needsRehash(otherIterations)).isTrue();
        assertThat(hasher.needsRehash(otherParallelism)).isTrue();
        assertThat(hasher.needsRehash("not a hash")).isTrue();
    }

    @Test
    void verify_isFalseNotAnExceptionForMalformedHashes() {
        // given
        String good = hasher.hash("correct horse battery staple");
        String[] malformed = {
            null,
            "",
            "garbage",
            good.substring(0, good.length() - 20),
            good + "$extra",
            good.replace("$argon2id$", "$argon2i$"),
            good.replace("$v=19$", "$v=16$"),
            good.replace("m=1024", "m=0"),
            good.replace("m=1024", "m=99999999999"),
            good.replace("m=1024", "m=2147483647"),
            good.replace("t=1", "t=100000"),
            good.replace("p=1", "p=255"),
            good.replace("m=1024,t=1,p=1", "t=1,m=1024,p=1"),
            good.substring(0, good.lastIndexOf('$') + 1) + "!!!!",
            good.substring(0, good.lastIndexOf('$') + 1) + "A",
            good.substring(0, good.lastIndexOf('$') + 1) + "c2hvcnQ",
            "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
        };

        for (String encoded : malformed) {
            // when / then
            assertThat(hasher.verify("correct horse battery staple", encoded)).as(String.valueOf(encoded)).isFalse();
        }
    }

    @Test
    void hashAndVerify_refusePasswordsOver1024Characters() {
        // given
        String longest = "x".repeat(1024);
        String tooLong = "x".repeat(1025);
        String encoded = hasher.hash(longest);

        // when / then
        assertThat(hasher.verify(longest, encoded)).isTrue();
        assertThatThrownBy(() -> hasher.hash(tooLong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1024")
                .hasMessageNotContaining(tooLong);
        assertThat(hasher.verify(tooLong, encoded)).isFalse();
    }

    @Test
    void hash_refusesANullPassword() {
        assertThatThrownBy(() -> hasher.hash(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verify_treatsComposedAndDecomposedAccentsAsTheSamePassword() {
        // given: "é" as one code point, then as "e" plus a combining accent
        String composed = "caf\u00e9 au lait 2024";
        String decomposed = "cafe\u0301 au lait 2024";
        String encoded = hasher.hash(composed);

        // when / then
        assertThat(hasher.verify(decomposed, encoded)).isTrue();
    }

    @Test
    void spendVerifyTime_checksAgainstADummyHashMadeWithTheConfiguredParams() {
        // given
        PasswordHasher withOtherParams = new PasswordHasher(new Argon2Params(2048, 2, 1));

        // when
        withOtherParams.spendVerifyTime("whatever the caller typed");
        withOtherParams.spendVerifyTime(null);

        // then: the dummy costs exactly what a stored hash made with these params costs
        assertThat(withOtherParams.dummyHash()).startsWith("$argon2id$v=19$m=2048,t=2,p=1$");
        assertThat(withOtherParams.needsRehash(withOtherParams.dummyHash())).isFalse();
    }

    @Test
    void argon2Params_defaultsAreOwaspsMinimum() {
        assertThat(Argon2Params.defaults()).isEqualTo(new Argon2Params(19_456, 2, 1));
    }

    @Test
    void argon2Params_refuseValuesArgon2CannotUseOrThatWouldExhaustMemory() {
        assertThatThrownBy(() -> new Argon2Params(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Params(1024, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Params(1024, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Params(31, 1, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8 KiB per lane");
        assertThatThrownBy(() -> new Argon2Params(Integer.MAX_VALUE, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Argon2Params(32, 1, 4).memoryKiB()).isEqualTo(32);
    }
}
