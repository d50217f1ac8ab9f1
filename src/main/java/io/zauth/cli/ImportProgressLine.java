package io.zauth.cli;

import io.zauth.migration.ImportProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The progress of {@code import zulip} as one line on a terminal, rewritten in place at most
 * four times a second: rows done (of how many), rows per second and the time left. Off a
 * terminal it writes nothing, so that logs and pipes get only the summary.
 */
final class ImportProgressLine implements ImportProgress {

    private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final PrintWriter out;
    private final LongSupplier nanoClock;
    private final boolean terminal;
    private long total = UNKNOWN_TOTAL;
    private long startedAt;
    private long drawnAt;
    private long rows;
    private int drawnLength;
    private boolean shown;

    /**
     * @param nanoClock {@link System#nanoTime} but in tests
     * @param terminal whether {@code out} is a terminal; when not, nothing is ever written
     */
    ImportProgressLine(PrintWriter out, LongSupplier nanoClock, boolean terminal) {
        this.out = out;
        this.nanoClock = nanoClock;
        this.terminal = terminal;
    }

    @Override
    public void started(long totalRows) {
        total = totalRows;
        startedAt = nanoClock.getAsLong();
        drawnAt = startedAt;
    }

    @Override
    public void rowsDone(long rowsDone) {
        rows = rowsDone;
        long now = nanoClock.getAsLong();
        if (terminal && now - drawnAt >= REDRAW_NANOS) {
            draw(now);
        }
    }

    /** Takes the progress line away for a message of its own, e.g. a skipped row; the next redraw restores it. */
    void clear() {
        if (drawnLength > 0) {
            out.print("\r" + " ".repeat(drawnLength) + "\r");
            out.flush();
            drawnLength = 0;
        }
    }

    /** The final count stays on its own line when progress was shown at all. */
    @Override
    public void finished() {
        if (shown) {
            draw(nanoClock.getAsLong());
            out.println();
            out.flush();
            drawnLength = 0;
        }
    }

    private void draw(long now) {
        drawnAt = now;
        shown = true;
        String line = describe(now - startedAt);
        out.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
        out.flush();
        drawnLength = line.length();
    }

    private String describe(long elapsedNanos) {
        StringBuilder line = new StringBuilder("zauth: ");
        line.append(String.format(Locale.ROOT, "%,d", rows));
        if (total >= 0) {
            line.append(String.format(Locale.ROOT, " of %,d", total));
        }
        line.append(" rows");
        double perSecond = rows * 1e9 / Math.max(elapsedNanos, 1);
        line.append(String.format(Locale.ROOT, ", %,d rows/s", Math.round(perSecond)));
        if (total >= 0 && perSecond > 0) {
            line.append(", ").append(duration(Math.round(Math.max(0, total - rows) / perSecond))).append(" left");
        }
        return line.toString();
    }

    private static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }
}
