package io.zauth.ratelimit;

/** The shared attempt store cannot be reached: logins wait rather than go uncounted. */
public class RateLimiterUnavailableException extends RuntimeException {

    RateLimiterUnavailableException(Throwable cause) {
        super("the rate-limit store is unavailable: " + cause.getClass().getSimpleName(), null, false, false);
    }
}
