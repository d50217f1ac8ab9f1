package io.zauth.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.zauth.error.ZulipErrorResponses;
import io.zauth.error.ZulipErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bodies over {@code quarkus.http.limits.max-body-size} get Zulip's JSON 413 instead of the HTTP
 * layer's empty one. A declared Content-Length is checked up front. A body without one (chunked)
 * is read here, up to the limit, and handed on as the request's body: the REST layer would
 * otherwise find the overflow itself, midway through reading, and answer with an empty 413 that
 * no exception mapper can replace (it ends the response before throwing).
 */
@ApplicationScoped
class OversizedBodies {

    private final long limit;

    OversizedBodies(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkLength);
    }

    private void checkLength(RoutingContext context) {
        HttpServerRequest request = context.request();
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            if (isOver(declared)) {
                refuse(context);
            } else {
                context.next();
            }
        } else if (request.isEnded()) {
            context.next();
        } else {
            readWithinLimit(context);
        }
    }

    private void readWithinLimit(RoutingContext context) {
        HttpServerRequest request = context.request();
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > limit) {
                refused[0] = true;
                refuse(context);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(end -> {
            if (!refused[0]) {
                context.setBody(body);
                context.next();
            }
        });
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            context.response().writeContinue();
        }
        request.resume();
    }

    private boolean isOver(String declared) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void refuse(RoutingContext context) {
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(ZulipErrorResponses.body(ZulipErrors.payloadTooLarge()).toString())
                .onComplete(sent -> context.request().connection().close());
    }
}
