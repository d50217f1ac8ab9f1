package io.zauth.cli;

import io.zauth.key.KeySecrets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code zauth secrets generate}: fresh API key secrets for a deployment on PostgreSQL. Runs
 * without a database or configured secrets (see {@code ZauthMain}), since it is how one gets them.
 */
@Command(name = "secrets", description = "Server secrets.", mixinStandardHelpOptions = true,
        subcommands = SecretsCommand.Generate.class)
public class SecretsCommand {

    @Command(name = "generate", description = "Print fresh API key secrets as configuration properties.")
    static class Generate implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().getOut().print("# zauth API key secrets: keep them apart from database backups;"
                    + " changing the encryption key voids every stored API key.\n"
                    + KeySecrets.generate().toProperties());
            spec.commandLine().getOut().flush();
        }
    }
}
