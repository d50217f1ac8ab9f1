package io.zauth.login;

/**
 * Where a login comes from, as the resource read it: the endpoint (for the audit log), the Host
 * that names the organization, the client address the rate limits count, and the user agent.
 */
public record LoginRequest(String endpoint, String host, String clientAddress, String userAgent) {}
