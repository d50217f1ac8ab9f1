package io.zauth.auth;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds what a person typed into the one form that every spelling of it shares, as a directory's
 * matching rules would (RFC 4518 string preparation for caseIgnoreMatch): characters mapped to
 * nothing (soft hyphen, zero-width and other format characters, variation selectors) dropped,
 * other spaces made one space, NFKC (fullwidth and compatibility forms), case folded, and
 * insignificant spaces removed. Used to key rate limits, never to look anybody up.
 */
public final class Spellings {

    private Spellings() {}

    public static String fold(String text) {
        StringBuilder mapped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (isSpace(c)) {
                mapped.append(' ');
            } else if (!isMappedToNothing(c)) {
                mapped.appendCodePoint(c);
            }
        });
        String normalized = Normalizer.normalize(mapped, Normalizer.Form.NFKC);
        // Upper then lower case folds the cases that lower-casing alone misses (ß and SS, final sigma).
        String folded = normalized.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(folded, Normalizer.Form.NFKC).strip().replaceAll(" {2,}", " ");
    }

    private static boolean isSpace(int c) {
        return (c >= 0x09 && c <= 0x0D) || c == 0x85 || (c != 0x200B && Character.isSpaceChar(c));
    }

    private static boolean isMappedToNothing(int c) {
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.CONTROL
                || c == 0x1806 || c == 0x034F || (c >= 0x180B && c <= 0x180D) || (c >= 0xFE00 && c <= 0xFE0F)
                || c == 0xFFFC;
    }
}
