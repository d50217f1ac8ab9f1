package io.zauth.migration;

/** A row left out of the import: the file line it starts on (the header is line 1) and why. */
public record SkippedRow(long line, String reason) {

    @Override
    public String toString() {
        return "line " + line + ": " + reason;
    }
}
