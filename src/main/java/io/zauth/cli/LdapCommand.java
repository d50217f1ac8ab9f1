package io.zauth.cli;

import io.zauth.ldap.Directories;
import io.zauth.ldap.Directory;
import io.zauth.ldap.DirectoryEntry;
import io.zauth.ldap.DirectorySync;
import io.zauth.org.Organizations;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "ldap", description = "Work with directories.", mixinStandardHelpOptions = true,
        subcommands = {LdapCommand.Sync.class, LdapCommand.Test.class})
public class LdapCommand {

    @Command(name = "sync", description = "Update full names from the directory; with deactivate-non-matching, "
            + "deactivate users disabled in or missing from it. A directory error changes nothing.")
    static class Sync implements Runnable {
        @Inject
        Organizations organizations;

        @Inject
        DirectorySync sync;

        @Spec
        CommandSpec spec;

        @Option(names = "--org", required = true)
        String subdomain;

        @Override
        public void run() {
            DirectorySync.Report report = sync.sync(organizations.require(subdomain));
            spec.commandLine().getOut().printf("checked %d, renamed %d, deactivated %d%n",
                    report.checked(), report.renamed(), report.deactivated());
        }
    }

    @Command(name = "test", description = "Tell whether a username is found, with its DN and email; "
            + "with --password-stdin, also whether the password binds.")
    static class Test implements Runnable {
        @Inject
        Directories directories;

        @Spec
        CommandSpec spec;

        @Option(names = "--directory", required = true)
        String name;

        @Option(names = "--username", required = true)
        String username;

        @Option(names = "--password-stdin", description = "Read a password from standard input and try a bind.")
        boolean withPassword;

        @Override
        public void run() {
            Directory directory = directories.byName(name)
                    .orElseThrow(() -> new IllegalArgumentException("no directory '" + name + "' is configured"));
            PrintWriter out = spec.commandLine().getOut();
            Optional<DirectoryEntry> found = directory.find(username);
            if (found.isEmpty()) {
                throw new IllegalArgumentException("no single entry matches '" + username + "'");
            }
            out.println("dn: " + found.get().dn());
            out.println("username: " + found.get().username());
            if (withPassword) {
                Optional<DirectoryEntry> bound = directory.bind(found.get(), PasswordInput.read());
                out.println("bind: " + (bound.isPresent() ? "accepted" : "refused"));
                bound.flatMap(e -> directory.mapping().emailOf(e)).ifPresent(email -> out.println("email: " + email));
            } else if (found.get().entry() != null) {
                directory.mapping().emailOf(found.get()).ifPresent(email -> out.println("email: " + email));
            }
        }
    }
}
