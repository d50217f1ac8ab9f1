package io.zauth.org;

import java.util.Set;

/** The authentication methods this server has, by name: what an organization's method list may name. */
public interface AuthenticationMethods {

    boolean exists(String name);

    Set<String> names();
}
