package io.zauth.user;

/** What creating a user needs; {@code passwordHash} null means no usable password. */
public record NewUser(long organizationId, String email, String fullName, Role role, String passwordHash) {

    @Override
    public String toString() {
        return "NewUser[organizationId=" + organizationId + ", email=" + email + ", role=" + role + "]";
    }
}
