package io.zauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zauth.migration.ImportProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The progress line of {@code import zulip}, on a clock the test moves. */
class ImportProgressLineTest {

    final StringWriter written = new StringWriter();
    long now = TimeUnit.SECONDS.toNanos(1000);

    ImportProgressLine line(boolean terminal) {
        return new ImportProgressLine(new PrintWriter(written), () -> now, terminal);
    }

    void after(long millis) {
        now += TimeUnit.MILLISECONDS.toNanos(millis);
    }

    /** Each state of the line as the terminal shows it, the carriage returns taken apart. */
    List<String> states() {
        return Arrays.stream(written.toString().split("\r")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Test
    void onATerminalTheLineShowsRowsRateAndTimeLeftAndEndsWithANewline() {
        ImportProgressLine progress = line(true);
        progress.started(10_000);
        for (int row = 1; row <= 2_000; row++) {
            after(1); // 1,000 rows per second
            progress.rowsDone(row);
        }
        progress.finished();

        List<String> states = states();
        assertEquals("zauth: 250 of 10,000 rows, 1,000 rows/s, 10 s left", states.get(0));
        assertEquals("zauth: 1,000 of 10,000 rows, 1,000 rows/s, 9 s left", states.get(3));
        assertEquals("zauth: 2,000 of 10,000 rows, 1,000 rows/s, 8 s left", states.get(states.size() - 1));
        assertTrue(written.toString().endsWith("\n"), "the summary starts on a line of its own");
        assertEquals(1, written.toString().chars().filter(c -> c == '\n').count());
    }

    @Test
    void theLineIsRedrawnAtMostFourTimesASecond() {
        ImportProgressLine progress = line(true);
        progress.started(ImportProgress.UNKNOWN_TOTAL);
        for (int row = 1; row <= 10_000; row++) {
            after(1);
            progress.rowsDone(row);
        }
        assertEquals(40, states().size(), "ten seconds of rows");
    }

    @Test
    void withoutATotalTheLineShowsRowsAndRateOnly() {
        ImportProgressLine progress = line(true);
        progress.started(ImportProgress.UNKNOWN_TOTAL);
        after(90_000);
        progress.rowsDone(4_500);
        assertEquals(List.of("zauth: 4,500 rows, 50 rows/s"), states());
    }

    @Test
    void longImportsCountMinutesAndHours() {
        ImportProgressLine progress = line(true);
        progress.started(1_000_000);
        after(10_000);
        progress.rowsDone(1_000);
        after(10_000);
        progress.rowsDone(200_000);
        assertEquals(List.of("zauth: 1,000 of 1,000,000 rows, 100 rows/s, 2 h 46 min left",
                "zauth: 200,000 of 1,000,000 rows, 10,000 rows/s, 1 min 20 s left"), states());
    }

    @Test
    void aShorterLineBlanksWhatTheLongerOneLeft() {
        ImportProgressLine progress = line(true);
        progress.started(1_000_000);
        after(10_000);
        progress.rowsDone(1_000);
        after(1_000_000);
        progress.rowsDone(999_999);
        String second = written.toString().substring(written.toString().lastIndexOf('\r') + 1);
        assertEquals("zauth: 999,999 of 1,000,000 rows, 990 rows/s, 0 s left", second.strip());
        assertEquals("zauth: 1,000 of 1,000,000 rows, 100 rows/s, 2 h 46 min left".length(), second.length());
    }

    @Test
    void aMessageGetsTheLineToItself() {
        ImportProgressLine progress = line(true);
        progress.started(100);
        after(1_000);
        progress.rowsDone(10);
        progress.clear();
        String cleared = written.toString();
        assertTrue(cleared.endsWith("\r"), "the cursor is back at the start of the line");
        String blank = cleared.substring(cleared.lastIndexOf('\r', cleared.length() - 2) + 1, cleared.length() - 1);
        assertTrue(blank.isBlank() && blank.length() == "zauth: 10 of 100 rows, 10 rows/s, 9 s left".length(), "[" + blank + "]");
    }

    @Test
    void aQuickImportShowsNothing() {
        ImportProgressLine progress = line(true);
        progress.started(3);
        for (int row = 1; row <= 3; row++) {
            after(10);
            progress.rowsDone(row);
        }
        progress.finished();
        assertEquals("", written.toString());
    }

    @Test
    void offATerminalNothingIsWritten() {
        ImportProgressLine progress = line(false);
        progress.started(10_000);
        for (int row = 1; row <= 10_000; row++) {
            after(1);
            progress.rowsDone(row);
        }
        progress.clear();
        progress.finished();
        assertEquals("", written.toString());
    }
}
