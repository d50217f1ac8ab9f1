package io.zauth.cli;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import io.zauth.auth.BackendUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import picocli.CommandLine;

/** Administrative failures are one clear line on standard error and exit status 1. */
@ApplicationScoped
class CommandLineSetup {

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        return factory.create().setExecutionExceptionHandler((error, commandLine, parseResult) -> {
            String message = error instanceof IllegalArgumentException || error instanceof IllegalStateException
                    || error instanceof BackendUnavailableException
                    ? error.getMessage()
                    : "failed: " + error.getClass().getSimpleName();
            commandLine.getErr().println("zauth: " + message);
            return 1;
        });
    }
}
