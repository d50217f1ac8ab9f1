package io.zauth.error;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place that turns failures into Zulip error bodies: never a stack trace, never HTML. */
public class ZulipErrorResponses {

    private static final Logger LOG = Logger.getLogger(ZulipErrorResponses.class);

    public static ObjectNode body(ZulipException error) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("result", "error");
        body.put("msg", error.getMessage());
        error.fields().forEach(body::putPOJO);
        return body;
    }

    public static Response response(ZulipException error) {
        Response.ResponseBuilder builder = Response.status(error.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body(error));
        error.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response zulip(ZulipException error) {
        return response(error);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException error) {
        return response(ZulipErrors.endpointNotFound());
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException error, UriInfo uri) {
        return response(ZulipErrors.methodNotAllowed(AllowedMethods.of(uri.getPath())));
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException error) {
        return response(ZulipErrors.unsupportedMediaType());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException error) {
        int status = error.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(error);
        }
        return response(ZulipErrors.badRequestWithStatus(status, error.getResponse().getStatusInfo().getReasonPhrase()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable error) {
        if (MalformedRequests.isMalformedRequest(error)) {
            LOG.debugf("Malformed request (%s)", error.getClass().getName());
            return response(ZulipErrors.malformedRequest());
        }
        if (DatabaseOutages.isOutage(error)) {
            // Expected while the database is away; messages may carry connection details, never logged here.
            LOG.warnf("Database unavailable (%s) while serving a request", error.getClass().getName());
            return response(ZulipErrors.databaseUnavailable());
        }
        // The class and stack suffice to find the bug; messages may echo request data.
        LOG.errorf("Unexpected %s while serving a request", error.getClass().getName());
        LOG.debug("Unexpected failure", error);
        return response(ZulipErrors.internalError());
    }
}
