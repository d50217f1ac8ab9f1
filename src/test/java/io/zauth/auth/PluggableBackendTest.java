package io.zauth.auth;

import static io.zauth.support.Logins.login;
import static io.zauth.support.ZulipAssertions.assertError;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.zauth.org.Organization;
import io.zauth.support.Fixtures;
import io.zauth.support.TestBackend;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A backend is one bean: the test-only {@link TestBackend} plugs into the chain by name and order. */
@QuarkusTest
class PluggableBackendTest {

    @Inject
    Fixtures fixtures;

    @Test
    void anOrganizationThatNamesTheBackendUsesIt() {
        Organization org = fixtures.organization(TestBackend.NAME, "email");
        UserAccount user = fixtures.user(org);
        login(org, user.email(), "token:" + user.email()).statusCode(200).body("user_id", equalTo((int) user.id()));
        login(org, user.email(), Fixtures.PASSWORD).statusCode(200).body("user_id", equalTo((int) user.id()));
    }

    @Test
    void anOrganizationThatDoesNotNameItIsNotAffected() {
        Organization org = fixtures.organization("email");
        UserAccount user = fixtures.user(org);
        assertError(login(org, user.email(), "token:" + user.email()), 401, "AUTHENTICATION_FAILED",
                "Your username or password is incorrect");
    }

    @Test
    void anUnknownMethodNameIsRefusedWhenConfiguring() {
        try {
            fixtures.organization("no-such-backend");
            throw new AssertionError("an unknown method was accepted");
        } catch (IllegalArgumentException expected) {
            org.junit.jupiter.api.Assertions.assertTrue(expected.getMessage().contains("no-such-backend"));
        }
    }

}
