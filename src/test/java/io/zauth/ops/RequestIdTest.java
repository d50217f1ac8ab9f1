package io.zauth.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.zauth.org.Organization;
import io.zauth.support.CapturedLogs;
import io.zauth.support.Fixtures;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every log line of a request carries its id, which the answer names in X-Request-Id. */
@QuarkusTest
class RequestIdTest {

    @Inject
    Fixtures fixtures;

    private final CapturedLogs logs = new CapturedLogs("");

    @BeforeEach
    void listen() {
        logs.attach();
    }

    @AfterEach
    void stop() {
        logs.detach();
    }

    List<ExtLogRecord> auditRecordsFor(String username) {
        return logs.records().stream().map(ExtLogRecord.class::cast).filter(r -> r.getLoggerName().equals("zauth.audit")
                && r.getFormattedMessage().contains(username)).toList();
    }

    @Test
    void aProxysRequestIdIsKeptAndNamesEveryLineOfTheRequest() {
        Organization org = fixtures.organization("email");
        String username = Fixtures.unique("ada") + "@example.com";
        given().header("Host", Fixtures.host(org)).header("X-Request-Id", "lb-7f3a.42")
                .formParam("username", username).formParam("password", "wrong")
                .post("/api/v1/fetch_api_key").then().statusCode(401).header("X-Request-Id", equalTo("lb-7f3a.42"));
        List<ExtLogRecord> audit = auditRecordsFor(username);
        assertFalse(audit.isEmpty(), "the attempt was audited");
        audit.forEach(r -> assertEquals("lb-7f3a.42", r.getMdc("request_id")));
    }

    @Test
    void withoutOneOrWithAnOddOneAFreshIdIsGiven() {
        Organization org = fixtures.organization("email");
        String username = Fixtures.unique("ada") + "@example.com";
        String id = given().header("Host", Fixtures.host(org)).header("X-Request-Id", "evil\" injected=\"1")
                .formParam("username", username).formParam("password", "wrong")
                .post("/api/v1/fetch_api_key").then().statusCode(401)
                .header("X-Request-Id", matchesPattern("[0-9a-f]{24}")).extract().header("X-Request-Id");
        auditRecordsFor(username).forEach(r -> assertEquals(id, r.getMdc("request_id")));
        given().get("/api/v1/server_settings").then().header("X-Request-Id", matchesPattern("[0-9a-f]{24}"));
    }
}
