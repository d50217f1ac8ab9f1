package io.zauth.api;

/**
 * Example bodies for the OpenAPI document, in Zulip's wire format (zulip.com/api, with Zulip's
 * demo user iago@zulip.com). Annotations need constants, so they are written out here once;
 * ApiExamplesTest checks every error example against the body {@code ZulipErrors} really sends.
 */
final class ApiExamples {

    static final String JSON = "application/json";
    static final String BASIC_AUTH = "basicAuth";
    static final String TAG = "authentication";

    // ---- successes --------------------------------------------------------------------------

    static final String API_KEY = """
            {"result":"success","msg":"","api_key":"gjA04ZYcqXKalvYMA8OeXSfzUOLrtbZv","email":"iago@zulip.com","user_id":5}""";

    static final String TOKEN_API_KEY = """
            {"result":"success","msg":"","api_key":"gjA04ZYcqXKalvYMA8OeXSfzUOLrtbZv","email":"iago@zulip.com"}""";

    static final String DEV_USERS = """
            {"result":"success","msg":"","direct_admins":[{"email":"iago@zulip.com","realm_uri":"http://localhost:8080"}],\
            "direct_users":[{"email":"hamlet@zulip.com","realm_uri":"http://localhost:8080"}]}""";

    static final String REGENERATED_KEY = """
            {"result":"success","msg":"","api_key":"6hOK5eF6XhHzD6a6rDhaK7ZXgUAB4R0p"}""";

    static final String USERS_ME = """
            {"result":"success","msg":"","avatar_url":\
            "https://secure.gravatar.com/avatar/af4f06322c177ef4e1e9b2c424986b54?d=identicon&version=1",\
            "avatar_version":1,"email":"iago@zulip.com","user_id":5,"is_admin":true,"is_owner":false,\
            "is_guest":false,"is_billing_admin":false,"role":200,"is_bot":false,"full_name":"Iago","timezone":"",\
            "is_active":true,"date_joined":"2024-03-15T09:21:04.385000+00:00","delivery_email":"iago@zulip.com",\
            "profile_data":{},"max_message_id":-1}""";

    static final String SERVER_SETTINGS = """
            {"result":"success","msg":"","authentication_methods":{"password":true,"dev":false,"email":true,\
            "ldap":false,"remoteuser":false,"github":false,"azuread":false,"gitlab":false,"google":false,\
            "apple":false,"saml":false,"openid connect":false},"zulip_version":"9.0-zauth-0.1.0",\
            "zulip_merge_base":"9.0-zauth-0.1.0","zulip_feature_level":257,"push_notifications_enabled":false,\
            "is_incompatible":false,"email_auth_enabled":true,"require_email_format_usernames":true,\
            "realm_uri":"https://zulip.example.com","realm_url":"https://zulip.example.com",\
            "realm_name":"Zulip Dev","realm_icon":"","realm_description":"<p>The Zulip development environment.</p>",\
            "realm_web_public_access_enabled":false,"external_authentication_methods":[]}""";

    // ---- 400 --------------------------------------------------------------------------------

    static final String MISSING_USERNAME = """
            {"result":"error","msg":"Missing 'username' argument","var_name":"username","code":"REQUEST_VARIABLE_MISSING"}""";

    static final String INVALID_EMAIL = """
            {"result":"error","msg":"Enter a valid email address.","code":"BAD_REQUEST"}""";

    static final String INVALID_CHARACTERS = """
            {"result":"error","msg":"Invalid characters in argument 'username'","code":"BAD_REQUEST"}""";

    static final String MALFORMED_REQUEST = """
            {"result":"error","msg":"Malformed request","code":"BAD_REQUEST"}""";

    static final String INVALID_SUBDOMAIN_400 = """
            {"result":"error","msg":"Invalid subdomain","code":"BAD_REQUEST"}""";

