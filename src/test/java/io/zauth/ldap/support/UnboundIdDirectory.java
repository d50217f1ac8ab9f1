package io.zauth.ldap.support;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSASLBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * The embedded stand-in for machines without slapd: one UnboundID in-memory server with four
 * listeners (LDAP with StartTLS, LDAPS, LDAPS with the wrong-host certificate, LDAP without
 * StartTLS). It has no access control: every bound user may read every entry.
 */
public final class UnboundIdDirectory implements TestDirectory {

    private final Path dir;
    private final TestCertificates certificates;
    private final InMemoryDirectoryServer server;
    private final AtomicLong binds;
    private boolean stopped;

    private UnboundIdDirectory(Path dir, TestCertificates certificates, InMemoryDirectoryServer server,
            AtomicLong binds) {
        this.dir = dir;
        this.certificates = certificates;
        this.server = server;
        this.binds = binds;
    }

    public static UnboundIdDirectory start() {
        Path dir = TemporaryFiles.createDirectory("zauth-unboundid-");
        try {
            TestCertificates certificates = TestCertificates.create(dir.resolve("tls"));
            InetAddress loopback = InetAddress.getByName("127.0.0.1");
            SSLUtil serverTls = serverTls(certificates, certificates.keyStoreFor(certificates.server,
                    dir.resolve("server.p12")));
            SSLUtil wrongHostTls = serverTls(certificates, certificates.keyStoreFor(certificates.wrongHost,
                    dir.resolve("wrong-host.p12")));
            SSLSocketFactory serverSideClientFactory = new SSLUtil(new TrustAllTrustManager()).createSSLSocketFactory();

            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(SeedPeople.BASE_DN);
            config.setSchema(ZauthTestSchema.withStandardSchema());
            config.setListenerConfigs(
                    InMemoryListenerConfig.createLDAPConfig("ldap", loopback, 0, serverTls.createSSLSocketFactory()),
                    InMemoryListenerConfig.createLDAPSConfig("ldaps", loopback, 0,
                            (SSLServerSocketFactory) serverTls.createSSLServerSocketFactory(), serverSideClientFactory),
                    InMemoryListenerConfig.createLDAPSConfig("wrong-host", loopback, 0,
                            (SSLServerSocketFactory) wrongHostTls.createSSLServerSocketFactory(),
                            serverSideClientFactory),
                    InMemoryListenerConfig.createLDAPConfig("no-starttls", loopback, 0, null));
            AtomicLong binds = new AtomicLong();
            config.addInMemoryOperationInterceptor(new BindCounter(binds));

            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            server.addEntries(SeedPeople.entries());
            server.startListening();
            return new UnboundIdDirectory(dir, certificates, server, binds);
        } catch (Exception e) {
            TemporaryFiles.deleteRecursively(dir);
            throw new IllegalStateException("cannot start the embedded LDAP server: " + e.getMessage(), e);
        }
    }

    private static SSLUtil serverTls(TestCertificates certificates, Path keyStore) throws GeneralSecurityException {
        return new SSLUtil(new KeyStoreKeyManager(keyStore.toFile(), TestCertificates.STORE_PASSWORD.toCharArray(),
                "PKCS12", "server"), new TrustAllTrustManager());
    }

    /** Counts every bind request the server receives, simple or SASL. */
    private static final class BindCounter extends InMemoryOperationInterceptor {
        private final AtomicLong binds;

        BindCounter(AtomicLong binds) {
            this.binds = binds;
        }

        @Override
        public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) throws LDAPException {
            binds.incrementAndGet();
        }

        @Override
        public void processSASLBindRequest(InMemoryInterceptedSASLBindRequest request) throws LDAPException {
            binds.incrementAndGet();
        }
    }

    private String url(String scheme, String listener) {
        return url(scheme, "127.0.0.1", listener);
    }

    private String url(String scheme, String host, String listener) {
        return scheme + "://" + host + ":" + server.getListenPort(listener);
    }

    @Override
    public String ldapUrl() {
        return url("ldap", "ldap");
    }

    @Override
    public String ldapsUrl() {
        return url("ldaps", "ldaps");
    }

    @Override
    public String startTlsUrl() {
        return ldapUrl();
    }

    @Override
    public String wrongHostLdapsUrl() {
        return url("ldaps", "localhost", "wrong-host"); // see TestDirectory#wrongHostLdapsUrl
    }

    @Override
    public String noStartTlsUrl() {
        return url("ldap", "no-starttls");
    }

    @Override
    public Path caCertificatePem() {
        return certificates.caPem;
    }

    @Override
    public Path caTrustStorePkcs12() {
        return certificates.trustStorePkcs12;
    }




    @Override
    public long bindCount() {
        return binds.get();
    }

    @Override
    public void add(String ldif) {
        LdifChanges.add(server, LdifChanges.entries(ldif));
    }

    @Override
    public void modify(String ldif) {
        LdifChanges.change(server, LdifChanges.changeRecords(ldif));
    }

    @Override
    public void delete(String dn) {
        LdifChanges.delete(server, dn);
    }

    @Override
    public boolean isSlapd() {
        return false;
    }

    @Override
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        server.shutDown(true);
        TemporaryFiles.deleteRecursively(dir);
    }

    @Override
    public String toString() {
        return "embedded UnboundID server at " + ldapUrl();
    }
}
