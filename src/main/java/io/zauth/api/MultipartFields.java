package io.zauth.api;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/** The text fields of a multipart body, as Django's request.POST holds them (files are not parameters). */
final class MultipartFields {

    private MultipartFields() {}

    static Map<String, String> textValues(MultipartFormDataInput input) {
        Map<String, String> values = new HashMap<>();
        if (input == null) {
            return values;
        }
        for (Map.Entry<String, Collection<FormValue>> field : input.getValues().entrySet()) {
            for (FormValue value : field.getValue()) {
                if (!value.isFileItem()) {
                    values.put(field.getKey(), value.getValue());
                }
            }
        }
        return values;
    }
}
