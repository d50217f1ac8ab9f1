package io.zauth.ldap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The last guard before a bind: RFC 4513 §5.1.2 makes an empty password an anonymous bind. */
class DirectoryPasswordTest {

    @Test
    void emptyBlankAndNulPasswordsAreNeverBound() {
        for (String password : new String[] {null, "", " ", "\t\n", "secret\u0000", "\u0000"}) {
            assertFalse(Directory.isBindablePassword(password), String.valueOf(password));
        }
        assertTrue(Directory.isBindablePassword("secret-hamlet"));
        assertTrue(Directory.isBindablePassword(" padded secret "));
    }
}
