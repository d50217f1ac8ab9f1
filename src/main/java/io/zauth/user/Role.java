package io.zauth.user;

import java.util.Arrays;
import java.util.Locale;

/** Zulip's user roles with their wire numbers (UserProfile.ROLE_*). */
public enum Role {
    OWNER(100),
    ADMIN(200),
    MODERATOR(300),
    MEMBER(400),
    GUEST(600);

    private final int zulipValue;

    Role(int zulipValue) {
        this.zulipValue = zulipValue;
    }

    public int zulipValue() {
        return zulipValue;
    }

    public static Role ofZulipValue(int value) {
        return Arrays.stream(values()).filter(r -> r.zulipValue == value).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role " + value));
    }

    public static Role parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("role must be one of owner, admin, moderator, member, guest");
        }
    }
}
