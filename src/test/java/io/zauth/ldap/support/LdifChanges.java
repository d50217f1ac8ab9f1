package io.zauth.ldap.support;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldif.LDIFChangeRecord;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** Parses LDIF text given by a test and applies it to a directory connection. */
final class LdifChanges {

    private LdifChanges() {
    }

    static List<Entry> entries(String ldif) {
        List<Entry> entries = new ArrayList<>();
        try (LDIFReader reader = reader(ldif)) {
            for (Entry entry = reader.readEntry(); entry != null; entry = reader.readEntry()) {
                entries.add(entry);
            }
        } catch (IOException | LDIFException e) {
            throw new IllegalArgumentException("not LDIF entries: " + e.getMessage(), e);
        }
        return entries;
    }

    static List<LDIFChangeRecord> changeRecords(String ldif) {
        List<LDIFChangeRecord> records = new ArrayList<>();
        try (LDIFReader reader = reader(ldif)) {
            for (LDIFChangeRecord r = reader.readChangeRecord(false); r != null; r = reader.readChangeRecord(false)) {
                records.add(r);
            }
        } catch (IOException | LDIFException e) {
            throw new IllegalArgumentException("not LDIF change records: " + e.getMessage(), e);
        }
        return records;
    }

    static void add(LDAPInterface directory, List<Entry> entries) {
        for (Entry entry : entries) {
            apply(() -> directory.add(entry), "add " + entry.getDN());
        }
    }

    static void change(LDAPInterface directory, List<LDIFChangeRecord> records) {
        for (LDIFChangeRecord record : records) {
            apply(() -> record.processChange(directory), record.getChangeType() + " " + record.getDN());
        }
    }

    static void delete(LDAPInterface directory, String dn) {
        apply(() -> directory.delete(dn), "delete " + dn);
    }

    private interface Operation {
        void run() throws LDAPException;
    }

    private static void apply(Operation operation, String description) {
        try {
            operation.run();
        } catch (LDAPException e) {
            throw new IllegalStateException(description + " failed: " + e.getResultCode() + " "
                    + e.getDiagnosticMessage(), e);
        }
    }

    private static LDIFReader reader(String ldif) {
        return new LDIFReader(new BufferedReader(new StringReader(ldif)));
    }
}
