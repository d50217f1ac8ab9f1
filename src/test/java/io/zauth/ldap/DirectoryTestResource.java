package io.zauth.ldap;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zauth.ldap.support.TestDirectories;
import io.zauth.ldap.support.TestDirectory;
import io.zauth.support.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the test directory (slapd, or the embedded stand-in where slapd is missing) and declares
 * one zauth directory per configuration under test. Also a TCP port that accepts connections and
 * never answers, and ports where nothing listens, for outage tests.
 */
public class DirectoryTestResource implements QuarkusTestResourceLifecycleManager {

    static TestDirectory directory;
    private static ServerSocket silent;
    private static final List<Socket> held = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        directory = TestDirectories.start();
        String people = "ou=people," + directory.baseDn();
        Map<String, String> config = new HashMap<>();
        search(config, "search", directory.ldapUrl());
        config.put(p("search", "email-attribute"), "mail");

        config.put(p("template", "urls"), directory.ldapUrl());
        config.put(p("template", "user-dn-template"), "uid={0}," + people);
        config.put(p("template", "email-attribute"), "mail");

        // One connection per pool, used by nothing but BindIsolationTest: every login reuses it.
        search(config, "onebind", directory.ldapUrl());
        config.put(p("onebind", "email-attribute"), "mail");
        config.put(p("onebind", "pool-size"), "1");
        config.put(p("onebindtemplate", "urls"), directory.ldapUrl());
        config.put(p("onebindtemplate", "user-dn-template"), "uid={0}," + people);
        config.put(p("onebindtemplate", "email-attribute"), "mail");
        config.put(p("onebindtemplate", "pool-size"), "1");

        search(config, "append", directory.ldapUrl());
        config.put(p("append", "append-domain"), "example.org");

        search(config, "ad", directory.ldapUrl());
        config.put(p("ad", "email-attribute"), "mail");
        config.put(p("ad", "account-state"), "user-account-control");
        search(config, "zulipstate", directory.ldapUrl());
        config.put(p("zulipstate", "append-domain"), "example.org");
        config.put(p("zulipstate", "account-state"), "deactivated");
        search(config, "freeipa", directory.ldapUrl());
        config.put(p("freeipa", "append-domain"), "example.org");
        config.put(p("freeipa", "account-state"), "ns-account-lock");

        search(config, "membership", directory.ldapUrl());
        config.put(p("membership", "append-domain"), "example.org");
        config.put(p("membership", "org-membership-attribute"), "department");
        search(config, "rules", directory.ldapUrl());
        config.put(p("rules", "append-domain"), "example.org");
        config.put(p("rules", "access-control.\"rules-org\""), "test1=test&test2=testing,test1=test2");

        search(config, "names", directory.ldapUrl());
        config.put(p("names", "append-domain"), "example.org");
        config.put(p("names", "first-name-attribute"), "givenName");
        config.put(p("names", "last-name-attribute"), "sn");

        search(config, "sync", directory.ldapUrl());
        config.put(p("sync", "append-domain"), "example.org");
        config.put(p("sync", "account-state"), "deactivated");
        config.put(p("sync", "deactivate-non-matching"), "true");

        search(config, "starttls", directory.startTlsUrl());
        config.put(p("starttls", "start-tls"), "true");
        config.put(p("starttls", "trust-store"), directory.caCertificatePem().toString());
        config.put(p("starttls", "append-domain"), "example.org");
        search(config, "ldaps", directory.ldapsUrl());
        config.put(p("ldaps", "trust-store"), directory.caTrustStorePkcs12().toString());
        config.put(p("ldaps", "trust-store-password"), "changeit");
        config.put(p("ldaps", "append-domain"), "example.org");
        search(config, "wronghost", directory.wrongHostLdapsUrl());
        config.put(p("wronghost", "trust-store"), directory.caCertificatePem().toString());
        config.put(p("wronghost", "append-domain"), "example.org");
        search(config, "nostarttls", directory.noStartTlsUrl());
        config.put(p("nostarttls", "start-tls"), "true");
        config.put(p("nostarttls", "trust-store"), directory.caCertificatePem().toString());
        config.put(p("nostarttls", "append-domain"), "example.org");

        String dead1 = "ldap://127.0.0.1:" + FreePorts.next();
        String dead2 = "ldap://127.0.0.1:" + FreePorts.next();
        search(config, "failover", dead1 + "," + directory.ldapUrl());
        config.put(p("failover", "append-domain"), "example.org");
        search(config, "dead", dead1 + "," + dead2);
        config.put(p("dead", "append-domain"), "example.org");
        search(config, "silent", "ldap://127.0.0.1:" + silentPort());
        config.put(p("silent", "append-domain"), "example.org");
        config.put(p("silent", "read-timeout"), "1s");
        config.put(p("silent", "connect-timeout"), "1s");
        return config;
    }

    private static void search(Map<String, String> config, String name, String urls) {
        config.put(p(name, "urls"), urls);
        config.put(p(name, "bind-dn"), directory.serviceDn());
        config.put(p(name, "bind-password"), directory.servicePassword());
        config.put(p(name, "user-search-base"), "ou=people," + directory.baseDn());
        config.put(p(name, "user-search-filter"), "(uid={0})");
    }

    private static String p(String directoryName, String key) {
        return "zauth.directories." + directoryName + "." + key;
    }

    /** A server that accepts TCP connections and never says a word: every read times out. */
    private static synchronized int silentPort() {
        if (silent == null) {
            try {
                silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-directory");
            acceptor.setDaemon(true);
            acceptor.start();
        }
        return silent.getLocalPort();
    }

    @Override
    public void stop() {
        // The directory is shared by every test JVM run and stopped by its shutdown hook.
    }
}
