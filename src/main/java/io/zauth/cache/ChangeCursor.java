package io.zauth.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Which {@code account_change} rows this instance has read, by id; times are
 * {@link System#nanoTime()} values of this process, never the database's clock.
 *
 * <p>Ids come from an identity sequence that hands them out in the order they are asked for
 * (PostgreSQL's and H2's keep no per-session cache), but the transactions holding them commit in
 * any order, and one that rolls back leaves its id unused. So an id below the highest one read
 * that has not been read is a gap: its transaction began before the higher id was handed out,
 * hence before the moment the gap was noticed, and it ends (commits or rolls back) within the
 * transaction timeout of its start. A gap is read again on every poll until its row appears or
 * {@code gapWait} has passed since it was noticed, as seen by a poll that began after that.
 *
 * <p>An instance starting reads from id 0: every id missing below the highest row present is a
 * gap, since a transaction begun before the start may commit any of them later.
 */
final class ChangeCursor {

    /** Beyond this many gaps, a poll reads every row from the lowest one rather than name them all. */
    static final int MAX_RANGES = 32;

    /** Ids {@code above} and those in {@code ranges} (inclusive pairs). */
    record Reading(long above, List<long[]> ranges) {}

    private record Gap(long to, long deadline) {}

    private final long gapWaitNanos;
    /** Open gaps by their first id. */
    private final NavigableMap<Long, Gap> gaps = new TreeMap<>();
    /** Every id up to this one was read or is in an open gap. */
    private long highest;

    ChangeCursor(Duration gapWait) {
        this.gapWaitNanos = gapWait.toNanos();
    }

    /** The rows the next poll reads. */
    Reading next() {
        if (gaps.size() > MAX_RANGES) {
            return new Reading(gaps.firstKey() - 1, List.of());
        }
        List<long[]> ranges = new ArrayList<>(gaps.size());
        for (Map.Entry<Long, Gap> gap : gaps.entrySet()) {
            ranges.add(new long[] {gap.getKey(), gap.getValue().to()});
        }
        return new Reading(highest, ranges);
    }

    /**
     * A row read at {@code readAt}, in ascending id order within a poll.
     *
     * @return whether it is news: not read before
     */
    boolean read(long id, long readAt) {
        if (id > highest) {
            if (id > highest + 1) {
                gaps.put(highest + 1, new Gap(id - 1, readAt + gapWaitNanos));
            }
            highest = id;
            return true;
        }
        Map.Entry<Long, Gap> gap = gaps.floorEntry(id);
        if (gap == null || gap.getValue().to() < id) {
            return false;
        }
        long from = gap.getKey();
        Gap open = gap.getValue();
        gaps.remove(from);
        if (from < id) {
            gaps.put(from, new Gap(id - 1, open.deadline()));
        }
        if (id < open.to()) {
            gaps.put(id + 1, open);
        }
        return true;
    }

    /**
     * Closes the gaps whose transactions have ended by the time a poll began at {@code pollStart}:
     * that poll read whatever they committed.
     */
    void expire(long pollStart) {
        gaps.values().removeIf(gap -> gap.deadline() - pollStart < 0);
    }

    /** Every row up to this id has been read, or was never committed and never will be. */
    long readThrough() {
        return gaps.isEmpty() ? highest : gaps.firstKey() - 1;
    }

    int openGaps() {
        return gaps.size();
    }
}