    static final String BASIC_AUTH_REQUIRED = """
            {"result":"error","msg":"This endpoint requires HTTP basic authentication.","code":"BAD_REQUEST"}""";

    // ---- 401 --------------------------------------------------------------------------------

    static final String AUTHENTICATION_FAILED = """
            {"result":"error","msg":"Your username or password is incorrect","code":"AUTHENTICATION_FAILED"}""";

    static final String USER_DEACTIVATED = """
            {"result":"error","msg":"Account is deactivated","code":"USER_DEACTIVATED"}""";

    static final String REALM_DEACTIVATED = """
            {"result":"error","msg":"This organization has been deactivated","code":"REALM_DEACTIVATED"}""";

    static final String PASSWORD_AUTH_DISABLED = """
            {"result":"error","msg":"Password authentication is disabled in this organization","code":"PASSWORD_AUTH_DISABLED"}""";

    static final String PASSWORD_RESET_REQUIRED = """
            {"result":"error","msg":"Your password has been disabled and needs to be reset","code":"PASSWORD_RESET_REQUIRED"}""";

    static final String INVALID_API_KEY = """
            {"result":"error","msg":"Invalid API key","code":"UNAUTHORIZED"}""";

    static final String NOT_LOGGED_IN = """
            {"result":"error","msg":"Not logged in: API authentication or user session required","code":"UNAUTHORIZED"}""";

    static final String WRONG_SUBDOMAIN = """
            {"result":"error","msg":"Account is not associated with this subdomain","code":"UNAUTHORIZED"}""";

    // ---- 404, 405, 413, 429 -----------------------------------------------------------------

    static final String NONEXISTENT_SUBDOMAIN = """
            {"result":"error","msg":"Invalid subdomain","code":"NONEXISTENT_SUBDOMAIN"}""";

    static final String JWT_NOT_ENABLED = """
            {"result":"error","msg":"JWT authentication is not enabled for this organization","code":"BAD_REQUEST"}""";

    static final String JWT_MISSING = """
            {"result":"error","msg":"No JSON web token passed in request","code":"BAD_REQUEST"}""";

    static final String JWT_BAD = """
            {"result":"error","msg":"Bad JSON web token","code":"BAD_REQUEST"}""";

    static final String JWT_NO_EMAIL = """
            {"result":"error","msg":"No email specified in JSON web token claims","code":"BAD_REQUEST"}""";

    static final String ENDPOINT_NOT_FOUND = """
            {"result":"error","msg":"Endpoint does not exist","code":"BAD_REQUEST"}""";

    static final String ONLY_POST = """
            {"result":"error","msg":"Method Not Allowed","allowed_methods":["POST"]}""";

    static final String ONLY_GET = """
            {"result":"error","msg":"Method Not Allowed","allowed_methods":["GET"]}""";

    static final String TOO_LARGE = """
            {"result":"error","msg":"Request body too large","code":"BAD_REQUEST"}""";

    static final String RATE_LIMIT_HIT = """
            {"result":"error","msg":"API usage exceeded rate limit","code":"RATE_LIMIT_HIT","retry-after":1799.873}""";

    // ---- 503 (Zulip answers 500 in these cases) ---------------------------------------------

    static final String SERVER_BUSY = """
            {"result":"error","msg":"The server is busy; try again later","code":"SERVER_BUSY"}""";

    static final String DIRECTORY_UNAVAILABLE = """
            {"result":"error","msg":"The directory service is unavailable; try again later","code":"DIRECTORY_UNAVAILABLE"}""";

    static final String DATABASE_UNAVAILABLE = """
            {"result":"error","msg":"The database is unavailable; try again later","code":"DATABASE_UNAVAILABLE"}""";

    static final String RATE_LIMITER_UNAVAILABLE = """
            {"result":"error","msg":"Login attempts cannot be counted right now; try again later","code":"RATE_LIMITER_UNAVAILABLE"}""";

    private ApiExamples() {}
}
