package io.zauth.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.zauth.org.Organization;
import io.zauth.password.PasswordHasher;
import io.zauth.support.Fixtures;
import io.zauth.user.NewUser;
import io.zauth.user.Role;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Racing writes leave one consistent result: one working key per user, one user per email. */
@QuarkusTest
class ConcurrentWritesTest {

    static final String REGENERATE = "/api/v1/users/me/api_key/regenerate";
    static final int RACERS = 16;

    @Inject
    Fixtures fixtures;

    @Inject
    PasswordHasher hasher;

    @Test
    void concurrentRegenerationsLeaveExactlyOneWorkingKey() throws Exception {
        Organization org = fixtures.organization();
        UserAccount user = fixtures.user(org);
        String original = fetchKey(org, user.email());
        List<Response> answers = race(() -> given().header("Host", Fixtures.host(org)).auth().preemptive()
                .basic(user.email(), original).post(REGENERATE));

        List<String> issued = new ArrayList<>();
        for (Response answer : answers) {
            if (answer.statusCode() == 200) {
                issued.add(answer.path("api_key"));
            } else {
                // A racer whose key was already replaced when it authenticated: refused, never a 5xx.
                assertEquals(401, answer.statusCode(), answer.asString());
                assertEquals("error", answer.path("result"));
            }
        }
        assertFalse(issued.isEmpty(), "no regeneration succeeded");
        assertEquals(issued.size(), issued.stream().distinct().count(), "a key was issued twice: " + issued);

        List<String> working = issued.stream().filter(key -> me(org, user.email(), key) == 200).toList();
        assertEquals(1, working.size(), "keys that still authenticate among " + issued);
        assertEquals(401, me(org, user.email(), original), "the original key still works");
        assertEquals(working.get(0), fetchKey(org, user.email()), "fetch_api_key returns another key than the working one");
    }

    @Test
    void concurrentCreationsOfOneEmailCreateOneUser() throws Exception {
        Organization org = fixtures.organization();
        String email = Fixtures.unique("racer") + "@example.com";
        String hash = hasher.hash(Fixtures.PASSWORD);
        List<Boolean> created = race(() -> {
            try {
                fixtures.users().create(new NewUser(org.id(), email, "Racer", Role.MEMBER, hash));
                return true;
            } catch (RuntimeException refused) {
                return false;
            }
        });
        assertEquals(1, created.stream().filter(Boolean::booleanValue).count(), "successful creations: " + created);
        assertEquals(1, fixtures.users().list(org.id()).stream().filter(u -> u.email().equals(email)).count());
        assertTrue(fixtures.users().byEmail(org.id(), email).isPresent());
        fetchKey(org, email);
    }

    private static String fetchKey(Organization org, String email) {
        return given().header("Host", Fixtures.host(org)).formParam("username", email).formParam("password", Fixtures.PASSWORD)
                .post(FetchApiKeyTest.PATH).then().statusCode(200).extract().path("api_key");
    }

    private static int me(Organization org, String email, String key) {
        return given().header("Host", Fixtures.host(org)).auth().preemptive().basic(email, key).get(UsersMeTest.ME).statusCode();
    }

    /** Runs the action on RACERS threads released at the same instant. */
    private static <T> List<T> race(Callable<T> action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = IntStream.range(0, RACERS).mapToObj(i -> pool.submit(() -> {
                start.await();
                return action.call();
            })).toList();
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
