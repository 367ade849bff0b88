package dev.samokoder.core.domain;

import java.security.SecureRandom;

/** Opaque identifiers: a type prefix and 100 random bits in Crockford base32 ({@code prj_8x2k...}). */
public final class Ids {

    private static final String ALPHABET_TEXT = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final char[] ALPHABET = ALPHABET_TEXT.toCharArray();
    private static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId(String prefix) {
        char[] chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return prefix + "_" + new String(chars);
    }

    /** True for an id this class could have made with that prefix; cheap to check before a lookup. */
    public static boolean isValid(String prefix, String id) {
        if (id == null || id.length() != prefix.length() + 1 + LENGTH || !id.startsWith(prefix + "_")) {
            return false;
        }
        for (int i = prefix.length() + 1; i < id.length(); i++) {
            if (ALPHABET_TEXT.indexOf(id.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
