package dev.samokoder.core.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Email addresses, normalized so that one mailbox is one account. */
public final class Email {

    private static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    private Email() {
    }

    /**
     * Unicode NFKC, trimmed and lower-cased, so that one address typed with composed or decomposed
     * accents, full-width letters or another case is one account; fails with
     * {@link IllegalArgumentException} if it is not an address.
     */
    public static String normalize(String email) {
        if (email == null) {
            throw new IllegalArgumentException("email is required");
        }
        String normalized = Normalizer.normalize(email, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > MAX_LENGTH || !SHAPE.matcher(normalized).matches()) {
            throw new IllegalArgumentException("'" + email + "' is not an email address");
        }
        return normalized;
    }
}
