package io.zauth;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * One jar, two jobs: with no arguments it serves; with a command it administers the same
 * database and exits, opening neither the HTTP nor the management port (so it runs beside a
 * serving instance).
 */
@QuarkusMain
public class ZauthMain implements QuarkusApplication {

    /** Built only for a command: serving does not pay for the command line's model at start-up. */
    @Inject
    Instance<CommandLine> commandLine;

    /**
     * H2's server for a second process on the embedded file (AUTO_SERVER) binds where this system
     * property says, and the lock file tells that process to connect there; unset, H2 listens on
     * every interface. Read once when H2's classes load, so it is set before anything starts.
     */
    static final String H2_BIND_ADDRESS = "h2.bindAddress";

    public static void main(String... args) {
        if (System.getProperty(H2_BIND_ADDRESS) == null) {
            // Commands run on the same host as the service, so loopback is enough for them.
            System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
        }
        if (args.length > 0 && args[0].equals("secrets")) {
            // Needs neither database nor secrets: it is how a PostgreSQL deployment gets them.
            int status = new CommandLine(new io.zauth.cli.ZauthCommand()).execute(args);
            if (status != 0) {
                System.exit(status);
            }
            return;
        }
        if (args.length > 0) {
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("quarkus.management.host-enabled", "false");
            System.setProperty("quarkus.banner.enabled", "false");
            System.setProperty("quarkus.log.console.stderr", "true");
            System.setProperty("quarkus.log.level", System.getProperty("quarkus.log.level", "WARN"));
        }
        Quarkus.run(ZauthMain.class, args);
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        return commandLine.get().execute(args);
    }
}
