package io.zauth.ldap.support;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldif.LDIFChangeRecord;
import io.zauth.support.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * OpenLDAP slapd in a temporary directory: three small instances with the same seed data.
 * <ul>
 * <li>main: plain LDAP with StartTLS, and LDAPS, certificate for 127.0.0.1 / localhost;</li>
 * <li>wrong host: LDAPS with a certificate naming only wrong.example (same CA);</li>
 * <li>no StartTLS: plain LDAP without any TLS configuration.</li>
 * </ul>
 * Changes made through {@link #add}, {@link #modify} and {@link #delete} go to all three, and
 * {@link #bindCount()} adds up the binds all three have seen.
 */
public final class SlapdDirectory implements TestDirectory {

    private final Path dir;
    private final TestCertificates certificates;
    private final SlapdInstance main;
    private final SlapdInstance wrongHost;
    private final SlapdInstance noStartTls;
    private final String ldapUrl;
    private final String ldapsUrl;
    private final String wrongHostLdapsUrl;
    private final String noStartTlsUrl;
    private boolean stopped;

    private SlapdDirectory(Path dir, TestCertificates certificates, SlapdInstance main, SlapdInstance wrongHost,
            SlapdInstance noStartTls, String ldapUrl, String ldapsUrl, String wrongHostLdapsUrl, String noStartTlsUrl) {
        this.dir = dir;
        this.certificates = certificates;
        this.main = main;
        this.wrongHost = wrongHost;
        this.noStartTls = noStartTls;
        this.ldapUrl = ldapUrl;
        this.ldapsUrl = ldapsUrl;
        this.wrongHostLdapsUrl = wrongHostLdapsUrl;
        this.noStartTlsUrl = noStartTlsUrl;
    }

    /** Whether slapd and slapadd are installed (Debian: {@code apt-get install slapd ldap-utils}). */
    public static boolean isAvailable() {
        return Files.isExecutable(SlapdInstance.SLAPD) && Files.isExecutable(SlapdInstance.SLAPADD);
    }

    public static SlapdDirectory start() {
        if (!isAvailable()) {
            throw new IllegalStateException(SlapdInstance.SLAPD + " is not installed");
        }
        Path dir = TemporaryFiles.createDirectory("zauth-slapd-");
        SlapdInstance main = null;
        SlapdInstance wrongHost = null;
        try {
            TestCertificates certificates = TestCertificates.create(dir.resolve("tls"));
            List<Entry> entries = SeedPeople.entries();

            int ldapPort = FreePorts.next();
            String ldapsUrl = "ldaps://127.0.0.1:" + FreePorts.next();
            main = SlapdInstance.start(dir.resolve("main"), ldapPort, List.of(ldapsUrl + "/"),
                    tls(certificates, certificates.server), entries);

            int wrongHostPort = FreePorts.next();
            wrongHost = SlapdInstance.start(dir.resolve("wrong-host"), FreePorts.next(),
                    List.of("ldaps://127.0.0.1:" + wrongHostPort + "/"), tls(certificates, certificates.wrongHost),
                    entries);
            String wrongHostUrl = "ldaps://localhost:" + wrongHostPort; // see TestDirectory#wrongHostLdapsUrl

            int noStartTlsPort = FreePorts.next();
            SlapdInstance noStartTls = SlapdInstance.start(dir.resolve("no-starttls"), noStartTlsPort, List.of(),
                    null, entries);

            SlapdDirectory directory = new SlapdDirectory(dir, certificates, main, wrongHost, noStartTls,
                    "ldap://127.0.0.1:" + ldapPort, ldapsUrl, wrongHostUrl, "ldap://127.0.0.1:" + noStartTlsPort);
            Runtime.getRuntime().addShutdownHook(new Thread(directory::stop, "stop-test-slapd"));
            return directory;
        } catch (RuntimeException e) {
            if (wrongHost != null) {
                wrongHost.stop();
            }
            if (main != null) {
                main.stop();
            }
            // The directory is kept so that slapd.log and the generated LDIF can be read.
            throw new IllegalStateException("cannot start slapd (files kept in " + dir + "): " + e.getMessage(), e);
        }
    }

    private static SlapdInstance.Tls tls(TestCertificates certificates, TestCertificates.ServerCertificate server) {
        return new SlapdInstance.Tls(certificates.caPem, server.certificatePem(), server.keyPem());
    }

    @Override
    public String ldapUrl() {
        return ldapUrl;
    }

    @Override
    public String ldapsUrl() {
        return ldapsUrl;
    }

    @Override
    public String startTlsUrl() {
        return ldapUrl;
    }

    @Override
    public String wrongHostLdapsUrl() {
        return wrongHostLdapsUrl;
    }

    @Override
    public String noStartTlsUrl() {
        return noStartTlsUrl;
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
    public Path operationLog() {
        return main.log();
    }

    @Override
    public long bindCount() {
        return instances().stream().mapToLong(SlapdInstance::bindsFromOthers).sum();
    }

    @Override
    public void add(String ldif) {
        List<Entry> entries = LdifChanges.entries(ldif);
        instances().forEach(instance -> LdifChanges.add(instance.admin(), entries));
    }

    @Override
    public void modify(String ldif) {
        List<LDIFChangeRecord> records = LdifChanges.changeRecords(ldif);
        instances().forEach(instance -> LdifChanges.change(instance.admin(), records));
    }

    @Override
    public void delete(String dn) {
        instances().forEach(instance -> LdifChanges.delete(instance.admin(), dn));
    }

    @Override
    public boolean isSlapd() {
        return true;
    }

    @Override
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        instances().forEach(SlapdInstance::stop);
        TemporaryFiles.deleteRecursively(dir);
    }

    private List<SlapdInstance> instances() {
        return List.of(main, wrongHost, noStartTls);
    }

    @Override
    public String toString() {
        return "slapd at " + ldapUrl;
    }
}
