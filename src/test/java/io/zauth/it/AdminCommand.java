package io.zauth.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged application's commands in a separate process through its launcher, as an operator would. */
final class AdminCommand {

    record Result(int exitCode, String out, String err) {}

    private AdminCommand() {}

    static Result run(String stdin, String... args) {
        return runWith(Map.of(), stdin, args);
    }

    /** With extra environment, e.g. the Redis settings of a deployment that shares its counts. */
    static Result runWith(Map<String, String> environment, String stdin, String... args) {
        return runLauncher(Launcher.PATH, environment, stdin, args);
    }

    /** Through another path to the launcher, such as a symbolic link. */
    static Result runLauncher(Path launcher, Map<String, String> environment, String stdin, String... args) {
        try {
            Process process = Launcher.process(launcher, List.of(args), environment).start();
            if (stdin != null) {
                process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("command did not finish: zauth " + String.join(" ", args));
            }
            return new Result(process.exitValue(),
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                    new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String ok(String stdin, String... args) {
        return okWith(Map.of(), stdin, args);
    }

    static String okWith(Map<String, String> environment, String stdin, String... args) {
        Result result = runWith(environment, stdin, args);
        if (result.exitCode() != 0) {
            throw new AssertionError("zauth " + String.join(" ", args) + " failed: " + result.err());
        }
        return result.out();
    }
}
