package io.zauth.user;

import java.time.Instant;

/**
 * A user as another Zulip server stored it, kept as it was: the Django password hash (null for
 * no usable password), the API key its clients already hold, and the original join date.
 */
public record ImportedUser(long organizationId, String email, String fullName, Role role, boolean active,
        Instant dateJoined, String passwordHash, String apiKey) {

    /** Whether storing the user created it or updated the one with its email. */
    public enum Outcome { CREATED, UPDATED }

    @Override
    public String toString() {
        return "ImportedUser[organizationId=" + organizationId + ", email=" + email + ", role=" + role + "]";
    }
}
