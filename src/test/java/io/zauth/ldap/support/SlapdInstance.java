package io.zauth.ldap.support;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One slapd process in its own directory, configured through cn=config and seeded with slapadd. It
 * always listens on a plain "control" port, where the harness keeps one connection bound as the
 * root DN for changes and for reading the bind counter from cn=Monitor.
 */
final class SlapdInstance {

    static final Path SLAPD = Path.of("/usr/sbin/slapd");
    static final Path SLAPADD = Path.of("/usr/sbin/slapadd");
    private static final Path MODULES = Path.of("/usr/lib/ldap");
    private static final Path SCHEMAS = Path.of("/etc/ldap/schema");
    private static final String ROOT_DN = "cn=root," + SeedPeople.BASE_DN;
    private static final String BIND_MONITOR_DN = "cn=Bind,cn=Operations,cn=Monitor";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** TLS files for olcTLS*; null means StartTLS and ldaps are unavailable. */
    record Tls(Path caPem, Path certificatePem, Path keyPem) {
    }

    private final Process process;
    private final LDAPConnection admin;
    private final long ownBinds;
    private final Path log;

    private SlapdInstance(Process process, LDAPConnection admin, long ownBinds, Path log) {
        this.process = process;
        this.admin = admin;
        this.ownBinds = ownBinds;
        this.log = log;
    }

    /** slapd's output: at the stats level, every connection, request and result. */
    Path log() {
        return log;
    }

