package io.zauth.ops;

import static io.restassured.RestAssured.given;
import static io.zauth.support.Logins.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.zauth.org.Organization;
import io.zauth.org.OrganizationSettings;
import io.zauth.support.FreePorts;
import io.zauth.support.Fixtures;
import io.zauth.user.UserAccount;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The alerting rules (ops/prometheus) and the Grafana dashboard (ops/grafana) name only metrics,
 * and labels, that /q/metrics really serves: renaming a metric in the code fails here, not
 * silently in an operator's Prometheus. The server is first made to count every kind of event
 * the files look at, including a directory that cannot be reached.
 */
@QuarkusTest
@TestProfile(MonitoringAssetsTest.WithAnUnreachableDirectory.class)
class MonitoringAssetsTest {

    static final Path RULES = Path.of("ops/prometheus/zauth-alerts.yml");
    static final Path DASHBOARD = Path.of("ops/grafana/zauth-dashboard.json");

    /** A zauth metric, with its label matchers if it has any: {@code zauth_x{a="1",b=~"2"}}. */
    private static final Pattern SELECTOR = Pattern.compile("\\b(zauth_[A-Za-z0-9_]+)(\\{([^}]*)})?");
    private static final Pattern MATCHER = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*(=~|!~|!=|=)");
    private static final Pattern SAMPLE_LABEL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=\"");
    /** Added by Prometheus when it scrapes, never served. */
    private static final Set<String> TARGET_LABELS = Set.of("instance", "job");

    public static class WithAnUnreachableDirectory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String prefix = "zauth.directories.unreachable.";
            return Map.of(prefix + "urls", "ldap://127.0.0.1:" + FreePorts.next(),
                    prefix + "bind-dn", "cn=zauth,dc=example,dc=org",
                    prefix + "bind-password", "unused",
                    prefix + "user-search-base", "ou=people,dc=example,dc=org",
                    prefix + "user-search-filter", "(uid={0})",
                    prefix + "connect-timeout", "1s");
        }
    }

    @Inject
    Fixtures fixtures;

    @TestHTTPResource(value = "metrics", management = true)
    URL metricsUrl;

    /** /q/metrics before this test's application (a profile of its own) served any request. */
    static String beforeAnyRequest;

    /** Sample names served (histograms as {@code _bucket}, {@code _count}, {@code _sum}) and the labels each carries. */
    Map<String, Set<String>> served;

    @BeforeEach
    void countEveryKindOfEvent() {
        if (beforeAnyRequest == null) {
            beforeAnyRequest = given().get(metricsUrl).then().statusCode(200).extract().asString();
        }
        Organization org = fixtures.update(fixtures.organization("email"),
                new OrganizationSettings(null, null, null, null, null, null, null, null, null, "1/30m"));
        UserAccount user = fixtures.user(org);
        login(org, user.email(), Fixtures.PASSWORD).statusCode(200);
        login(org, user.email(), "wrong").statusCode(401);
        login(org, user.email(), "wrong").statusCode(429);
        given().header("Host", Fixtures.host(org)).auth().preemptive().basic(user.email(), user.apiKey())
                .get("/api/v1/users/me").then().statusCode(200);
        login(fixtures.directoryOrganization("unreachable"), "hamlet@example.org", "whatever").statusCode(503);
        served = servedSamples(given().get(metricsUrl).then().statusCode(200).extract().asString());
    }

    @Test
    void theGaugesAreServedFromStartUp() {
        Set<String> gauges = Set.of("zauth_account_cache_age_seconds", "zauth_account_cache_stale_after_seconds",
                "zauth_password_hashing_in_progress", "zauth_password_hashing_waiting", "zauth_password_hashing_max_concurrent");
        Set<String> missing = new TreeSet<>(gauges);
        missing.removeAll(servedSamples(beforeAnyRequest).keySet());
        assertEquals(Set.of(), missing);
    }

    @Test
    void everyMetricAndLabelTheAlertingRulesSelectIsServed() throws IOException {
        List<String> expressions = new ArrayList<>();
        for (JsonNode group : new YAMLMapper().readTree(RULES.toFile()).path("groups")) {
            group.path("rules").forEach(rule -> expressions.add(rule.path("expr").asText()));
        }
        Map<String, Set<String>> used = selected(expressions);
        assertTrue(used.size() >= 4, "the rules were not read: " + used.keySet());
        assertServed(RULES, used);
    }

    @Test
    void everyMetricAndLabelTheDashboardQueriesIsServed() throws IOException {
        List<String> expressions = new ArrayList<>();
        collectQueries(new ObjectMapper().readTree(DASHBOARD.toFile()), expressions);
        Map<String, Set<String>> used = selected(expressions);
        assertTrue(used.size() >= 10, "the dashboard was not read: " + used.keySet());
        assertServed(DASHBOARD, used);
    }

    private void assertServed(Path file, Map<String, Set<String>> used) {
        Map<String, String> missing = new TreeMap<>();
        used.forEach((name, labels) -> {
            Set<String> servedLabels = served.get(name);
            if (servedLabels == null) {
                missing.put(name, "not served");
            } else if (!servedLabels.containsAll(labels)) {
                Set<String> absent = new TreeSet<>(labels);
                absent.removeAll(servedLabels);
                missing.put(name, "no label " + absent);
            }
        });
        assertEquals(Map.of(), missing, file + " names what /q/metrics does not serve; it serves "
                + new TreeSet<>(served.keySet()).stream().filter(n -> n.startsWith("zauth_")).toList());
    }

    /** Every zauth metric the expressions select, with the label names they match on. */
    private static Map<String, Set<String>> selected(List<String> expressions) {
        Map<String, Set<String>> used = new TreeMap<>();
        for (String expression : expressions) {
            Matcher selector = SELECTOR.matcher(expression);
            while (selector.find()) {
                Set<String> labels = used.computeIfAbsent(selector.group(1), name -> new TreeSet<>());
                if (selector.group(3) != null) {
                    Matcher matcher = MATCHER.matcher(selector.group(3));
                    while (matcher.find()) {
                        labels.add(matcher.group(1));
                    }
                }
            }
        }
        used.values().forEach(labels -> labels.removeAll(TARGET_LABELS));
        assertFalse(used.isEmpty(), "no zauth metric found in " + expressions);
        return used;
    }

    /** Panel queries ({@code expr}) and template-variable queries ({@code query}, {@code definition}). */
    private static void collectQueries(JsonNode node, List<String> queries) {
        node.fields().forEachRemaining(field -> {
            boolean query = Set.of("expr", "query", "definition").contains(field.getKey());
            if (query && field.getValue().isTextual()) {
                queries.add(field.getValue().asText());
            } else {
                collectQueries(field.getValue(), queries);
            }
        });
        if (node.isArray()) {
            node.forEach(element -> collectQueries(element, queries));
        }
    }

    private static Map<String, Set<String>> servedSamples(String text) {
        Map<String, Set<String>> samples = new HashMap<>();
        text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            boolean labelled = brace >= 0 && brace < space;
            Set<String> labels = samples.computeIfAbsent(line.substring(0, labelled ? brace : space), name -> new TreeSet<>());
            if (labelled) {
                Matcher label = SAMPLE_LABEL.matcher(line.substring(brace, line.lastIndexOf('}')));
                while (label.find()) {
                    labels.add(label.group(1));
                }
            }
        });
        return samples;
    }
}
