package io.zauth.org;

/** How an organization sets Zulip's require_email_format_usernames. */
public enum EmailFormatRule {
    /** Usernames must be email addresses. */
    REQUIRED,
    /** Usernames may be directory names. */
    NOT_REQUIRED,
    /** Zulip's rule: email format unless a directory maps usernames to emails. */
    DERIVED;

    public static EmailFormatRule parse(String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "required" -> REQUIRED;
            case "false", "not-required" -> NOT_REQUIRED;
            case "derived", "" -> DERIVED;
            default -> throw new IllegalArgumentException("require-email-format-usernames must be true, false or derived");
        };
    }

    Boolean toColumn() {
        return this == DERIVED ? null : this == REQUIRED;
    }
}
