package io.zauth.ldap;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Readiness requests cannot be turned into a flood of directory connections and binds: within
 * {@link DirectoriesReadiness#PROBE_VALIDITY} every request gets the last probe's answer, UP or
 * DOWN, counted by the directory's own {@code probe} operations (a real slapd, a port where
 * nothing listens, and one that never answers). After the validity the next request probes
 * again, so a directory that came back reads UP within it.
 */
@QuarkusTest
@QuarkusTestResource(value = DirectoryTestResource.class, restrictToAnnotatedClass = true)
class DirectoriesReadinessTest {

    static final int REQUESTS = 20;
    static final int CONCURRENT = 4;
    /** Whatever was answered before has expired after this long. */
    static final long AFTER_VALIDITY_MILLIS = DirectoriesReadiness.PROBE_VALIDITY.toMillis() + 500;

    @TestHTTPResource(value = "health/ready", management = true)
    URL readiness;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void manyReadinessRequestsCostAtMostOneProbePerDirectoryAndValidity() throws Exception {
        Thread.sleep(AFTER_VALIDITY_MILLIS);
        double upBefore = probes("search");
        double downBefore = probes("dead");
        double silentBefore = probes("silent");
        long start = System.nanoTime();
        List<Integer> statuses = readinessRequests(REQUESTS);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(REQUESTS, statuses.size());
        assertTrue(statuses.stream().allMatch(status -> status == 503), "the dead directory is DOWN: " + statuses);
        long allowed = 1 + elapsedMillis / DirectoriesReadiness.PROBE_VALIDITY.toMillis();
        double upAfter = probes("search");
        for (double probed : new double[] {upAfter - upBefore, probes("dead") - downBefore, probes("silent") - silentBefore}) {
            assertTrue(probed >= 1 && probed <= allowed, REQUESTS + " readiness requests in " + elapsedMillis
                    + " ms probed a directory " + probed + " times; at most " + allowed + " expected");
        }

        Thread.sleep(AFTER_VALIDITY_MILLIS);
        readinessRequests(1);
        assertEquals(upAfter + 1, probes("search"), "the first request after the validity probes again");
    }

    private List<Integer> readinessRequests(int count) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(readiness.toString())).build();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                answers.add(pool.submit(() -> client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code zauth_directory_operations_total{operation="probe"}} of one directory, all outcomes. */
    private double probes(String directory) {
        String text = given().get(metrics).then().statusCode(200).extract().asString();
        return text.lines()
                .filter(line -> line.startsWith("zauth_directory_operations_total{"))
                .filter(line -> line.contains("directory=\"" + directory + "\"") && line.contains("operation=\"probe\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
