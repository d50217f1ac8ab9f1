package io.zauth.ldap.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * A throwaway CA and two server certificates made with the openssl command line: one for IP
 * 127.0.0.1 and DNS localhost, one naming only {@code wrong.example}. Keys are PEM PKCS#8, mode 0600.
 */
final class TestCertificates {

    static final String STORE_PASSWORD = "changeit";

    /** One server certificate with its key. */
    record ServerCertificate(Path certificatePem, Path keyPem) {
    }

    final Path caPem;
    final Path trustStorePkcs12;
    final ServerCertificate server;
    final ServerCertificate wrongHost;

    private TestCertificates(Path caPem, Path trustStorePkcs12, ServerCertificate server, ServerCertificate wrongHost) {
        this.caPem = caPem;
        this.trustStorePkcs12 = trustStorePkcs12;
        this.server = server;
        this.wrongHost = wrongHost;
    }

    static TestCertificates create(Path dir) {
        try {
            Files.createDirectories(dir);
            Path caKey = newKey(dir, "ca");
            Path caConfig = write(dir.resolve("ca.cnf"), requestConfig("zauth test CA", "x509_extensions = ext\n")
                    + "[ext]\nbasicConstraints = critical,CA:TRUE\n"
                    + "keyUsage = critical,keyCertSign,cRLSign\nsubjectKeyIdentifier = hash\n");
            Path caPem = dir.resolve("ca.pem");
            Commands.run(dir, "openssl", "req", "-x509", "-new", "-sha256", "-days", "7", "-config", caConfig.toString(),
                    "-key", caKey.toString(), "-out", caPem.toString());
            ServerCertificate server = sign(dir, "server", "127.0.0.1", "IP:127.0.0.1,DNS:localhost", caPem, caKey, 2);
            ServerCertificate wrongHost = sign(dir, "wrong-host", "wrong.example", "DNS:wrong.example", caPem, caKey, 3);
            Path trustStore = dir.resolve("ca-truststore.p12");
            writeTrustStore(caPem, trustStore);
            return new TestCertificates(caPem, trustStore, server, wrongHost);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#12 key store (password {@link #STORE_PASSWORD}, alias {@code server}) holding the key and its chain. */
    Path keyStoreFor(ServerCertificate certificate, Path file) {
        try {
            PrivateKey key = readPkcs8Key(certificate.keyPem());
            Certificate[] chain = {readCertificate(certificate.certificatePem()), readCertificate(caPem)};
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, STORE_PASSWORD.toCharArray(), chain);
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, STORE_PASSWORD.toCharArray());
            }
            ownerOnly(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ServerCertificate sign(Path dir, String name, String commonName, String subjectAltNames,
            Path caPem, Path caKey, int serial) throws IOException {
        Path key = newKey(dir, name);
        Path csr = dir.resolve(name + ".csr");
        Path config = write(dir.resolve(name + ".cnf"), requestConfig(commonName, ""));
        Commands.run(dir, "openssl", "req", "-new", "-config", config.toString(), "-key", key.toString(),
                "-out", csr.toString());
        Path extensions = write(dir.resolve(name + ".ext"), "basicConstraints = CA:FALSE\n"
                + "keyUsage = critical,digitalSignature,keyEncipherment\nextendedKeyUsage = serverAuth\n"
                + "subjectAltName = " + subjectAltNames + "\n");
        Path certificate = dir.resolve(name + ".pem");
        Commands.run(dir, "openssl", "x509", "-req", "-sha256", "-days", "7", "-in", csr.toString(),
                "-CA", caPem.toString(), "-CAkey", caKey.toString(), "-set_serial", Integer.toString(serial),
                "-extfile", extensions.toString(), "-out", certificate.toString());
        return new ServerCertificate(certificate, key);
    }

    private static Path newKey(Path dir, String name) throws IOException {
        Path key = dir.resolve(name + ".key");
        Commands.run(dir, "openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048",
                "-out", key.toString());
        ownerOnly(key);
        return key;
    }

    private static String requestConfig(String commonName, String moreRequestSettings) {
        return "[req]\nprompt = no\ndistinguished_name = dn\n" + moreRequestSettings
                + "[dn]\nCN = " + commonName + "\n";
    }

    private static void writeTrustStore(Path caPem, Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("zauth-test-ca", readCertificate(caPem));
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, STORE_PASSWORD.toCharArray());
        }
    }

    private static Certificate readCertificate(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static PrivateKey readPkcs8Key(Path pem) throws IOException, GeneralSecurityException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IllegalStateException(pem + " is not an unencrypted PKCS#8 key");
        }
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Not a POSIX file system: nothing to tighten.
        }
    }
}
