package io.zauth.api;

/** Endpoint paths shared by tests in other packages. */
public final class FetchApiKeyTestPaths {
    public static final String FETCH_API_KEY = FetchApiKeyTest.PATH;

    private FetchApiKeyTestPaths() {}
}
