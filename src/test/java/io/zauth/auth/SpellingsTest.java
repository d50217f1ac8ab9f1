package io.zauth.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The folded forms that key the login limit: every spelling a directory or mail system treats as one. */
class SpellingsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ADA | ada",
            "ada\u00ADlovelace | adalovelace",
            "\uFF41\uFF44\uFF41 | ada",
            "a\u200Bda | ada",
            "a\u200Dda\uFE0F | ada",
            "'  ada   lovelace ' | ada lovelace",
            "ada\tlovelace | ada lovelace",
            "stra\u00DFe | strasse",
            "\uFB01le | file",
            "\u2126 | \u03C9"})
    void foldsWhatADirectoryMatchesAsOne(String typed, String folded) {
        assertEquals(folded, Spellings.fold(typed));
    }

    @Test
    void keepsWhatADirectoryTellsApart() {
        assertNotEquals(Spellings.fold("ada"), Spellings.fold("adа"), "Cyrillic a is another letter");
        assertNotEquals(Spellings.fold("ada.l"), Spellings.fold("adal"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ada@example.edu | ada@example.edu",
            "ADA@Example.EDU | ada@example.edu",
            "\"ada\"@example.edu | ada@example.edu",
            "\"a\\da\"@example.edu | ada@example.edu",
            "\"a\\\"b\"@example.edu | a\"b@example.edu",
            "ada@example.\uFF45\uFF44\uFF55 | ada@example.edu",
            "ada | ada"})
    void canonicalAddressesDropQuotesAndEscapes(String typed, String canonical) {
        assertEquals(canonical, EmailAddresses.canonical(typed));
    }
}
