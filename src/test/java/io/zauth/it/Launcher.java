package io.zauth.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged launcher {@code bin/zauth}, as an operator runs it, on the Java that runs the tests. */
final class Launcher {

    static final Path PATH = Path.of("target", "quarkus-app", "bin", "zauth");

    private Launcher() {}

    /** {@code environment} comes last, so that it may set {@code JAVA_OPTS} or {@code JAVA_HOME} itself. */
    static ProcessBuilder process(Path launcher, List<String> args, Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("JAVA_OPTS");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        return builder;
    }
}
