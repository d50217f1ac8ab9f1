package io.zauth.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zauth.auth.AuthBackends;
import io.zauth.auth.AuthOutcome;
import io.zauth.auth.AuthOutcome.Reason;
import io.zauth.auth.BackendUnavailableException;
import io.zauth.auth.LoginAttempt;
import io.zauth.error.ZulipErrors;
import io.zauth.error.ZulipException;
import io.zauth.org.Organization;
import io.zauth.ratelimit.Admission;
import io.zauth.user.Role;
import io.zauth.user.UserAccount;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which verdict the chain answers with, as Zulip's get_api_key_fetch_authenticate_failure orders them. */
class AuthenticationChainTest {

    static final UserAccount ADA = new UserAccount(7, 1, "ada@example.edu", "Ada", Role.MEMBER, true, Instant.EPOCH,
            null, false, "k", "", null);

    static AuthOutcome rejected(Reason reason) {
        return AuthOutcome.rejected(reason);
    }

    static StubBackend down(String name) {
        return new StubBackend(name, () -> {
            throw new BackendUnavailableException("down") {
                @Override
                public ZulipException answer() {
                    return ZulipErrors.directoryUnavailable();
                }
            };
        });
    }

    static String codeOf(List<StubBackend> backends, Organization organization) {
        AuthenticationChain chain = new AuthenticationChain(new AuthBackends(List.copyOf(backends)));
        return assertThrows(ZulipException.class,
                () -> chain.authenticate(new LoginAttempt(organization, "ada", "pw"), Admission.unlimited())).code();
    }

    @Test
    void aDeactivatedOrganizationIsRefusedBeforeAnyBackend() {
        StubBackend a = new StubBackend("a", () -> AuthOutcome.authenticated(ADA));
        assertEquals("REALM_DEACTIVATED", codeOf(List.of(a), StubBackend.organization(true, null, "a")));
        assertEquals(0, a.judged);
    }

    @Test
    void noPasswordBackendMeansPasswordAuthIsDisabled() {
        assertEquals("PASSWORD_AUTH_DISABLED", codeOf(List.of(), StubBackend.organization(false, null, "a")));
    }

    @Test
    void theFirstBackendThatAcceptsDecidesAndTheRestAreNotAsked() {
        StubBackend first = new StubBackend("a", () -> rejected(Reason.BAD_CREDENTIALS));
        StubBackend second = new StubBackend("b", () -> AuthOutcome.authenticated(ADA));
        StubBackend third = new StubBackend("c", () -> AuthOutcome.authenticated(ADA));
        AuthenticationChain chain = new AuthenticationChain(new AuthBackends(List.of(first, second, third)));
        AuthenticationChain.Login login = chain.authenticate(
                new LoginAttempt(StubBackend.organization(false, null, "a", "b", "c"), "ada", "pw"), Admission.unlimited());
        assertEquals("b", login.backend());
        assertEquals(0, third.judged);
    }

    @Test
    void deactivationWinsOverAResetDemandWhichWinsOverAnOutageWhichWinsOverAWrongPassword() {
        Organization org = StubBackend.organization(false, null, "wrong", "down", "reset", "gone");
        StubBackend wrong = new StubBackend("wrong", () -> rejected(Reason.BAD_CREDENTIALS));
        StubBackend reset = new StubBackend("reset", () -> rejected(Reason.PASSWORD_RESET_REQUIRED));
        StubBackend gone = new StubBackend("gone", () -> rejected(Reason.USER_DEACTIVATED));
        assertEquals("USER_DEACTIVATED", codeOf(List.of(wrong, down("down"), reset, gone), org));
        assertEquals("PASSWORD_RESET_REQUIRED", codeOf(List.of(wrong, down("down"), reset),
                StubBackend.organization(false, null, "wrong", "down", "reset")));
        assertEquals("DIRECTORY_UNAVAILABLE", codeOf(List.of(wrong, down("down")),
                StubBackend.organization(false, null, "wrong", "down")));
        assertEquals("AUTHENTICATION_FAILED", codeOf(List.of(wrong, new StubBackend("unknown", () -> rejected(Reason.UNKNOWN_USER))),
                StubBackend.organization(false, null, "wrong", "unknown")));
    }

    @Test
    void aBackendAfterAnOutageStillLogsThePersonIn() {
        StubBackend accepts = new StubBackend("b", () -> AuthOutcome.authenticated(ADA));
        AuthenticationChain chain = new AuthenticationChain(new AuthBackends(List.of(down("a"), accepts)));
        assertEquals("b", chain.authenticate(new LoginAttempt(StubBackend.organization(false, null, "a", "b"), "ada", "pw"),
                Admission.unlimited()).backend());
    }
}
