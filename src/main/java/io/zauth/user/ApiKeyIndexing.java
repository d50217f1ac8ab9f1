package io.zauth.user;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.zauth.key.ApiKeyProtection;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Keeps the API-key digests made with the configured digest key, off the login path: at every
 * start (server and command line), after plaintext keys are converted, a digest key other than
 * the one recorded makes every key be indexed again, in batches, and the new one recorded. Basic
 * auth finds users by these digests, so until then a key indexed under the old digest key is
 * refused. Idempotent, and safe when two processes run it at once.
 */
@ApplicationScoped
public class ApiKeyIndexing {

    private static final Logger LOG = Logger.getLogger(ApiKeyIndexing.class);
    private static final String FINGERPRINT_TEXT = "zauth api-key digest key";
    private static final int BATCH = 500;

    private final ApiKeyProtection keys;
    private final UserAccounts users;

    ApiKeyIndexing(ApiKeyProtection keys, UserAccounts users) {
        this.keys = keys;
        this.users = users;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE + 1) StartupEvent event) {
        run();
    }

    /** @return how many digests this call made again (0 when the digest key is the recorded one) */
    public int run() {
        String fingerprint = keys.digest(FINGERPRINT_TEXT);
        if (recorded().filter(fingerprint::equals).isPresent()) {
            return 0;
        }
        int reindexed = 0;
        long after = 0;
        for (List<Long> batch = users.idsAfter(after, BATCH); !batch.isEmpty(); batch = users.idsAfter(after, BATCH)) {
            reindexed += users.reindexApiKeys(batch);
            after = batch.get(batch.size() - 1);
        }
        record(fingerprint);
        if (reindexed > 0) {
            LOG.infof("Indexed %d API keys again under the configured digest key", reindexed);
        }
        return reindexed;
    }

    private static Optional<String> recorded() {
        return QuarkusTransaction.requiringNew().call(() -> DigestKeyEntity.<DigestKeyEntity>findByIdOptional(DigestKeyEntity.ONLY)
                .map(row -> row.fingerprint));
    }

    private static void record(String fingerprint) {
        QuarkusTransaction.requiringNew().run(() -> {
            Optional<DigestKeyEntity> row = DigestKeyEntity.findByIdOptional(DigestKeyEntity.ONLY);
            if (row.isPresent()) {
                row.get().fingerprint = fingerprint;
            } else {
                DigestKeyEntity created = new DigestKeyEntity();
                created.id = DigestKeyEntity.ONLY;
                created.fingerprint = fingerprint;
                created.persist();
            }
        });
    }
}
