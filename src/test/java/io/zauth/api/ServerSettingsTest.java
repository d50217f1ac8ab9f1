package io.zauth.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.zauth.org.EmailFormatRule;
import io.zauth.org.Organization;
import io.zauth.org.OrganizationSettings;
import io.zauth.support.Fixtures;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /api/v1/server_settings per reference §1.9. */
@QuarkusTest
class ServerSettingsTest {

    static final String PATH = "/api/v1/server_settings";

    @Inject
    Fixtures fixtures;

    @Test
    void anOrganizationsSettingsHaveZulipsKeysInZulipsOrder() {
        Organization org = fixtures.organization("email");
        Map<String, Object> body = given().header("Host", Fixtures.host(org) + ":8080").get(PATH).then().statusCode(200)
                .body("result", equalTo("success"))
                .body("authentication_methods.password", equalTo(true))
                .body("authentication_methods.email", equalTo(true))
                .body("authentication_methods.ldap", equalTo(false))
                .body("authentication_methods.dev", equalTo(false))
                .body("authentication_methods.github", equalTo(false))
                .body("authentication_methods.'openid connect'", equalTo(false))
                .body("external_authentication_methods", empty())
                .body("email_auth_enabled", equalTo(true))
                .body("require_email_format_usernames", equalTo(true))
                .body("realm_uri", equalTo("http://" + Fixtures.host(org) + ":8080"))
                .body("realm_url", equalTo("http://" + Fixtures.host(org) + ":8080"))
                .body("realm_name", equalTo("Test organization"))
                .body("realm_description", equalTo("<p>A test organization.</p>"))
                .body("realm_icon", equalTo(""))
                .body("realm_web_public_access_enabled", equalTo(false))
                .body("zulip_feature_level", equalTo(ServerSettingsResource.ZULIP_FEATURE_LEVEL))
                .body("push_notifications_enabled", equalTo(false))
                .body("is_incompatible", equalTo(false))
                .extract().as(Map.class);
        assertEquals(List.of("result", "msg", "authentication_methods", "zulip_version", "zulip_merge_base",
                "zulip_feature_level", "push_notifications_enabled", "is_incompatible", "email_auth_enabled",
                "require_email_format_usernames", "realm_uri", "realm_url", "realm_name", "realm_icon",
                "realm_description", "realm_web_public_access_enabled", "external_authentication_methods"),
                List.copyOf(body.keySet()));
    }

    @Test
    void theSettingsFollowTheOrganization() {
        Organization org = fixtures.organization("dev");
        org = fixtures.update(org, new OrganizationSettings(null, "Line one <b>\n\nLine two", "https://example.org/i.png",
                null, EmailFormatRule.NOT_REQUIRED, null, null, null, null, null));
        given().header("Host", Fixtures.host(org)).get(PATH).then().statusCode(200)
                .body("authentication_methods.password", equalTo(false))
                .body("authentication_methods.email", equalTo(false))
                .body("email_auth_enabled", equalTo(false))
                .body("require_email_format_usernames", equalTo(false))
                .body("realm_icon", equalTo("https://example.org/i.png"))
                .body("realm_description", equalTo("<p>Line one &lt;b&gt;</p><p>Line two</p>"));
    }

    @Test
    void zulipInvalidAndOldAndroidAppsAreIncompatible() {
        Organization org = fixtures.organization();
        assertIncompatible(org, "ZulipInvalid/1.0", true);
        assertIncompatible(org, "ZulipMobile/16.2.95 (Android 9)", true);
        assertIncompatible(org, "ZulipMobile/16.2.96 (Android 9)", false);
        assertIncompatible(org, "ZulipMobile/1.0 (iOS 17)", false);
        assertIncompatible(org, "ZulipFlutter/30.0.260 (Android 14)", false);
    }

    @Test
    void unreadParametersAreListed() {
        Organization org = fixtures.organization();
        given().header("Host", Fixtures.host(org)).queryParam("b", "1").queryParam("a", "2").get(PATH).then()
                .statusCode(200).body("ignored_parameters_unsupported", equalTo(List.of("a", "b")));
    }

    void assertIncompatible(Organization org, String userAgent, boolean incompatible) {
        given().header("Host", Fixtures.host(org)).header("User-Agent", userAgent).get(PATH).then()
                .statusCode(200).body("is_incompatible", equalTo(incompatible));
    }
}
