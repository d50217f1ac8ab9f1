package io.zauth.user;

import io.zauth.cache.CachedUser;
import java.time.Instant;

/** A user as the request path sees it: an immutable snapshot. */
public record UserAccount(
        long id,
        long organizationId,
        String email,
        String fullName,
        Role role,
        boolean active,
        Instant dateJoined,
        String passwordHash,
        boolean passwordResetRequired,
        String apiKey,
        String timezone,
        String directoryUsername) implements CachedUser {

    public boolean hasUsablePassword() {
        return passwordHash != null && !passwordHash.isEmpty() && !passwordHash.startsWith("!");
    }

    @Override
    public String toString() {
        return "UserAccount[id=" + id + ", organizationId=" + organizationId + ", email=" + email + "]";
    }
}
