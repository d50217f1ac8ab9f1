package io.zauth.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * nginx's {@code auth_request} keeps only the status and headers of a refusal, never its body; a
 * forward-authentication refusal therefore repeats its Zulip JSON body in {@value #HEADER}, which
 * the nginx configuration of docs/forward-auth.md answers the client with. Non-ASCII characters
 * are escaped so that the header carries only ASCII.
 */
public class ForwardAuthRefusals {

    static final String HEADER = "X-Zauth-Error";

    private static final ObjectWriter ASCII_JSON = new ObjectMapper().writer().with(JsonGenerator.Feature.ESCAPE_NON_ASCII);

    @ServerResponseFilter
    public void repeatBodyInHeader(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        if (response.getStatus() >= 400 && response.getEntity() instanceof ObjectNode body
                && request.getUriInfo().getPath().startsWith(ForwardAuthResource.PATH)) {
            response.getHeaders().putSingle(HEADER, ASCII_JSON.writeValueAsString(body));
        }
    }
}
