package io.zauth.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.zauth.org.Organization;
import io.zauth.support.Fixtures;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One stable key per user, however many clients log in at once. */
@QuarkusTest
class ApiKeyConcurrencyTest {

    @Inject
    Fixtures fixtures;

    @Test
    void concurrentFirstFetchesAllGetTheSameKey() throws Exception {
        Organization org = fixtures.organization();
        UserAccount user = fixtures.user(org);
        Callable<String> fetch = () -> given().header("Host", Fixtures.host(org))
                .formParam("username", user.email()).formParam("password", Fixtures.PASSWORD)
                .post(FetchApiKeyTest.PATH).then().statusCode(200).extract().path("api_key");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = pool.invokeAll(IntStream.range(0, 16).mapToObj(i -> fetch).toList());
            Set<String> keys = new HashSet<>();
            for (Future<String> result : results) {
                keys.add(result.get());
            }
            assertEquals(Set.of(user.apiKey()), keys);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyUserGetsADistinctKey() {
        Organization org = fixtures.organization();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            keys.add(fixtures.user(org).apiKey());
        }
        assertEquals(50, keys.size());
    }
}
