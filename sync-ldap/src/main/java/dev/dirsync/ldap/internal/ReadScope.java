package dev.dirsync.ldap.internal;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import dev.dirsync.core.DirsyncException;
import dev.dirsync.ldap.LdapSourceSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What a source reads: the base DNs less the excluded subtrees, and the filter made of the
 * configured filter, the group membership (nested, on Active Directory) and, when asked, enabled
 * accounts only. Subtrees cannot be excluded by an LDAP filter (AD has no entryDN), so excluded DNs
 * are checked on each entry's DN.
 */
public final class ReadScope {
    /** LDAP_MATCHING_RULE_IN_CHAIN: membership through nested groups. */
    public static final String IN_CHAIN = "1.2.840.113556.1.4.1941";
    /** LDAP_MATCHING_RULE_BIT_AND. */
    public static final String BIT_AND = "1.2.840.113556.1.4.803";
    /** userAccountControl's ACCOUNTDISABLE bit. */
    public static final String ACCOUNT_DISABLE = "2";

    private final List<String> baseDns;
    private final List<DN> bases;
    private final List<DN> excluded;
    private final Filter configured;
    private final Filter group;
    private final Filter filter;
    private final String fingerprint;

    private ReadScope(
            List<String> baseDns,
            List<DN> bases,
            List<DN> excluded,
            Filter configured,
            Filter group,
            Filter filter,
            String fingerprint) {
        this.baseDns = baseDns;
        this.bases = bases;
        this.excluded = excluded;
        this.configured = configured;
        this.group = group;
        this.filter = filter;
        this.fingerprint = fingerprint;
    }

    /**
     * @param activeDirectory whether the server is AD (nested membership, userAccountControl)
     * @param url the server's URL, for messages
     * @throws DirsyncException naming {@code source.skipDisabled} when it is set for a server that is
     *     not Active Directory (no userAccountControl to tell disabled accounts by)
     */
    public static ReadScope of(LdapSourceSettings settings, boolean activeDirectory, String url) {
        Filter configured = Filters.parse("source.filter", settings.filter());
        List<Filter> parts = new ArrayList<>();
        parts.add(configured);
        Filter group = null;
        if (settings.groupDn() != null) {
            group = activeDirectory
                    ? Filter.createExtensibleMatchFilter("memberOf", IN_CHAIN, false, settings.groupDn())
                    : Filter.createEqualityFilter("memberOf", settings.groupDn());
            parts.add(group);
        }
        if (settings.skipDisabled()) {
            if (!activeDirectory) {
                throw new DirsyncException("source.skipDisabled needs Active Directory (userAccountControl), but " + url
                        + " is not Active Directory: unset source.skipDisabled or scope with source.filter");
            }
            parts.add(Filter.createNOTFilter(
                    Filter.createExtensibleMatchFilter("userAccountControl", BIT_AND, false, ACCOUNT_DISABLE)));
        }
        Filter filter = parts.size() == 1 ? configured : Filter.createANDFilter(parts);
        return new ReadScope(
                settings.baseDns(),
                parse(settings.baseDns()),
                parse(settings.excludedDns()),
                configured,
                group,
                filter,
                fingerprint(settings));
    }

    public List<String> baseDns() {
        return baseDns;
    }

    /** The full scope filter. */
    public Filter filter() {
        return filter;
    }

    /** The configured filter alone. */
    public Filter configured() {
        return configured;
    }

    /** The group membership clause, when scoped by group. */
    public Optional<Filter> group() {
        return Optional.ofNullable(group);
    }

    public boolean hasExclusions() {
        return !excluded.isEmpty();
    }

    /** Whether {@code dn} lies under a base DN and outside every excluded subtree. */
    public boolean selects(DN dn) {
        return underBase(dn) && !excluded(dn);
    }

    public boolean underBase(DN dn) {
        return bases.stream().anyMatch(base -> dn.isDescendantOf(base, true));
    }

    public boolean excluded(DN dn) {
        return excluded.stream().anyMatch(x -> dn.isDescendantOf(x, true));
    }

    /**
     * A short digest of everything that decides the scope (bases, filter, excluded DNs, group,
     * skipDisabled). A cursor remembers it: a delta read under another scope would miss the
     * objects the new scope adds, so a changed scope means a full read.
     */
    public String fingerprint() {
        return fingerprint;
    }

    static String fingerprint(LdapSourceSettings settings) {
        StringBuilder text = new StringBuilder();
        settings.baseDns()
                .forEach(dn -> text.append("base:").append(normalized(dn)).append('\n'));
        text.append("filter:")
                .append(Filters.parse("source.filter", settings.filter()).toNormalizedString())
                .append('\n');
        settings.excludedDns()
                .forEach(dn -> text.append("excluded:").append(normalized(dn)).append('\n'));
        if (settings.groupDn() != null) {
            text.append("group:").append(normalized(settings.groupDn())).append('\n');
        }
        text.append("skipDisabled:").append(settings.skipDisabled());
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }

    private static String normalized(String dn) {
        try {
            return new DN(dn).toNormalizedString();
        } catch (LDAPException e) {
            return dn;
        }
    }

    private static List<DN> parse(List<String> dns) {
        List<DN> parsed = new ArrayList<>();
        for (String dn : dns) {
            try {
                parsed.add(new DN(dn));
            } catch (LDAPException e) {
                throw new IllegalArgumentException("not a valid DN: '" + dn + "'", e);
            }
        }
        return List.copyOf(parsed);
    }
}
