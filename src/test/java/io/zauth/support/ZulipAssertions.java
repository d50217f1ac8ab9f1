package io.zauth.support;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.ValidatableResponse;

/** Checks of Zulip's error bodies: status, code and msg exactly. */
public final class ZulipAssertions {

    private ZulipAssertions() {}

    public static ValidatableResponse assertError(ValidatableResponse response, int status, String code, String msg) {
        return response.statusCode(status)
                .contentType("application/json")
                .body("result", equalTo("error"))
                .body("msg", equalTo(msg))
                .body("code", code == null ? nullValue() : equalTo(code));
    }
}
