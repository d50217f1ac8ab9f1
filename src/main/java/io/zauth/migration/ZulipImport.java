package io.zauth.migration;

import io.zauth.audit.AuditLog;
import io.zauth.org.Organization;
import io.zauth.user.ImportedUser;
import io.zauth.user.PasswordHashClasses;
import io.zauth.user.UserAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Imports the users of one Zulip organization into one zauth organization: created when new,
 * updated when their email is known, each row in its own short transaction so that a bad row
 * costs only itself. Passwords and keys are kept exactly as Zulip stored them.
 */
@ApplicationScoped
public class ZulipImport {

    private final UserAccounts users;
    private final AuditLog audit;
    private final PasswordHashClasses hashClasses;

    ZulipImport(UserAccounts users, AuditLog audit, PasswordHashClasses hashClasses) {
        this.users = users;
        this.audit = audit;
        this.hashClasses = hashClasses;
    }

    /**
     * @param report told of every skipped row as it happens
     * @throws IllegalArgumentException when the file cannot be read at all (nothing imported)
     */
    public ImportSummary importUsers(Organization organization, Path file, Consumer<SkippedRow> report) {
        return importUsers(organization, file, report, ImportProgress.NONE);
    }

    /**
     * @param report told of every skipped row as it happens
     * @param progress told of the rows done; unless it is {@link ImportProgress#NONE}, a regular file is
     *     first counted for the total (a pipe cannot be read twice)
     * @throws IllegalArgumentException when the file cannot be read at all (nothing imported)
     */
    public ImportSummary importUsers(Organization organization, Path file, Consumer<SkippedRow> report,
            ImportProgress progress) {
        Counts counts = new Counts(organization, report, progress);
        boolean complete;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            progress.started(progress == ImportProgress.NONE || !Files.isRegularFile(file)
                    ? ImportProgress.UNKNOWN_TOTAL : countRows(file));
            skipByteOrderMark(in);
            try {
                complete = ZulipUserExport.read(in, counts);
            } finally {
                progress.finished();
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no file '" + file + "'");
        } catch (IOException e) {
            // Opening or the header: nothing is stored yet. Later rows fail one by one (ZulipUserExport).
            throw new IllegalArgumentException("cannot read '" + file + "' (" + e.getClass().getSimpleName() + ")");
        }
        // Rows add the classes of their hashes; the hashes they replaced may have been the last of theirs.
        hashClasses.recount(organization.id());
        ImportSummary summary = new ImportSummary(counts.created, counts.updated, counts.skipped, complete);
        audit.adminAction("import zulip", String.format("%d created, %d updated, %d skipped%s in %s", summary.created(),
                summary.updated(), summary.skipped(), complete ? "" : ", file not read to its end", organization.subdomain()));
        return summary;
    }

    private static long countRows(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            skipByteOrderMark(in);
            return ZulipUserExport.countRows(in);
        }
    }

    /** A file saved by a Windows editor may start with one; the header would not match with it. */
    private static void skipByteOrderMark(BufferedReader in) throws IOException {
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
    }

    private final class Counts implements ZulipUserExport.Rows {
        private final Organization organization;
        private final Consumer<SkippedRow> report;
        private final ImportProgress progress;
        int created;
        int updated;
        int skipped;

        Counts(Organization organization, Consumer<SkippedRow> report, ImportProgress progress) {
            this.organization = organization;
            this.report = report;
            this.progress = progress;
        }

        @Override
        public void user(ExportedUser user) {
            try {
                ImportedUser.Outcome outcome = users.createOrUpdate(new ImportedUser(organization.id(), user.email(),
                        user.fullName(), user.role(), user.active(), user.dateJoined(), user.passwordHash(), user.apiKey()));
                if (outcome == ImportedUser.Outcome.CREATED) {
                    created++;
                } else {
                    updated++;
                }
                progress.rowsDone(created + updated + skipped);
            } catch (IllegalArgumentException refused) {
                skipped(new SkippedRow(user.line(), refused.getMessage()));
            } catch (RuntimeException failed) {
                // E.g. the server created the same user meanwhile; the message could quote stored values.
                skipped(new SkippedRow(user.line(), "not stored: " + failed.getClass().getSimpleName()));
            }
        }

        @Override
        public void skipped(SkippedRow row) {
            skipped++;
            report.accept(row);
            progress.rowsDone(created + updated + skipped);
        }
    }
}
