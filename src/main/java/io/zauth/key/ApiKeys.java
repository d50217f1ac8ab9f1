package io.zauth.key;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Zulip's API key format: exactly 32 characters of {@code [A-Za-z0-9]} (zerver/lib/utils.py). */
public final class ApiKeys {

    public static final int LENGTH = 32;
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9]{32}");
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {}

    /** A new key: 32 uniform draws from the 62-letter alphabet, about 190 bits. */
    public static String generate() {
        char[] key = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            key[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(key);
    }

    public static boolean hasFormat(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches();
    }
}
