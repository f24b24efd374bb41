package dev.dirsync.ldap.internal;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import dev.dirsync.ldap.LdapSourceSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The objects a writer may touch: those a source with the same settings reads, under a base DN and
 * outside every excluded subtree. A fix for any other DN is refused before anything is sent.
 */
public final class WriteScope {
    private final List<String> baseDns;
    private final List<DN> bases;
    private final List<String> excludedDns;
    private final List<DN> excluded;

    private WriteScope(List<String> baseDns, List<DN> bases, List<String> excludedDns, List<DN> excluded) {
        this.baseDns = baseDns;
        this.bases = bases;
        this.excludedDns = excludedDns;
        this.excluded = excluded;
    }

    public static WriteScope of(LdapSourceSettings settings) {
        return new WriteScope(
                settings.baseDns(), parse(settings.baseDns()), settings.excludedDns(), parse(settings.excludedDns()));
    }

    /** Why {@code dn} may not be touched; empty when it may. */
    public Optional<String> refusal(String dn) {
        DN parsed;
        try {
            parsed = new DN(dn);
        } catch (LDAPException e) {
            return Optional.of("'" + dn + "' is not a valid DN");
        }
        if (bases.stream().noneMatch(base -> parsed.isDescendantOf(base, true))) {
            return Optional.of("'" + dn + "' is outside source.baseDn " + baseDns);
        }
        if (excluded.stream().anyMatch(subtree -> parsed.isDescendantOf(subtree, true))) {
            return Optional.of("'" + dn + "' is under source.excludedDns " + excludedDns);
        }
        return Optional.empty();
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
