package io.zauth.migration;

import io.zauth.auth.EmailAddresses;
import io.zauth.key.ApiKeys;
import io.zauth.password.PasswordHasher;
import io.zauth.user.Role;
import io.zauth.user.UserEntity;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the users of one Zulip organization as PostgreSQL's {@code COPY … TO STDOUT WITH (FORMAT
 * csv, HEADER)} writes them from {@code zerver_userprofile} (README, "Migrating from Zulip").
 * Columns are found by their header names; each row is checked field by field, and a bad row is
 * reported with its line and never stops the others. Secrets are never part of a reason.
 */
final class ZulipUserExport {

    static final List<String> COLUMNS =
            List.of("delivery_email", "full_name", "password", "api_key", "is_active", "role", "date_joined");
    /** zauth_user.full_name and .email; Zulip's own limits (100, 254) are lower. */
    private static final int MAX_NAME_LENGTH = 255;
    private static final int MAX_EMAIL_LENGTH = 254;
    private static final int MAX_HASH_LENGTH = 512;
    /** ISO 8601 as the README's query writes it, and PostgreSQL's default text form ({@code 2024-01-15 10:23:45.5+00}). */
    private static final DateTimeFormatter DATE_JOINED = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .appendOffset("+HH:mm", "Z")
            .toFormatter();

    interface Rows {
        void user(ExportedUser user);

        void skipped(SkippedRow row);
    }

    private ZulipUserExport() {}

    /**
     * Passes every row to {@code rows}, checked or skipped.
     *
     * @return false when malformed CSV stopped the reading before the end (reported as skipped)
     * @throws IllegalArgumentException when the header lacks a column: nothing can be read
     */
    static boolean read(Reader in, Rows rows) throws IOException {
        try (CSVParser parser = CSVParser.parse(in, format())) {
            requireColumns(parser.getHeaderNames());
            Map<String, Long> lineOfEmail = new HashMap<>();
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                // Lines ended so far, read before the parser moves on: quoted newlines count too.
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        return true;
                    }
                    record = records.next();
                } catch (UncheckedIOException malformed) {
                    rows.skipped(new SkippedRow(line, "malformed CSV (" + malformed.getCause().getClass().getSimpleName()
                            + "); the rest of the file was not read"));
                    return false;
                }
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // a blank line, such as an editor's final newline
                }
                check(record, line, lineOfEmail).ifPresentOrElse(reason -> rows.skipped(new SkippedRow(line, reason)),
                        () -> rows.user(user(record, line)));
            }
        }
    }

    /**
     * The rows {@link #read} would pass on, blank lines left out; {@link ImportProgress#UNKNOWN_TOTAL}
     * when malformed CSV stops the count.
     */
    static long countRows(Reader in) throws IOException {
        try (CSVParser parser = CSVParser.parse(in, format())) {
            long rows = 0;
            for (CSVRecord record : parser) {
                if (!(record.size() == 1 && record.get(0).isEmpty())) {
                    rows++;
                }
            }
            return rows;
        } catch (UncheckedIOException malformed) {
            return ImportProgress.UNKNOWN_TOTAL;
        }
    }

    private static CSVFormat format() {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(false).setTrim(false).get();
    }

    private static void requireColumns(List<String> header) {
        List<String> missing = COLUMNS.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the header lacks column(s) " + String.join(", ", missing)
                    + "; export with the query in the README");
        }
    }

    /** Why the row cannot be imported, if it cannot; the first problem found. */
    private static Optional<String> check(CSVRecord record, long line, Map<String, Long> lineOfEmail) {
        if (!record.isConsistent()) {
            return Optional.of("wrong number of columns: " + record.size() + " instead of " + record.getParser().getHeaderNames().size());
        }
        String email = record.get("delivery_email").strip();
        if (email.length() > MAX_EMAIL_LENGTH || !EmailAddresses.isValid(email)) {
            return Optional.of("delivery_email is not a valid email address");
        }
        Long earlier = lineOfEmail.putIfAbsent(UserEntity.emailKey(email), line);
        if (earlier != null) {
            return Optional.of("delivery_email repeats that of line " + earlier);
        }
        String name = record.get("full_name").strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            return Optional.of("full_name is empty or longer than " + MAX_NAME_LENGTH + " characters");
        }
        String hash = record.get("password");
        if (usableHash(hash) != null && (hash.length() > MAX_HASH_LENGTH || !PasswordHasher.knowsAlgorithm(hash))) {
            return Optional.of("password is not a Django hash zauth verifies (argon2, pbkdf2_sha256, pbkdf2_sha1, sha1, md5)");
        }
        if (PasswordHasher.exceedsCaps(hash)) {
            return Optional.of("password hash costs more than zauth computes (Argon2 above 128 MiB, 8 lanes or 256 MiB"
                    + " times passes; PBKDF2 above 2,000,000 iterations)");
        }
        if (!ApiKeys.hasFormat(record.get("api_key"))) {
            return Optional.of("api_key is not 32 letters and digits");
        }
        if (flag(record.get("is_active")) == null) {
            return Optional.of("is_active is neither t nor f");
        }
        if (role(record.get("role")) == null) {
            return Optional.of("role is not one of Zulip's 100, 200, 300, 400, 600");
        }
        if (instant(record.get("date_joined")) == null) {
            return Optional.of("date_joined is not a date and time with a UTC offset");
        }
        return Optional.empty();
    }

    private static ExportedUser user(CSVRecord record, long line) {
        return new ExportedUser(line, record.get("delivery_email").strip(), record.get("full_name").strip(),
                usableHash(record.get("password")), record.get("api_key"), flag(record.get("is_active")),
                role(record.get("role")), instant(record.get("date_joined")));
    }

    /** Django's unusable password ({@code !} and random characters) or none at all: no usable password. */
    private static String usableHash(String hash) {
        return hash.isEmpty() || hash.startsWith("!") ? null : hash;
    }

    /** PostgreSQL writes booleans as {@code t} and {@code f}. */
    private static Boolean flag(String value) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "t", "true" -> true;
            case "f", "false" -> false;
            default -> null;
        };
    }

    private static Role role(String value) {
        try {
            return Role.ofZulipValue(Integer.parseInt(value.strip()));
        } catch (IllegalArgumentException notARole) {
            return null;
        }
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value.strip(), DATE_JOINED).toInstant();
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }
}
