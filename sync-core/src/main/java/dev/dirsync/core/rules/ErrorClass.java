package dev.dirsync.core.rules;

/** The error classes of the readiness rules, with the names the cleanup report uses. */
public enum ErrorClass {
    BLANK("Blank"),
    LENGTH("Length"),
    CHARACTER("Character"),
    FORMAT("Format"),
    TOP_LEVEL_DOMAIN("TopLevelDomain"),
    DOMAIN_PART("DomainPart"),
    LOCAL_PART("LocalPart"),
    DUPLICATE("Duplicate"),
    /** Two objects of one read carry the same anchor (a copied objectGUID or mS-DS-ConsistencyGuid). */
    DUPLICATE_ANCHOR("DuplicateAnchor"),
    UNVERIFIED_DOMAIN("UnverifiedDomain"),
    /** The object has no usable anchor: none of the anchor attributes, or a malformed one. Always blocks. */
    ANCHOR("Anchor"),
    /** A user with no targetAddress, mail or SMTP proxy address: it cannot be a mail user. Always blocks. */
    NO_ADDRESS("NoAddress");

    private final String label;

    ErrorClass(String label) {
        this.label = label;
    }

    /** The report's (and configuration's) name for this class. */
    public String label() {
        return label;
    }

    public static ErrorClass fromLabel(String label) {
        for (ErrorClass c : values()) {
            if (c.label.equalsIgnoreCase(label) || c.name().equalsIgnoreCase(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown error class '" + label + "'");
    }
}