    /** Starts slapd listening on ldap://127.0.0.1:controlPort/ and {@code otherUrls}. */
    static SlapdInstance start(Path dir, int controlPort, List<String> otherUrls, Tls tls, List<Entry> entries) {
        String rootPassword = Long.toHexString(RANDOM.nextLong()) + Long.toHexString(RANDOM.nextLong());
        try {
            Path configDir = Files.createDirectories(dir.resolve("slapd.d"));
            Files.createDirectories(dir.resolve("data"));
            Path config = Files.writeString(dir.resolve("config.ldif"), configLdif(dir, tls, ssha(rootPassword)),
                    StandardCharsets.UTF_8);
            Commands.run(dir, SLAPADD.toString(), "-n", "0", "-F", configDir.toString(), "-l", config.toString());
            Path data = Files.writeString(dir.resolve("data.ldif"), dataLdif(entries), StandardCharsets.UTF_8);
            Commands.run(dir, SLAPADD.toString(), "-q", "-n", "1", "-F", configDir.toString(), "-l", data.toString());

            List<String> urls = new ArrayList<>();
            urls.add("ldap://127.0.0.1:" + controlPort + "/");
            urls.addAll(otherUrls);
            // -d keeps slapd in the foreground, so it is our child process and dies with stop(); level
            // 256 (stats) writes one line per request and result to slapd.log, which tests may read.
            Process process = new ProcessBuilder(SLAPD.toString(), "-d", "256", "-h", String.join(" ", urls),
                    "-F", configDir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("slapd.log").toFile()).start();
            awaitListening(process, controlPort, dir.resolve("slapd.log"));
            LDAPConnection admin = new LDAPConnection("127.0.0.1", controlPort, ROOT_DN, rootPassword);
            return new SlapdInstance(process, admin, 1, dir.resolve("slapd.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LDAPException e) {
            throw new IllegalStateException("slapd in " + dir + " refused the root bind: " + e.getMessage(), e);
        }
    }

    /** A connection bound as the root DN, for changes during tests. */
    LDAPInterface admin() {
        return admin;
    }

    /** Bind operations slapd has seen, less the harness's own root bind. */
    synchronized long bindsFromOthers() {
        try {
            SearchResultEntry entry = admin.getEntry(BIND_MONITOR_DN, "monitorOpInitiated");
            if (entry == null || entry.getAttributeValueAsLong("monitorOpInitiated") == null) {
                throw new IllegalStateException("cannot read monitorOpInitiated from " + BIND_MONITOR_DN);
            }
            return entry.getAttributeValueAsLong("monitorOpInitiated") - ownBinds;
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot read the bind counter: " + e.getMessage(), e);
        }
    }

    void stop() {
        admin.close();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void awaitListening(Process process, int port, Path log) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("slapd exited with code " + process.exitValue() + ":\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("slapd did not listen on port " + port + " within 15 s:\n"
                + Files.readString(log, StandardCharsets.UTF_8));
    }

    private static String configLdif(Path dir, Tls tls, String rootPasswordHash) {
        String service = SeedPeople.SERVICE_DN;
        StringBuilder ldif = new StringBuilder();
        ldif.append("dn: cn=config\nobjectClass: olcGlobal\ncn: config\n")
                .append("olcPidFile: ").append(dir.resolve("slapd.pid")).append('\n')
                .append("olcArgsFile: ").append(dir.resolve("slapd.args")).append('\n');
        if (tls != null) {
            ldif.append("olcTLSCACertificateFile: ").append(tls.caPem()).append('\n')
                    .append("olcTLSCertificateFile: ").append(tls.certificatePem()).append('\n')
                    .append("olcTLSCertificateKeyFile: ").append(tls.keyPem()).append('\n');
        }
        ldif.append("\ndn: cn=module{0},cn=config\nobjectClass: olcModuleList\ncn: module{0}\n")
                .append("olcModulePath: ").append(MODULES).append('\n')
                .append("olcModuleLoad: back_mdb\n");
        if (Files.exists(MODULES.resolve("back_monitor.la"))) {
            ldif.append("olcModuleLoad: back_monitor\n"); // built in on Debian; a module elsewhere
        }
        ldif.append("\ndn: cn=schema,cn=config\nobjectClass: olcSchemaConfig\ncn: schema\n");
        for (String schema : List.of("core", "cosine", "inetorgperson", "nis")) {
            ldif.append("\ninclude: file://").append(SCHEMAS.resolve(schema + ".ldif")).append('\n');
        }
        ldif.append('\n').append(ZauthTestSchema.asSlapdConfigLdif());
        ldif.append("\ndn: olcDatabase={-1}frontend,cn=config\nobjectClass: olcDatabaseConfig\n")
                .append("objectClass: olcFrontendConfig\nolcDatabase: {-1}frontend\n")
                .append("olcAccess: {0}to dn.base=\"\" by * read\n")
                .append("olcAccess: {1}to dn.base=\"cn=subschema\" by * read\n");
        ldif.append("\ndn: olcDatabase={0}config,cn=config\nobjectClass: olcDatabaseConfig\n")
                .append("olcDatabase: {0}config\nolcAccess: {0}to * by * none\n");
        ldif.append("\ndn: olcDatabase={1}mdb,cn=config\nobjectClass: olcDatabaseConfig\nobjectClass: olcMdbConfig\n")
                .append("olcDatabase: {1}mdb\n")
                .append("olcDbDirectory: ").append(dir.resolve("data")).append('\n')
                .append("olcDbMaxSize: 67108864\n")
                .append("olcSuffix: ").append(SeedPeople.BASE_DN).append('\n')
                .append("olcRootDN: ").append(ROOT_DN).append('\n')
                .append("olcRootPW: ").append(rootPasswordHash).append('\n')
                .append("olcDbIndex: objectClass eq\nolcDbIndex: uid,mail eq\n")
                // Passwords: anyone may bind with them, the owner may change them, nobody reads them.
                .append("olcAccess: {0}to attrs=userPassword by self =xw by anonymous auth by * none\n")
                // Everything else: the service account reads all; a user may search but finds and reads
                // only their own entry.
                .append("olcAccess: {1}to * by dn.exact=\"").append(service).append("\" read ")
                .append("by self read by anonymous auth by users search by * none\n");
        ldif.append("\ndn: olcDatabase={2}monitor,cn=config\nobjectClass: olcDatabaseConfig\n")
                .append("olcDatabase: {2}monitor\n")
                .append("olcAccess: {0}to * by dn.exact=\"").append(ROOT_DN).append("\" read ")
                .append("by dn.exact=\"").append(service).append("\" read by * none\n");
        return ldif.toString();
    }

    /** The entries as LDIF, with each cleartext userPassword replaced by its {SSHA} hash. */
    private static String dataLdif(List<Entry> entries) {
        return entries.stream().map(original -> {
            Entry entry = original.duplicate();
            String[] passwords = entry.getAttributeValues("userPassword");
            if (passwords != null) {
                entry.setAttribute("userPassword", Arrays.stream(passwords)
                        .map(SlapdInstance::ssha).toArray(String[]::new));
            }
            return entry.toLDIFString();
        }).collect(Collectors.joining("\n"));
    }

    static String ssha(String password) {
        byte[] salt = new byte[8];
        RANDOM.nextBytes(salt);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            sha1.update(salt);
            byte[] digest = sha1.digest();
            byte[] hashAndSalt = new byte[digest.length + salt.length];
            System.arraycopy(digest, 0, hashAndSalt, 0, digest.length);
            System.arraycopy(salt, 0, hashAndSalt, digest.length, salt.length);
            return "{SSHA}" + Base64.getEncoder().encodeToString(hashAndSalt);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
