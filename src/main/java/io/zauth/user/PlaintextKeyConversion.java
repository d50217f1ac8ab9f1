package io.zauth.user;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

/**
 * At every start (server and command line), protects API keys that an earlier version stored in
 * plaintext and clears them: SQL cannot compute the keyed digest, so V3 cannot. Idempotent, and
 * safe when two processes run it at once. Also where a start without secrets is refused.
 */
@ApplicationScoped
public class PlaintextKeyConversion {

    private static final Logger LOG = Logger.getLogger(PlaintextKeyConversion.class);

    private final UserAccounts users;

    PlaintextKeyConversion(UserAccounts users) {
        this.users = users;
    }

    /** Before declared organizations and demo users are created, so none is created without secrets. */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) StartupEvent event) {
        run();
    }

    /** @return how many keys this call converted */
    public int run() {
        int converted = 0;
        for (long userId : users.withPlaintextKeys()) {
            if (users.protectPlaintextKey(userId)) {
                converted++;
            }
        }
        if (converted > 0) {
            LOG.infof("Protected %d API keys stored in plaintext by an earlier version", converted);
        }
        return converted;
    }
}
