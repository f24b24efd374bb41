package dev.dirsync.ldap.internal;

import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import dev.dirsync.core.port.EntryHandler;
import java.util.List;
import java.util.function.Predicate;

/**
 * One read's connection, server URL, scope and page size; runs paged searches whose failures are
 * reported with the URL and base DN.
 */
public record ReadContext(LDAPConnection connection, String url, ReadScope scope, int pageSize) {

    /**
     * Runs one paged subtree search under {@code baseDn}, handing what {@code selector} accepts to
     * {@code handler}.
     *
     * @throws dev.dirsync.core.UnavailableException when the search fails (naming URL and base DN)
     */
    public ReadStats search(
            String baseDn,
            Filter filter,
            List<String> attributes,
            List<Control> controls,
            Predicate<DN> selector,
            boolean deleted,
            EntryHandler handler) {
        StreamingListener listener = new StreamingListener(handler, selector, deleted);
        PagedSearch search = new PagedSearch(filter, pageSize, attributes, controls);
        try {
            int requests = search.run(connection, baseDn, listener);
            return ReadStats.of(listener, deleted, requests);
        } catch (LDAPException e) {
            throw LdapFailures.searchFailed(e, url, baseDn);
        }
    }

    /** Every base DN with the scope's DN selection, as live entries. */
    public ReadStats searchBases(Filter filter, List<String> attributes, EntryHandler handler) {
        ReadStats stats = ReadStats.NONE;
        for (String baseDn : scope.baseDns()) {
            stats = stats.plus(search(baseDn, filter, attributes, List.of(), scope::selects, false, handler));
        }
        return stats;
    }
}
