package io.zauth.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.zauth.user.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * users/me's success body, written once per user as the account cache holds them: every API call
 * of that user then answers the same bytes, without building or encoding the profile again. The
 * user is held weakly and compared by identity, so a body lives exactly as long as the cached user
 * it was written from; a change or eviction in the account cache is a new object and a new body.
 */
@ApplicationScoped
class ProfileBodies {

    /** About 700 bytes each: some 7 MiB for the users most often calling. */
    private static final int MAX_BODIES = 10_000;

    private final ObjectMapper json;
    private final Cache<UserAccount, byte[]> bodies = Caffeine.newBuilder().weakKeys().maximumSize(MAX_BODIES).build();

    ProfileBodies(ObjectMapper json) {
        this.json = json;
    }

    byte[] of(UserAccount user) {
        return bodies.get(user, this::write);
    }

    private byte[] write(UserAccount user) {
        try {
            return json.writeValueAsBytes(UserProfiles.into(ZulipJson.success(), user));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }
}
