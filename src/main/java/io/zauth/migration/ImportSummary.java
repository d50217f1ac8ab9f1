package io.zauth.migration;

/** What an import did; {@code complete} is false when malformed CSV stopped the reading early. */
public record ImportSummary(int created, int updated, int skipped, boolean complete) {

    public boolean everyRowImported() {
        return skipped == 0 && complete;
    }
}
