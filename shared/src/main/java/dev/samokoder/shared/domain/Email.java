package dev.samokoder.shared.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** Email addresses, normalized so that one mailbox is one account. */
public final class Email {

    private static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    private Email() {
    }

    /** Trims and lower-cases; fails with {@link IllegalArgumentException} if it is not an address. */
    public static String normalize(String email) {
        if (email == null) {
            throw new IllegalArgumentException("email is required");
        }
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > MAX_LENGTH || !SHAPE.matcher(normalized).matches()) {
            throw new IllegalArgumentException("'" + email + "' is not an email address");
        }
        return normalized;
    }
}
