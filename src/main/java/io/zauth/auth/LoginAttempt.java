package io.zauth.auth;

import io.zauth.org.Organization;

/** Credentials presented to one organization. The password never appears in {@link #toString()}. */
public record LoginAttempt(Organization organization, String username, String password) {

    @Override
    public String toString() {
        return "LoginAttempt[organization=" + organization.subdomain() + ", username=" + username + "]";
    }
}
