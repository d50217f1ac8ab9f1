package io.zauth.jwt.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Stopping kc.sh with the java it forks, reading a log's tail, removing a work directory. */
final class KeycloakProcesses {

    private static final int TAIL_LINES = 40;
    private static final long STOP_GRACE_SECONDS = 30;

    private KeycloakProcesses() {
    }

    /**
     * Stops a kc.sh process and its descendants: kc.sh runs java as its child (and forwards SIGTERM
     * to it, but a SIGKILL would orphan it), so each gets SIGTERM, then SIGKILL after a grace period.
     */
    static void stop(Process launcher) {
        List<ProcessHandle> all = Stream.concat(launcher.descendants(), Stream.of(launcher.toHandle()))
                .collect(Collectors.toList());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_GRACE_SECONDS);
        for (ProcessHandle process : all) {
            long left = deadline - System.nanoTime();
            try {
                process.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception stillRunning) {
                break;
            }
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** "last lines of LOG:" and the log's last lines, for a failure message. */
    static String logTail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return "last lines of " + log + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: a leftover temporary directory does no harm.
        }
    }
}
