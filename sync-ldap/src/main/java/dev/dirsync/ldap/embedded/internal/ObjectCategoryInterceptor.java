package dev.dirsync.ldap.embedded.internal;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.ReadOnlySearchRequest;
import com.unboundid.ldap.sdk.SearchRequest;

/** Lets an in-memory directory answer AD's {@code objectCategory} shorthand (see {@link ObjectCategoryRewriter}). */
public final class ObjectCategoryInterceptor extends InMemoryOperationInterceptor {
    private final ObjectCategoryRewriter rewriter;

    public ObjectCategoryInterceptor(ObjectCategoryRewriter rewriter) {
        this.rewriter = rewriter;
    }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
        ReadOnlySearchRequest original = request.getRequest();
        Filter filter = original.getFilter();
        Filter rewritten = rewriter.rewrite(filter);
        if (rewritten != filter) {
            SearchRequest copy = original.duplicate();
            copy.setFilter(rewritten);
            request.setRequest(copy);
        }
    }
}
