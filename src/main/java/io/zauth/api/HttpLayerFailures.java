package io.zauth.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.zauth.error.ZulipErrorResponses;
import io.zauth.error.ZulipErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Client errors that the HTTP layer finds before any endpoint runs (an HTTP/1.1 request without a
 * Host header, for one) get Zulip's JSON rather than the framework's error page with an error id.
 */
@ApplicationScoped
class HttpLayerFailures {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::clientError);
    }

    private void clientError(RoutingContext context) {
        int status = context.statusCode();
        if (status < 400 || status >= 500 || context.response().headWritten()) {
            context.next();
            return;
        }
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(ZulipErrorResponses.body(ZulipErrors.badRequestWithStatus(status,
                        HttpResponseStatus.valueOf(status).reasonPhrase())).toString());
    }
}
