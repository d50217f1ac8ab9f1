package io.zauth.login;

import io.zauth.auth.AuthOutcome;
import io.zauth.auth.LoginAttempt;
import io.zauth.auth.Subject;
import io.zauth.auth.UsernameBackend;
import io.zauth.org.Organization;
import java.util.function.Supplier;

/** A backend whose verdict the test chooses, to check what the chain makes of verdicts. */
final class StubBackend implements UsernameBackend {

    private final String name;
    private final Supplier<AuthOutcome> verdict;
    private final boolean nonEmailUsernames;
    int judged;

    StubBackend(String name, Supplier<AuthOutcome> verdict) {
        this(name, verdict, false);
    }

    StubBackend(String name, Supplier<AuthOutcome> verdict, boolean nonEmailUsernames) {
        this.name = name;
        this.verdict = verdict;
        this.nonEmailUsernames = nonEmailUsernames;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean acceptsNonEmailUsernames(Organization organization) {
        return nonEmailUsernames;
    }

    @Override
    public Subject identify(Organization organization, String login) {
        return Subject.of(name + ":" + login);
    }

    @Override
    public AuthOutcome authenticate(LoginAttempt attempt, Subject subject) {
        judged++;
        return verdict.get();
    }

    static Organization organization(boolean deactivated, Boolean requireEmailFormat, String... methods) {
        return new Organization(1, "org", "Org", "", null, java.util.List.of(methods), requireEmailFormat, deactivated,
                java.util.Set.of(), 6, null, null, null);
    }
}
