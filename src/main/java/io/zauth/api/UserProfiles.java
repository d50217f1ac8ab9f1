package io.zauth.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zauth.user.Role;
import io.zauth.user.UserAccount;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A user as Zulip's API describes one (the fields of {@code GET /users/me} in Zulip's OpenAPI
 * document, reference §9), for {@code users/me} and a token login's {@code include_profile}.
 * Fields that are not zauth's to know get what Zulip sends when they do not apply.
 */
final class UserProfiles {

    /** Python's datetime.isoformat() for an aware UTC time with microseconds. */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");
    /** zauth stores no avatars, so every user has the first version of their Gravatar. */
    private static final int AVATAR_VERSION = 1;
    /** zauth holds no messages; Zulip answers -1 for a user who has received none. */
    private static final int NO_MESSAGE = -1;

    private UserProfiles() {}

    /** The fields into {@code body}, in Zulip's order of users/me. */
    static ObjectNode into(ObjectNode body, UserAccount user) {
        body.put("avatar_url", gravatarUrl(user.email()));
        body.put("avatar_version", AVATAR_VERSION);
        body.put("email", user.email());
        body.put("user_id", user.id());
        body.put("is_admin", user.role() == Role.ADMIN || user.role() == Role.OWNER);
        body.put("is_owner", user.role() == Role.OWNER);
        body.put("is_guest", user.role() == Role.GUEST);
        body.put("is_billing_admin", false);
        body.put("role", user.role().zulipValue());
        body.put("is_bot", false);
        body.put("full_name", user.fullName());
        body.put("timezone", user.timezone());
        body.put("is_active", user.active());
        body.put("date_joined", ISO.format(user.dateJoined().atOffset(ZoneOffset.UTC)));
        body.put("delivery_email", user.email());
        body.putObject("profile_data");
        body.put("max_message_id", NO_MESSAGE);
        return body;
    }

    static ObjectNode of(UserAccount user) {
        return into(JsonNodeFactory.instance.objectNode(), user);
    }

    /**
     * Zulip's avatar URL for a user without an uploaded avatar when the client does not ask to
     * compute Gravatars itself: the MD5 of the lower-cased delivery email (zerver/lib/avatar.py).
     */
    static String gravatarUrl(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(email.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "https://secure.gravatar.com/avatar/" + HexFormat.of().formatHex(digest) + "?d=identicon&version=" + AVATAR_VERSION;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }
}
