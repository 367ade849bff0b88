package dev.samokoder.services.auth;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    private static final String EMAIL = "ada.lovelace@example.com";
    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void violations_isEmptyForAGoodPassword() {
        assertThat(policy.violations("correct horse battery staple", EMAIL)).isEmpty();
        assertThat(policy.violations("Tr0ub4dor&3x", EMAIL)).isEmpty();
    }

    @Test
    void violations_refusesFewerThan10CodePoints() {
        // when
        List<String> violations = policy.violations("k7#Qm2!zp", EMAIL);

        // then
        assertThat(violations).containsExactly("Use at least 10 characters.");
    }

    @Test
    void violations_countsCodePointsNotUtf16Units() {
        // given: nine emoji are 18 UTF-16 units but 9 characters to the person typing them
        String nineEmoji = "\uD83D\uDE00\uD83D\uDE01\uD83D\uDE02\uD83D\uDE03\uD83D\uDE04"
                + "\uD83D\uDE05\uD83D\uDE06\uD83D\uDE07\uD83D\uDE08";

        // when / then
        assertThat(nineEmoji).hasSize(18);
        assertThat(policy.violations(nineEmoji, EMAIL)).containsExactly("Use at least 10 characters.");
        assertThat(policy.violations(nineEmoji + "\uD83D\uDE09", EMAIL)).isEmpty();
    }

    @Test
    void violations_acceptsExactlyTheLengthBounds() {
        assertThat(policy.violations("k7#Qm2!zpL", EMAIL)).isEmpty();
        assertThat(policy.violations("ab".repeat(128), EMAIL)).isEmpty();
    }

    @Test
    void violations_refusesMoreThan256CodePoints() {
        // when
        List<String> violations = policy.violations("ab".repeat(128) + "c", EMAIL);

        // then
        assertThat(violations).containsExactly("Use at most 256 characters.");
    }

    @Test
    void violations_refusesTheEmailAddressInAnyCase() {
        // when
        List<String> violations = policy.violations("Ada.Lovelace@Example.com", EMAIL);

        // then
        assertThat(violations).containsExactly("Do not use your email address as your password.");
    }

    @Test
    void violations_refusesTheLocalPartOfTheEmailInAnyCase() {
        // when
        List<String> violations = policy.violations("ADA.LOVELACE", EMAIL);

        // then
        assertThat(violations).containsExactly(
                "Do not use the part of your email address before the @ as your password.");
    }

    @Test
    void violations_refusesCommonPasswordsInAnyCase() {
        for (String common : List.of("password123", "QwertyUiop", "1234567890", "iloveyou12")) {
            // when
            List<String> violations = policy.violations(common, EMAIL);

            // then
            assertThat(violations).as(common).containsExactly(
                    "This password is one of the most commonly used ones; choose a less predictable one.");
        }
    }

    @Test
    void violations_refusesOneCharacterRepeated() {
        // when
        List<String> violations = policy.violations("zzzzzzzzzzzz", EMAIL);

        // then
        assertThat(violations).containsExactly("Do not use one character repeated.");
    }

    @Test
    void violations_listsEveryBrokenRule() {
        // when
        List<String> violations = policy.violations("aaaa", "aaaa@example.com");

        // then
        assertThat(violations).containsExactly(
                "Use at least 10 characters.",
                "Do not use the part of your email address before the @ as your password.",
                "Do not use one character repeated.");
    }

    @Test
    void violations_asksForAPasswordWhenThereIsNone() {
        assertThat(policy.violations(null, EMAIL)).containsExactly("Enter a password.");
        assertThat(policy.violations("", EMAIL)).containsExactly("Use at least 10 characters.");
    }

    @Test
    void commonPasswords_holdsAFewHundredLowerCasedEntriesOfAtLeast8Characters() {
        assertThat(PasswordPolicy.commonPasswords())
                .hasSizeGreaterThan(300)
                .allSatisfy(entry -> {
                    assertThat(entry).hasSizeGreaterThanOrEqualTo(8);
                    assertThat(entry).isLowerCase();
                });
    }
}
