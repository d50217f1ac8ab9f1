package io.zauth.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zauth.auth.AuthBackends;
import io.zauth.auth.AuthOutcome;
import io.zauth.error.ZulipException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Zulip's require_email_format_usernames: the organization's own setting, else what its backends take. */
class UsernamePolicyTest {

    final StubBackend emailOnly = new StubBackend("email", () -> AuthOutcome.rejected(AuthOutcome.Reason.UNKNOWN_USER));
    final StubBackend directory = new StubBackend("ldap", () -> AuthOutcome.rejected(AuthOutcome.Reason.UNKNOWN_USER), true);
    final UsernamePolicy policy = new UsernamePolicy(new AuthBackends(List.of(emailOnly, directory)));

    @Test
    void emailFormatUnlessAnEnabledBackendTakesOtherUsernames() {
        assertTrue(policy.requireEmailFormatUsernames(StubBackend.organization(false, null, "email")));
        assertFalse(policy.requireEmailFormatUsernames(StubBackend.organization(false, null, "email", "ldap")));
    }

    @Test
    void theOrganizationsOwnSettingWins() {
        assertFalse(policy.requireEmailFormatUsernames(StubBackend.organization(false, false, "email")));
        assertTrue(policy.requireEmailFormatUsernames(StubBackend.organization(false, true, "ldap")));
    }

    @Test
    void aNonEmailUsernameIsRefusedOnlyWhereEmailFormatIsRequired() {
        Executable strict = () -> policy.check(StubBackend.organization(false, null, "email"), "ada");
        ZulipException refused = org.junit.jupiter.api.Assertions.assertThrows(ZulipException.class, strict);
        assertEquals("Enter a valid email address.", refused.getMessage());
        policy.check(StubBackend.organization(false, null, "email", "ldap"), "ada");
        policy.check(StubBackend.organization(false, null, "email"), "ada@example.edu");
    }
}
