package io.zauth.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import io.quarkus.runtime.Quarkus;
import picocli.CommandLine.Command;

/** {@code zauth}: serve when given no command. */
@TopCommand
@Command(name = "zauth", mixinStandardHelpOptions = true, versionProvider = ZauthVersion.class,
        description = "Zulip-compatible authentication server. Without a command, serves HTTP.",
        subcommands = {OrgCommand.class, UserCommand.class, LdapCommand.class, RateLimitCommand.class,
                SecretsCommand.class, ImportCommand.class})
public class ZauthCommand implements Runnable {

    @Override
    public void run() {
        Quarkus.waitForExit();
    }
}
