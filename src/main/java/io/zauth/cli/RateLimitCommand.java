package io.zauth.cli;

import io.zauth.audit.AuditLog;
import io.zauth.login.AuthenticationChain;
import io.zauth.org.Organization;
import io.zauth.org.Organizations;
import io.zauth.ratelimit.LoginRateLimiter;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "ratelimit", description = "Login rate limits.", mixinStandardHelpOptions = true,
        subcommands = RateLimitCommand.Reset.class)
public class RateLimitCommand {

    @Command(name = "reset", description = "Forget the login attempts counted against the person a username stands for "
            + "(any spelling: the email, the directory username), so that they may log in again at once.")
    static class Reset implements Runnable {
        @Inject
        Organizations organizations;

        @Inject
        LoginRateLimiter rateLimiter;

        @Inject
        AuthenticationChain chain;

        @Inject
        AuditLog audit;

        @Spec
        CommandSpec spec;

        @Option(names = "--org", required = true, description = "Organization subdomain (\"\" for the root domain).")
        String subdomain;

        @Option(names = "--username", required = true, description = "The username as the client sends it (case is ignored).")
        String username;

        @Override
        public void run() {
            Organization organization = organizations.require(subdomain);
            chain.identities(organization, username).forEach(rateLimiter::reset);
            audit.adminAction("ratelimit reset", username + " in " + subdomain);
            spec.commandLine().getOut().printf("reset login attempts of '%s' in '%s'%n", username, subdomain);
        }
    }
}
