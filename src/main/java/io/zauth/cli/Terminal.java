package io.zauth.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether an operator watches a command's output, for output meant only for a person (progress). */
final class Terminal {

    private Terminal() {}

    /**
     * Java 17 tells only whether standard input and output are a terminal ({@link System#console()});
     * Java 22 and later return a console off a terminal too and say so with {@code isTerminal()}.
     * Where Linux's /proc tells where standard error goes, that must be a terminal as well, so that
     * {@code 2>errors.log} keeps the log free of progress lines.
     */
    static boolean standardError() {
        Console console = System.console();
        if (console == null || !isTerminal(console)) {
            return false;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException noProc) {
            return true;
        }
    }

    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException beforeJava22) {
            return true;
        }
    }
}
