package io.zauth.ldap.support;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.RDN;
import java.util.ArrayList;
import java.util.List;

/** The entries every test directory starts with. Passwords are in clear here; slapd stores them hashed. */
public final class SeedPeople {

    public static final String BASE_DN = "dc=example,dc=org";
    public static final String PEOPLE_DN = "ou=people," + BASE_DN;
    public static final String SERVICE_DN = "cn=zauth-service," + BASE_DN;
    public static final String SERVICE_PASSWORD = "secret-zauth-service";
    public static final String HOSTILE_PASSWORD = "secret-hostile";

    /** An entry whose uid is a string that breaks naive filter or DN building. */
    public record HostileUid(String uid, String mailLocalPart) {
        public String mail() {
            return mailLocalPart + "@example.org";
        }
    }

    public static final List<HostileUid> HOSTILE_UIDS = List.of(
            new HostileUid("*", "star"),
            new HostileUid("*)(uid=*", "star-injection"),
            new HostileUid("admin)(|(uid=*", "admin-injection"),
            new HostileUid("\\", "backslash"),
            new HostileUid("a,b", "comma"),
            new HostileUid("a+b", "plus"),
            new HostileUid("a=b", "equals"),
            new HostileUid("\"quoted\"", "quoted"),
            new HostileUid("#hash", "hash"),
            new HostileUid(" leading", "leading-space"),
            new HostileUid("trailing ", "trailing-space"),
            new HostileUid("renée", "renee"),
            new HostileUid("Ωmega", "omega"));

    private SeedPeople() {
    }

    /** {@code secret-<uid>} for ordinary people, {@link #HOSTILE_PASSWORD} for hostile uids. */
    public static String passwordOf(String uid) {
        boolean hostile = HOSTILE_UIDS.stream().anyMatch(h -> h.uid().equals(uid));
        return hostile ? HOSTILE_PASSWORD : "secret-" + uid;
    }

    /** The person's DN, with the uid escaped per RFC 4514. */
    public static String dnOf(String uid) {
        try {
            return new DN(new RDN("uid", uid), new DN(PEOPLE_DN)).toString();
        } catch (com.unboundid.ldap.sdk.LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(BASE_DN,
                new Attribute("objectClass", "top", "dcObject", "organization"),
                new Attribute("dc", "example"), new Attribute("o", "Example")));
        entries.add(new Entry(PEOPLE_DN,
                new Attribute("objectClass", "top", "organizationalUnit"), new Attribute("ou", "people")));
        entries.add(new Entry(SERVICE_DN,
                new Attribute("objectClass", "top", "organizationalRole", "simpleSecurityObject"),
                new Attribute("cn", "zauth-service"), new Attribute("userPassword", SERVICE_PASSWORD)));

        entries.add(person("hamlet", "King Hamlet", "Hamlet", "hamlet@example.org", "department", "zulip"));
        entries.add(person("aaron", "Aaron Smith", "Smith", "aaron@example.org", "givenName", "Aaron"));
        entries.add(person("newuser", "New LDAP fullname", "fullname", "newuser@example.org"));
        entries.add(person("sam", "Samantha Jones", "Jones", "samantha@example.org"));
        entries.add(person("shared1", "Shared One", "One", "shared@example.org"));
        entries.add(person("shared2", "Shared Two", "Two", "shared@example.org"));
        entries.add(person("disabled-ad", "Disabled AD", "AD", "disabled-ad@example.org", "userAccountControl", "514"));
        entries.add(person("enabled-ad", "Enabled AD", "AD", "enabled-ad@example.org", "userAccountControl", "512"));
        entries.add(person("deactivated-true", "Deactivated True", "True", "deactivated-true@example.org",
                "deactivated", "TRUE"));
        entries.add(person("deactivated-false", "Deactivated False", "False", "deactivated-false@example.org",
                "deactivated", "FALSE"));
        entries.add(person("locked", "Locked Account", "Account", "locked@example.org", "nsAccountLock", "TRUE"));
        entries.add(person("test12", "Test Twelve", "Twelve", "test12@example.org", "test1", "test", "test2", "testing"));
        entries.add(person("test2only", "Test Two Only", "Only", "test2only@example.org", "test2", "testing"));
        entries.add(person("test1second", "Test One Second", "Second", "test1second@example.org", "test1", "test2"));
        entries.add(person("admin", "Admin User", "User", "admin@example.org"));
        for (HostileUid hostile : HOSTILE_UIDS) {
            entries.add(person(hostile.uid(), "Hostile " + hostile.mailLocalPart(), "Hostile", hostile.mail()));
        }
        return entries;
    }

    /** An inetOrgPerson with the zauthAccountState auxiliary class; {@code extra} is attribute, value pairs. */
    private static Entry person(String uid, String cn, String sn, String mail, String... extra) {
        Entry entry = new Entry(dnOf(uid));
        entry.addAttribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson",
                ZauthTestSchema.ACCOUNT_STATE_CLASS);
        entry.addAttribute("uid", uid);
        entry.addAttribute("cn", cn);
        entry.addAttribute("sn", sn);
        entry.addAttribute("mail", mail);
        entry.addAttribute("userPassword", passwordOf(uid));
        for (int i = 0; i < extra.length; i += 2) {
            entry.addAttribute(extra[i], extra[i + 1]);
        }
        return entry;
    }
}
