package io.zauth.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Reading account changes by id: every committed row is read once, however late it commits. */
class ChangeCursorTest {

    static final Duration WAIT = Duration.ofSeconds(70);
    static final long SECOND = Duration.ofSeconds(1).toNanos();

    final ChangeCursor cursor = new ChangeCursor(WAIT);

    @Test
    void rowsInOrderAreEachNewsOnce() {
        assertTrue(cursor.read(1, 0));
        assertTrue(cursor.read(2, 0));
        assertFalse(cursor.read(2, SECOND), "read before");
        assertEquals(2, cursor.readThrough());
        assertEquals(2, cursor.next().above());
        assertEquals(0, cursor.next().ranges().size());
    }

    @Test
    void aRowCommittedAfterAHigherOneIsReadWhenItAppears() {
        cursor.read(1, 0);
        cursor.read(3, 0);
        assertEquals(1, cursor.readThrough(), "2 may still commit");
        ChangeCursor.Reading next = cursor.next();
        assertEquals(3, next.above());
        assertArrayEquals(new long[] {2, 2}, next.ranges().get(0));

        cursor.expire(50 * SECOND);
        assertTrue(cursor.read(2, 50 * SECOND));
        assertEquals(3, cursor.readThrough());
        assertEquals(0, cursor.openGaps());
    }

    @Test
    void aGapIsAwaitedUntilAPollBeganAfterItsWaitHadPassed() {
        cursor.read(1, 0);
        cursor.read(4, 10 * SECOND);
        cursor.expire(10 * SECOND + WAIT.toNanos() - 1);
        assertEquals(1, cursor.openGaps(), "the transaction holding 2 or 3 may not have ended yet");
        cursor.expire(10 * SECOND + WAIT.toNanos() + 1);
        assertEquals(0, cursor.openGaps());
        assertEquals(4, cursor.readThrough());
    }

    @Test
    void aRowFillingPartOfAGapLeavesTheRestOpen() {
        cursor.read(10, 0);
        assertEquals(0, cursor.readThrough(), "an instance starting awaits every id below the first it reads");
        assertTrue(cursor.read(5, SECOND));
        assertTrue(cursor.read(1, SECOND));
        assertTrue(cursor.read(9, SECOND));
        assertFalse(cursor.read(5, SECOND));
        ChangeCursor.Reading next = cursor.next();
        assertEquals(2, next.ranges().size());
        assertArrayEquals(new long[] {2, 4}, next.ranges().get(0));
        assertArrayEquals(new long[] {6, 8}, next.ranges().get(1));
        assertEquals(1, cursor.readThrough());
    }

    @Test
    void manyGapsAreReadByReadingEverythingFromTheLowest() {
        for (long id = 2; id <= 2 * (ChangeCursor.MAX_RANGES + 2); id += 2) {
            cursor.read(id, 0);
        }
        ChangeCursor.Reading next = cursor.next();
        assertEquals(0, next.above());
        assertEquals(0, next.ranges().size());
        assertFalse(cursor.read(2, SECOND), "rows read before are not news again");
        assertTrue(cursor.read(3, SECOND));
    }
}
