package dev.dirsync.ldap.it;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.Comparator;
import java.util.List;

/** Deletes a test's subtree entry by entry, deepest first (for servers without the subtree delete control). */
final class Subtrees {
    private Subtrees() {}

    static void delete(LDAPConnection connection, String baseDn) throws LDAPException {
        List<DN> dns = connection.search(baseDn, SearchScope.SUB, "(objectClass=*)", "1.1").getSearchEntries().stream()
                .map(Subtrees::dn)
                .sorted(Comparator.comparingInt((DN dn) -> dn.getRDNs().length).reversed())
                .toList();
        for (DN dn : dns) {
            connection.delete(dn.toString());
        }
    }

    private static DN dn(SearchResultEntry entry) {
        try {
            return entry.getParsedDN();
        } catch (LDAPException e) {
            throw new IllegalStateException("the server returned an invalid DN: " + entry.getDN(), e);
        }
    }
}
