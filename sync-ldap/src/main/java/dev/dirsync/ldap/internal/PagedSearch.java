package dev.dirsync.ldap.internal;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultListener;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;

/**
 * A subtree search under one base DN, requested page by page with the simple paged results control
 * (RFC 2696). Results go to the listener as they arrive; nothing is collected. All pages must be
 * requested on the same connection (the server keeps the paging state per connection).
 */
public final class PagedSearch {
    private final Filter filter;
    private final int pageSize;
    private final String[] attributes;

    public PagedSearch(Filter filter, int pageSize) {
        this.filter = filter;
        this.pageSize = pageSize;
        this.attributes = EntryDecoder.REQUESTED_ATTRIBUTES.toArray(new String[0]);
    }

    /**
     * Runs the search to its last page. A server that ignores the (non-critical) paging control
     * returns everything at once, which ends the search after one request.
     *
     * @return the number of search requests sent
     */
    public int run(LDAPConnection connection, String baseDn, SearchResultListener listener) throws LDAPException {
        ASN1OctetString cookie = null;
        int requests = 0;
        do {
            SearchRequest request = new SearchRequest(listener, baseDn, SearchScope.SUB, filter, attributes);
            request.addControl(new SimplePagedResultsControl(pageSize, cookie, false));
            SearchResult result = connection.search(request);
            requests++;
            cookie = nextCookie(result);
        } while (cookie != null);
        return requests;
    }

    private static ASN1OctetString nextCookie(SearchResult result) throws LDAPException {
        SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
        return response != null && response.moreResultsToReturn() ? response.getCookie() : null;
    }
}
