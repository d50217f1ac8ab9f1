package io.zauth.ldap;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import java.io.File;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The connections to one directory: its URLs as a failover set with TLS and timeouts, a pool for
 * service-account searches and reads, and {@link PasswordBinds} for people's binds, whose
 * connections carry nothing but binds and so are never re-bound between people.
 */
final class DirectoryConnections implements AutoCloseable {

    /** Readiness probes ask often and expect a quick answer. */
    private static final long PROBE_TIMEOUT_MILLIS = 2_000;

    private final String name;
    private final FailoverServerSet servers;
    private final PostConnectProcessor startTls;
    private final BindRequest serviceBind;
    private final int poolSize;
    private final long readTimeoutMillis;
    private volatile LDAPConnectionPool searchPool;
    private volatile PasswordBinds passwordBinds;

    DirectoryConnections(String name, DirectorySettings settings) {
        this.name = name;
        this.poolSize = settings.poolSize();
        this.readTimeoutMillis = settings.readTimeout().toMillis();
        List<LDAPURL> urls = settings.urls().stream().map(DirectoryConnections::parseUrl).toList();
        boolean ldaps = urls.get(0).getScheme().equalsIgnoreCase("ldaps");
        if (urls.stream().anyMatch(u -> u.getScheme().equalsIgnoreCase("ldaps") != ldaps)) {
            throw new IllegalArgumentException("directory '" + name + "': mix of ldap:// and ldaps:// URLs");
        }
        if (ldaps && settings.startTls()) {
            throw new IllegalArgumentException("directory '" + name + "': StartTLS is for ldap:// URLs");
        }
        SSLUtil ssl = new SSLUtil(trustManager(settings));
        LDAPConnectionOptions options = options(settings);
        SocketFactory sockets = ldaps ? sslSocketFactory(ssl) : null;
        this.servers = new FailoverServerSet(
                urls.stream().map(LDAPURL::getHost).toArray(String[]::new),
                urls.stream().mapToInt(LDAPURL::getPort).toArray(), sockets, options);
        this.startTls = settings.startTls() ? new StartTLSPostConnectProcessor(sslContext(ssl)) : null;
        this.serviceBind = settings.bindDn()
                .map(dn -> (BindRequest) new SimpleBindRequest(dn, settings.bindPassword().orElse("")))
                .orElse(null);
    }

    /** Connections as the service account (or anonymous), for searches and reads. */
    LDAPConnectionPool searchPool() {
        LDAPConnectionPool pool = searchPool;
        if (pool == null) {
            synchronized (this) {
                if (searchPool == null) {
                    searchPool = newPool(serviceBind);
                }
                pool = searchPool;
            }
        }
        return pool;
    }

    /** Unauthenticated connections on which nothing but people's binds is ever sent. */
    PasswordBinds passwordBinds() {
        PasswordBinds binds = passwordBinds;
        if (binds == null) {
            synchronized (this) {
                if (passwordBinds == null) {
                    passwordBinds = new PasswordBinds(name, newPool(null));
                }
                binds = passwordBinds;
            }
        }
        return binds;
    }

    private LDAPConnectionPool newPool(BindRequest bind) {
        try {
            LDAPConnectionPool pool = new LDAPConnectionPool(servers, bind, 0, poolSize, startTls, false);
            pool.setConnectionPoolName("zauth-" + name);
            pool.setCreateIfNecessary(true);
            pool.setMaxWaitTimeMillis(readTimeoutMillis);
            pool.setRetryFailedOperationsDueToInvalidConnections(true);
            return pool;
        } catch (LDAPException e) {
            throw new DirectoryUnavailableException(name, e);
        }
    }

    /** A connection of its own, through StartTLS when configured, bound as the service account if any. */
    void probe() {
        try (LDAPConnection connection = servers.getConnection()) {
            LDAPConnectionOptions quick = connection.getConnectionOptions().duplicate();
            quick.setResponseTimeoutMillis(Math.min(readTimeoutMillis, PROBE_TIMEOUT_MILLIS));
            connection.setConnectionOptions(quick);
            if (startTls != null) {
                startTls.processPreAuthenticatedConnection(connection);
            }
            if (serviceBind != null) {
                connection.bind(serviceBind.duplicate());
            } else {
                connection.getRootDSE();
            }
        } catch (LDAPException e) {
            throw new DirectoryUnavailableException(name, e);
        }
    }

    private static LDAPConnectionOptions options(DirectorySettings settings) {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) settings.connectTimeout().toMillis());
        options.setResponseTimeoutMillis(settings.readTimeout().toMillis());
        options.setFollowReferrals(settings.followReferrals());
        options.setAbandonOnTimeout(true);
        options.setUseKeepAlive(true);
        // A pooled connection serves one thread at a time, so the calling thread reads its own
        // response: no reader thread, no hand-off per operation (UnboundID's synchronous mode).
        options.setUseSynchronousMode(true);
        if (settings.verifyHostname()) {
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        }
        return options;
    }

    private static TrustManager trustManager(DirectorySettings settings) {
        if (settings.trustStore().isEmpty()) {
            return null;
        }
        String path = settings.trustStore().get();
        try {
            if (path.endsWith(".pem") || path.endsWith(".crt")) {
                return new PEMFileTrustManager(new File(path));
            }
            char[] password = settings.trustStorePassword().map(String::toCharArray).orElse(null);
            return new TrustStoreTrustManager(new File(path), password, "PKCS12", true);
        } catch (Exception e) {
            throw new IllegalArgumentException("trust store '" + path + "' cannot be read: " + e.getClass().getSimpleName());
        }
    }

    private static SocketFactory sslSocketFactory(SSLUtil ssl) {
        try {
            return ssl.createSSLSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available: " + e.getClass().getSimpleName());
        }
    }

    private static SSLContext sslContext(SSLUtil ssl) {
        try {
            return ssl.createSSLContext();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available: " + e.getClass().getSimpleName());
        }
    }

    private static LDAPURL parseUrl(String url) {
        try {
            return new LDAPURL(url);
        } catch (LDAPException e) {
            throw new IllegalArgumentException("'" + url + "' is not an LDAP URL");
        }
    }

    @Override
    public synchronized void close() {
        if (searchPool != null) {
            searchPool.close();
        }
        if (passwordBinds != null) {
            passwordBinds.close();
        }
    }
}
