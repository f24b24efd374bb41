package dev.dirsync.ldap.internal;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultListener;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.util.List;

/**
 * A subtree search under one base DN, requested page by page with the simple paged results control
 * (RFC 2696). Results go to the listener as they arrive; nothing is collected. All pages must be
 * requested on the same connection (the server keeps the paging state per connection).
 */
public final class PagedSearch {
    private final Filter filter;
    private final int pageSize;
    private final String[] attributes;
    private final List<Control> controls;

    /** A listener told when each page has arrived, while the connection is free for other requests. */
    public interface PageListener extends SearchResultListener {
        void pageCompleted(LDAPConnection connection) throws LDAPException;
    }

    /** Requests {@link EntryDecoder#REQUESTED_ATTRIBUTES}, no further controls. */
    public PagedSearch(Filter filter, int pageSize) {
        this(filter, pageSize, EntryDecoder.REQUESTED_ATTRIBUTES, List.of());
    }

    /**
     * @param controls sent with every page besides the paging control (e.g. AD's Show Deleted)
     */
    public PagedSearch(Filter filter, int pageSize, List<String> attributes, List<Control> controls) {
        this.filter = filter;
        this.pageSize = pageSize;
        this.attributes = attributes.toArray(new String[0]);
        this.controls = List.copyOf(controls);
    }

    public Filter filter() {
        return filter;
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
            controls.forEach(request::addControl);
            SearchResult result = connection.search(request);
            requests++;
            if (listener instanceof PageListener pages) {
                pages.pageCompleted(connection);
            }
            cookie = nextCookie(result);
        } while (cookie != null);
        return requests;
    }

    private static ASN1OctetString nextCookie(SearchResult result) throws LDAPException {
        SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
        return response != null && response.moreResultsToReturn() ? response.getCookie() : null;
    }
}
