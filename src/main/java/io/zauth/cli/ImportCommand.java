package io.zauth.cli;

import io.zauth.migration.ImportSummary;
import io.zauth.migration.ZulipImport;
import io.zauth.org.Organization;
import io.zauth.org.Organizations;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", description = "Import users from another server.", mixinStandardHelpOptions = true,
        subcommands = ImportCommand.Zulip.class)
public class ImportCommand {

    /** Exit status when some rows were skipped and the others imported. */
    static final int SOME_ROWS_SKIPPED = 2;

    @Command(name = "zulip", description = "Import one Zulip organization's users from the CSV export described in"
            + " the README: passwords, API keys, roles, states and join dates are kept; known emails are updated.",
            exitCodeListHeading = "Exit status:%n",
            exitCodeList = {"0:every row imported", "1:nothing imported (no such organization or file, missing column)",
                    "2:some rows skipped (each on standard error with its line), the others imported"})
    static class Zulip implements Callable<Integer> {
        @Inject
        Organizations organizations;

        @Inject
        ZulipImport zulipImport;

        @Spec
        CommandSpec spec;

        @Option(names = "--org", required = true, description = "Organization subdomain (\"\" for the root domain).")
        String subdomain;

        @Parameters(paramLabel = "<file>", description = "CSV with a header, as PostgreSQL's COPY writes it.")
        Path file;

        @Override
        public Integer call() {
            Organization organization = organizations.require(subdomain);
            PrintWriter err = spec.commandLine().getErr();
            ImportProgressLine progress = new ImportProgressLine(err, System::nanoTime, Terminal.standardError());
            ImportSummary summary = zulipImport.importUsers(organization, file, row -> {
                progress.clear();
                err.println("zauth: " + row);
                err.flush();
            }, progress);
            err.flush();
            spec.commandLine().getOut().printf("imported into '%s': %d created, %d updated, %d skipped%s%n", subdomain,
                    summary.created(), summary.updated(), summary.skipped(),
                    summary.complete() ? "" : " (the file was not read to its end)");
            return summary.everyRowImported() ? 0 : SOME_ROWS_SKIPPED;
        }
    }
}
