package io.zauth.ldap;

import com.unboundid.ldap.sdk.Entry;
import java.util.List;
import java.util.Optional;

/** A person's directory entry: its DN, the username it was found by, and its attributes. */
public record DirectoryEntry(String dn, String username, Entry entry) {

    public Optional<String> first(String attribute) {
        return Optional.ofNullable(entry.getAttributeValue(attribute));
    }

    public List<String> all(String attribute) {
        String[] values = entry.getAttributeValues(attribute);
        return values == null ? List.of() : List.of(values);
    }
}
