package dev.samokoder.services.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a new password must satisfy, following NIST SP 800-63B: a length range and a block list,
 * no composition rules. Messages are written for the person choosing the password.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10, MAX_LENGTH = 256;
    private static final String COMMON_PASSWORDS_RESOURCE = "common-passwords.txt";
    private static final Set<String> COMMON_PASSWORDS = loadCommonPasswords();

    /** Every rule the password breaks, in a stable order; empty when it is acceptable. */
    public List<String> violations(String password, String normalizedEmail) {
        if (password == null) {
            return List.of("Enter a password.");
        }
        List<String> violations = new ArrayList<>();
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            violations.add("Use at least " + MIN_LENGTH + " characters.");
        }
        if (length > MAX_LENGTH) {
            violations.add("Use at most " + MAX_LENGTH + " characters.");
        }
        String lowerCased = password.toLowerCase(Locale.ROOT);
        if (normalizedEmail != null && !normalizedEmail.isEmpty()) {
            String email = normalizedEmail.toLowerCase(Locale.ROOT);
            int at = email.lastIndexOf('@');
            String localPart = at > 0 ? email.substring(0, at) : email;
            if (lowerCased.equals(email)) {
                violations.add("Do not use your email address as your password.");
            } else if (lowerCased.equals(localPart)) {
                violations.add("Do not use the part of your email address before the @ as your password.");
            }
        }
        if (COMMON_PASSWORDS.contains(lowerCased)) {
            violations.add("This password is one of the most commonly used ones; choose a less predictable one.");
        }
        if (length > 1 && password.codePoints().distinct().count() == 1) {
            violations.add("Do not use one character repeated.");
        }
        return List.copyOf(violations);
    }

    static Set<String> commonPasswords() {
        return COMMON_PASSWORDS;
    }

    private static Set<String> loadCommonPasswords() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_PASSWORDS_RESOURCE + " is missing from the classpath next to "
                        + PasswordPolicy.class.getName());
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + COMMON_PASSWORDS_RESOURCE, e);
        }
    }
}
