package io.zauth.org;

/** The directories configured for the ldap method, by name: what an organization may name as its directory. */
public interface DirectoryCatalog {

    boolean exists(String name);
}
