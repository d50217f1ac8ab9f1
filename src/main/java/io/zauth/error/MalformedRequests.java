package io.zauth.error;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Recognises a failure of the REST layer itself while reading a request it cannot parse (a
 * Content-Type that is no media type, an unknown charset, a broken multipart body): a client
 * error, which the framework reports with exceptions that would otherwise become a 500.
 */
final class MalformedRequests {

    /** The REST layer's steps that read the request before any endpoint runs. */
    private static final Set<String> REQUEST_READERS = Set.of(
            "org.jboss.resteasy.reactive.server.handlers.MediaTypeMapper",
            "org.jboss.resteasy.reactive.server.handlers.FormBodyHandler",
            "org.jboss.resteasy.reactive.server.handlers.RequestDeserializeHandler");

    private MalformedRequests() {}

    /** Thrown by a request reader, not by zauth code it called: the nearest of either on the stack decides. */
    static boolean isMalformedRequest(Throwable error) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = error; cause != null && seen.add(cause); cause = cause.getCause()) {
            for (StackTraceElement frame : cause.getStackTrace()) {
                if (frame.getClassName().startsWith("io.zauth.")) {
                    break;
                }
                if (REQUEST_READERS.contains(frame.getClassName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
