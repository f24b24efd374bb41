package dev.dirsync.cloud.graph.internal;

import dev.dirsync.cloud.internal.Urls;
import dev.dirsync.core.model.Anchor;
import okhttp3.HttpUrl;

/** The Graph v1.0 URLs the adapter calls, built from the configured root. */
public final class GraphEndpoints {

    /** Every user property dirsync reads: the id, the anchor and the {@code MailUserField}s. */
    public static final String USER_SELECT = "id,onPremisesImmutableId,userPrincipalName,displayName,givenName,"
            + "surname,mailNickname,mail,otherMails,accountEnabled,usageLocation";
    /** The largest page Graph serves for users. */
    public static final int PAGE_SIZE = 999;

    private final HttpUrl root;
    private final HttpUrl users;

    public GraphEndpoints(String graphUrl) {
        this.root = HttpUrl.get(graphUrl);
        this.users = root.newBuilder().addPathSegment("v1.0").addPathSegment("users").build();
    }

    public HttpUrl root() {
        return root;
    }

    /** The collection, for creates. */
    public HttpUrl users() {
        return users;
    }

    /** The first page of all users. */
    public HttpUrl listUsers() {
        return users.newBuilder()
                .addEncodedQueryParameter("$select", USER_SELECT)
                .addEncodedQueryParameter("$top", Integer.toString(PAGE_SIZE))
                .build();
    }

    /** Users whose onPremisesImmutableId equals the anchor (an OData string literal doubles its quotes). */
    public HttpUrl userByAnchor(Anchor anchor) {
        String filter = "onPremisesImmutableId eq '" + anchor.value().replace("'", "''") + "'";
        return users.newBuilder()
                .addEncodedQueryParameter("$filter", Urls.encodeQueryValue(filter))
                .addEncodedQueryParameter("$select", USER_SELECT)
                .build();
    }

    public HttpUrl user(String id) {
        return users.newBuilder().addPathSegment(id).build();
    }
}
