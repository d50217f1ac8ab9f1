package io.zauth.cache;

/** What the account cache needs of a user it keeps: the id its changes are recorded under. */
public interface CachedUser {

    long id();
}
