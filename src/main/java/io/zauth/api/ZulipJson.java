package io.zauth.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Zulip's success body: {@code result} and {@code msg} first, then the data in the order it is added. */
public final class ZulipJson {

    private ZulipJson() {}

    public static ObjectNode success() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("result", "success");
        body.put("msg", "");
        return body;
    }

    /** A 200 answer, with ignored_parameters_unsupported when the client sent names nobody read. */
    public static Response ok(ObjectNode body, ZulipParams params) {
        List<String> ignored = params.ignored();
        if (!ignored.isEmpty()) {
            body.putPOJO("ignored_parameters_unsupported", ignored);
        }
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
