package io.zauth.ratelimit;

import org.eclipse.microprofile.config.spi.Converter;

/** Reads {@code 5/30m} from configuration; a malformed limit stops the start with its reason. */
public class LimitConverter implements Converter<Limit> {

    @Override
    public Limit convert(String value) {
        return Limit.parse(value);
    }
}
