package io.zauth.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.zauth.org.Organization;

/** fetch_api_key as a client sends it to one organization: the form in UTF-8, the Host naming the organization. */
public final class Logins {

    public static final String FETCH_API_KEY = "/api/v1/fetch_api_key";

    private Logins() {}

    public static ValidatableResponse login(Organization org, String username, String password) {
        return form(org, username, password).post(FETCH_API_KEY).then();
    }

    /** The same through a trusted proxy that saw the client at {@code forwardedFor}. */
    public static ValidatableResponse loginFrom(String forwardedFor, Organization org, String username, String password) {
        return form(org, username, password).header("X-Forwarded-For", forwardedFor).post(FETCH_API_KEY).then();
    }

    private static RequestSpecification form(Organization org, String username, String password) {
        return given().header("Host", Fixtures.host(org)).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("username", username).formParam("password", password);
    }
}
