package io.zauth.ldap.support;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.schema.Schema;
import java.util.List;

/**
 * Attributes the seed people use beyond core, cosine and inetOrgPerson: account-state flags as found
 * in Active Directory, FreeIPA and Zulip's own convention, plus attributes for membership rules.
 * OIDs under the made-up arc 1.3.6.1.4.1.55555.
 */
final class ZauthTestSchema {

    static final String ACCOUNT_STATE_CLASS = "zauthAccountState";

    private static final String DIRECTORY_STRING = "SYNTAX 1.3.6.1.4.1.1466.115.121.1.15";
    private static final String CASE_IGNORE = "EQUALITY caseIgnoreMatch SUBSTR caseIgnoreSubstringsMatch ";

    static final List<String> ATTRIBUTE_TYPES = List.of(
            "( 1.3.6.1.4.1.55555.1.1 NAME 'userAccountControl' EQUALITY integerMatch "
                    + "SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 SINGLE-VALUE )",
            "( 1.3.6.1.4.1.55555.1.2 NAME 'deactivated' " + CASE_IGNORE + DIRECTORY_STRING + " SINGLE-VALUE )",
            "( 1.3.6.1.4.1.55555.1.4 NAME 'department' " + CASE_IGNORE + DIRECTORY_STRING + " )",
            "( 1.3.6.1.4.1.55555.1.5 NAME 'test1' " + CASE_IGNORE + DIRECTORY_STRING + " )",
            "( 1.3.6.1.4.1.55555.1.6 NAME 'test2' " + CASE_IGNORE + DIRECTORY_STRING + " )");

    /**
     * nsAccountLock as 389-DS and FreeIPA define it: operational, so a server returns it only when
     * a search names it. The embedded server takes this definition.
     */
    static final String NS_ACCOUNT_LOCK_OPERATIONAL = "( 1.3.6.1.4.1.55555.1.3 NAME 'nsAccountLock' "
            + CASE_IGNORE + DIRECTORY_STRING + " SINGLE-VALUE USAGE directoryOperation )";

    /**
     * slapd refuses operational attribute types in its schema ("operational attributes should be
     * defined internally"), so there nsAccountLock is a user attribute of the auxiliary class.
     */
    static final String NS_ACCOUNT_LOCK_USER = "( 1.3.6.1.4.1.55555.1.3 NAME 'nsAccountLock' "
            + CASE_IGNORE + DIRECTORY_STRING + " SINGLE-VALUE )";

    private static final String ACCOUNT_STATE_ATTRIBUTES = "userAccountControl $ deactivated $ department $ test1 $ test2";

    private static String accountStateClass(String moreAttributes) {
        return "( 1.3.6.1.4.1.55555.2.1 NAME '" + ACCOUNT_STATE_CLASS + "' SUP top AUXILIARY MAY ( "
                + ACCOUNT_STATE_ATTRIBUTES + moreAttributes + " ) )";
    }

    private ZauthTestSchema() {
    }

    /** The schema as a slapd cn=config entry, {@code cn=zauth,cn=schema,cn=config}. */
    static String asSlapdConfigLdif() {
        StringBuilder ldif = new StringBuilder("dn: cn=zauth,cn=schema,cn=config\n")
                .append("objectClass: olcSchemaConfig\ncn: zauth\n");
        ATTRIBUTE_TYPES.forEach(a -> ldif.append("olcAttributeTypes: ").append(a).append('\n'));
        ldif.append("olcAttributeTypes: ").append(NS_ACCOUNT_LOCK_USER).append('\n');
        ldif.append("olcObjectClasses: ").append(accountStateClass(" $ nsAccountLock")).append('\n');
        return ldif.toString();
    }

    /** UnboundID's standard schema with these definitions added. */
    static Schema withStandardSchema() throws Exception {
        Entry entry = new Entry("cn=schema");
        entry.addAttribute("objectClass", "top", "ldapSubentry", "subschema");
        entry.addAttribute("attributeTypes", ATTRIBUTE_TYPES);
        entry.addAttribute("attributeTypes", NS_ACCOUNT_LOCK_OPERATIONAL);
        entry.addAttribute("objectClasses", accountStateClass(""));
        return Schema.mergeSchemas(Schema.getDefaultStandardSchema(), new Schema(entry));
    }
}
