package io.zauth.ratelimit;

import static io.zauth.support.Logins.login;

import io.quarkus.test.junit.QuarkusTest;
import io.zauth.email.EmailAuthBackend;
import io.zauth.org.Organization;
import io.zauth.support.Fixtures;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The limits counted in this process, the embedded default. */
@QuarkusTest
class MemoryRateLimitTest extends RateLimitBehaviour {

    @Inject
    ResetLedger ledger;

    /** What `zauth ratelimit reset` and `user set-password` leave for a server counting in memory. */
    @Test
    void aResetRecordedByAnotherProcessReachesTheServer() {
        Organization org = organizationLimitedTo("2/30m");
        UserAccount user = fixtures.user(org);
        login(org, user.email(), "wrong password").statusCode(401);
        login(org, user.email(), "wrong password").statusCode(401);
        assertRateLimited(login(org, user.email(), Fixtures.PASSWORD), 2);
        ledger.recordReset(LoginRateLimiter.bucketOf(EmailAuthBackend.identity(org, user.email())), Instant.now());
        login(org, user.email(), "wrong password").statusCode(401);
        login(org, user.email(), Fixtures.PASSWORD).statusCode(200);
    }
}
