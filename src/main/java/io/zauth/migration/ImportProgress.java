package io.zauth.migration;

/** Told how far an import has come, e.g. to show it to an operator at a terminal. */
public interface ImportProgress {

    /** The total {@link #started} gives when it is not known. */
    long UNKNOWN_TOTAL = -1;

    /** Nobody watches: the file is not counted beforehand. */
    ImportProgress NONE = new ImportProgress() {
        @Override
        public void started(long totalRows) {}

        @Override
        public void rowsDone(long rows) {}

        @Override
        public void finished() {}
    };

    /** Before the first row, with the number of rows the file holds or {@link #UNKNOWN_TOTAL}. */
    void started(long totalRows);

    /** After each row, imported or skipped, with the rows done so far. */
    void rowsDone(long rows);

    /** After the last row, before the summary. */
    void finished();
}
