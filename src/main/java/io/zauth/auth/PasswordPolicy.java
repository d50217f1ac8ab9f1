package io.zauth.auth;

import io.zauth.org.Organization;

/** An organization's password rules, applied when a password is set and when an old hash is upgraded. */
public final class PasswordPolicy {

    private PasswordPolicy() {}

    public static boolean isAcceptable(Organization organization, String password) {
        return !password.isBlank()
                && password.codePointCount(0, password.length()) >= organization.passwordMinLength();
    }

    public static void requireAcceptable(Organization organization, String password) {
        if (!isAcceptable(organization, password)) {
            throw new IllegalArgumentException("the password must have at least "
                    + organization.passwordMinLength() + " characters and not be blank");
        }
    }
}
