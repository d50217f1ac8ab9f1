package io.zauth.dev;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.net.InetAddress;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Development mode only: an embedded directory with demo people, some of whose usernames are not
 * their email, behind the demo organization {@code ldap} (see README). Production builds lack it.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DemoDirectory {

    static final String BASE = "dc=example,dc=org";
    private static final Logger LOG = Logger.getLogger(DemoDirectory.class);
    private static final String[] PEOPLE = {
        "ada|Ada Lovelace|ada.lovelace@example.org",
        "alan|Alan Turing|alan@example.org",
        "grace|Grace Hopper|g.hopper@example.org",
    };

    private final int port;
    private InMemoryDirectoryServer server;

    DemoDirectory(@ConfigProperty(name = "zauth-demo.directory-port", defaultValue = "10389") int port) {
        this.port = port;
    }

    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), port, null));
        config.addAdditionalBindCredentials("cn=zauth-service," + BASE, "service-password");
        server = new InMemoryDirectoryServer(config);
        server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example");
        server.add("dn: ou=people," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
        for (String person : PEOPLE) {
            String[] f = person.split("\\|");
            server.add("dn: uid=" + f[0] + ",ou=people," + BASE, "objectClass: inetOrgPerson", "uid: " + f[0],
                    "cn: " + f[1], "sn: " + f[1].substring(f[1].indexOf(' ') + 1), "mail: " + f[2],
                    "userPassword: " + f[0] + "-password");
        }
        server.startListening();
        LOG.infof("Demo directory listening on ldap://127.0.0.1:%d (%s)", port, BASE);
    }

    void stop(@Observes ShutdownEvent event) {
        if (server != null) {
            server.shutDown(true);
        }
    }

}
