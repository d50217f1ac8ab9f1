package io.zauth.ldap;

import java.util.Locale;
import java.util.Optional;

/** How a directory marks a disabled account (reference §2.3 and prior art: AD, Zulip, FreeIPA). */
public enum AccountState {
    NONE(null),
    /** Active Directory: bit 2 (ACCOUNTDISABLE) of userAccountControl. */
    USER_ACCOUNT_CONTROL("userAccountControl"),
    /** Zulip's {@code deactivated} mapping: TRUE/YES disabled, FALSE/NO enabled. */
    DEACTIVATED("deactivated"),
    /** FreeIPA / 389 Directory Server. */
    NS_ACCOUNT_LOCK("nsAccountLock");

    private final String attribute;

    AccountState(String attribute) {
        this.attribute = attribute;
    }

    /** The attribute that carries the state, if any: asked for by name, as 389-DS and FreeIPA keep it operational. */
    Optional<String> attribute() {
        return Optional.ofNullable(attribute);
    }

    public static AccountState parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "user-account-control" -> USER_ACCOUNT_CONTROL;
            case "deactivated" -> DEACTIVATED;
            case "ns-account-lock" -> NS_ACCOUNT_LOCK;
            default -> throw new IllegalArgumentException(
                    "account-state must be none, user-account-control, deactivated or ns-account-lock");
        };
    }

    /** Whether the entry says the account is disabled; an unreadable value counts as disabled. */
    public boolean isDisabled(DirectoryEntry entry) {
        if (this == NONE) {
            return false;
        }
        Optional<String> value = entry.first(attribute).map(String::trim);
        if (value.isEmpty()) {
            return false;
        }
        return switch (this) {
            case USER_ACCOUNT_CONTROL -> userAccountControlDisabled(value.get());
            case DEACTIVATED, NS_ACCOUNT_LOCK -> !isFalse(value.get());
            case NONE -> false;
        };
    }

    private static boolean userAccountControlDisabled(String value) {
        try {
            return (Long.parseLong(value) & 2) != 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static boolean isFalse(String value) {
        String upper = value.toUpperCase(Locale.ROOT);
        return upper.equals("FALSE") || upper.equals("NO");
    }
}
