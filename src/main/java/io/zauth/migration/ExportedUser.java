package io.zauth.migration;

import io.zauth.user.Role;
import java.time.Instant;

/** One checked user row of a Zulip export; {@code passwordHash} null means no usable password. */
record ExportedUser(long line, String email, String fullName, String passwordHash, String apiKey, boolean active,
        Role role, Instant dateJoined) {

    @Override
    public String toString() {
        return "ExportedUser[line=" + line + ", email=" + email + ", role=" + role + "]";
    }
}
