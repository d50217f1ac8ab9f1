package io.zauth.cli;

import io.zauth.audit.AuditLog;
import io.zauth.org.EmailFormatRule;
import io.zauth.org.Organization;
import io.zauth.org.OrganizationSettings;
import io.zauth.org.Organizations;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "org", description = "Manage organizations.", mixinStandardHelpOptions = true,
        subcommands = {OrgCommand.Create.class, OrgCommand.Update.class, OrgCommand.ListOrgs.class,
                OrgCommand.Deactivate.class, OrgCommand.Reactivate.class})
public class OrgCommand {

    /** Settings shared by create and update; an option left out leaves the setting as it is. */
    static class SettingsOptions {
        @Option(names = "--name", description = "Display name.")
        String name;

        @Option(names = "--description", description = "Description shown on the login page.")
        String description;

        @Option(names = "--icon-url", description = "Icon URL (empty to clear).")
        String iconUrl;

        @Option(names = "--methods", split = ",", description = "Authentication methods in order, e.g. email,ldap.")
        List<String> methods;

        @Option(names = "--require-email-format-usernames", description = "true, false or derived.")
        String emailFormatRule;

        @Option(names = "--hosts", split = ",", description = "Extra host names (replaces the list; empty to clear).")
        Set<String> hosts;

        @Option(names = "--password-min-length", description = "Minimum password length.")
        Integer passwordMinLength;

        @Option(names = "--directory", description = "Configured directory for the ldap method (empty to clear).")
        String directory;

        @Option(names = "--login-rate-limit",
                description = "Login attempts per identity (address or directory entry), e.g. 10/15m; \"default\" for the server's (zauth.rate-limit.username).")
        String loginRateLimit;

        OrganizationSettings toSettings() {
            return new OrganizationSettings(name, description, iconUrl, methods,
                    emailFormatRule == null ? null : EmailFormatRule.parse(emailFormatRule), null, hosts,
                    passwordMinLength, directory, loginRateLimit);
        }
    }

    abstract static class OrgSubcommand implements Runnable {
        @Inject
        Organizations organizations;

        @Inject
        AuditLog audit;

        @Spec
        CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        void print(Organization o) {
            out().printf("%s\t%s\t%s\t%s%n", o.isRoot() ? "(root)" : o.subdomain(), o.name(),
                    String.join(",", o.methods()), o.deactivated() ? "deactivated" : "active");
        }
    }

    @Command(name = "create", description = "Create an organization; prints it.")
    static class Create extends OrgSubcommand {
        @Parameters(index = "0", description = "Subdomain (\"\" for the root domain).")
        String subdomain;

        @ArgGroup(exclusive = false)
        SettingsOptions settings = new SettingsOptions();

        @Override
        public void run() {
            print(organizations.create(subdomain, settings.toSettings()));
            audit.adminAction("org create", subdomain);
        }
    }

    @Command(name = "update", description = "Change an organization's settings.")
    static class Update extends OrgSubcommand {
        @Parameters(index = "0", description = "Subdomain (\"\" for the root domain).")
        String subdomain;

        @ArgGroup(exclusive = false)
        SettingsOptions settings = new SettingsOptions();

        @Override
        public void run() {
            print(organizations.update(subdomain, settings.toSettings()));
            audit.adminAction("org update", subdomain);
        }
    }

    @Command(name = "list", description = "List organizations: subdomain, name, methods, state.")
    static class ListOrgs extends OrgSubcommand {
        @Override
        public void run() {
            organizations.list().forEach(this::print);
        }
    }

    @Command(name = "deactivate", description = "Deactivate an organization: every login and key is refused.")
    static class Deactivate extends OrgSubcommand {
        @Parameters(index = "0")
        String subdomain;

        @Override
        public void run() {
            print(organizations.setDeactivated(subdomain, true));
            audit.adminAction("org deactivate", subdomain);
        }
    }

    @Command(name = "reactivate", description = "Reactivate an organization.")
    static class Reactivate extends OrgSubcommand {
        @Parameters(index = "0")
        String subdomain;

        @Override
        public void run() {
            print(organizations.setDeactivated(subdomain, false));
            audit.adminAction("org reactivate", subdomain);
        }
    }
}
