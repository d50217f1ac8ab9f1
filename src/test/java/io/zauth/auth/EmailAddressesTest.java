package io.zauth.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Django's validate_email, as Zulip's validate_login_email applies it. */
class EmailAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"iago@zulip.com", "Iago@Zulip.COM", "user@localhost", "a.b+c@sub.example.co.uk",
            "\"quoted@name\"@example.com", "x@[127.0.0.1]", "x@[::1]", "user@bücher.example", "o'brien@example.ie"})
    void djangoAcceptsThese(String email) {
        assertTrue(EmailAddresses.isValid(email), email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hamlet", " iago@zulip.com", "iago@zulip.com ", "a@b", "@zulip.com", "iago@", "a..b@example.com",
            ".a@example.com", "a@-example.com", "a@example.c", "a@example-.com", "a@[300.1.1.1]", "a b@example.com", "\"quoted name\"@example.com",
            "a@exa mple.com", "a@@example.com", ""})
    void djangoRejectsThese(String email) {
        assertFalse(EmailAddresses.isValid(email), email);
    }

    @org.junit.jupiter.api.Test
    void addressesLongerThan320CharactersAreRejected() {
        assertFalse(EmailAddresses.isValid("a".repeat(64) + "@" + "b".repeat(60) + ".com".repeat(50)));
    }
}
