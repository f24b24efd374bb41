package dev.dirsync.core.model;

import java.util.List;
import java.util.Locale;

/** What a directory object is, from its objectClass values; most specific wins. */
public enum ObjectKind {
    COMPUTER("computer", false),
    INET_ORG_PERSON("inetOrgPerson", true),
    USER("user", true),
    CONTACT("contact", false),
    GROUP("group", false),
    OTHER("other", false);

    private final String reportName;
    private final boolean exported;

    ObjectKind(String reportName, boolean exported) {
        this.reportName = reportName;
        this.exported = exported;
    }

    public static ObjectKind of(List<String> objectClasses) {
        boolean user = false;
        boolean inetOrgPerson = false;
        boolean person = false;
        for (String oc : objectClasses) {
            switch (oc.toLowerCase(Locale.ROOT)) {
                case "computer":
                    return COMPUTER;
                case "group":
                case "groupofnames":
                case "groupofuniquenames":
                    return GROUP;
                case "contact":
                    return CONTACT;
                case "inetorgperson":
                    inetOrgPerson = true;
                    break;
                case "user":
                    user = true;
                    break;
                case "person":
                case "organizationalperson":
                    person = true;
                    break;
                default:
                    break;
            }
        }
        if (inetOrgPerson) {
            return INET_ORG_PERSON;
        }
        if (user) {
            return USER;
        }
        return person ? USER : OTHER;
    }

    /** The OBJECTCLASS column of the cleanup report. */
    public String reportName() {
        return reportName;
    }

    /** Only users become mail users; contacts and groups are read for duplicates and reported. */
    public boolean exported() {
        return exported;
    }

    public boolean isUser() {
        return this == USER || this == INET_ORG_PERSON;
    }
}
