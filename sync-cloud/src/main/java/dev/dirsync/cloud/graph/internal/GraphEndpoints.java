package dev.dirsync.cloud.graph.internal;

import dev.dirsync.cloud.internal.Urls;
import dev.dirsync.core.model.Anchor;
import okhttp3.HttpUrl;

/** The Graph v1.0 URLs the adapter calls, built from the configured root. */
public final class GraphEndpoints {

    /** Every user property dirsync reads: the id, the anchor and the {@code MailUserField}s. */
    public static final String USER_SELECT = "id,onPremisesImmutableId,userPrincipalName,displayName,givenName,"
            + "surname,mailNickname,mail,otherMails,accountEnabled,usageLocation";
    /** What a look-up by a unique value needs to name what it found. */
    public static final String REF_SELECT = "id,userPrincipalName,onPremisesImmutableId";
    /** What the address index needs of a user: its unique values and what names it. */
    public static final String ADDRESS_USER_SELECT =
            "id,userPrincipalName,displayName,mail,proxyAddresses,otherMails,onPremisesImmutableId";
    /** What the address index needs of a group or an organizational contact. */
    public static final String ADDRESS_SELECT = "id,displayName,mail,proxyAddresses";
    /** The largest page Graph serves for users, groups and organizational contacts. */
    public static final int PAGE_SIZE = 999;

    private final HttpUrl root;
    private final HttpUrl version;
    private final HttpUrl users;

    public GraphEndpoints(String graphUrl) {
        this.root = HttpUrl.get(graphUrl);
        this.version = root.newBuilder().addPathSegment("v1.0").build();
        this.users = version.newBuilder().addPathSegment("users").build();
    }

    public HttpUrl root() {
        return root;
    }

    /** The collection, for creates. */
    public HttpUrl users() {
        return users;
    }

    /** JSON batching. */
    public HttpUrl batch() {
        return version.newBuilder().addPathSegment("$batch").build();
    }

    /** The first page of all users. */
    public HttpUrl listUsers() {
        return firstPage(users, USER_SELECT);
    }

    /** The first page of all users, with the properties of {@link #ADDRESS_USER_SELECT}. */
    public HttpUrl listUserAddresses() {
        return firstPage(users, ADDRESS_USER_SELECT);
    }

    /** The first page of all groups, with the properties of {@link #ADDRESS_SELECT}. */
    public HttpUrl listGroupAddresses() {
        return firstPage(version.newBuilder().addPathSegment("groups").build(), ADDRESS_SELECT);
    }

    /** The first page of all organizational contacts ({@code /contacts}), with {@link #ADDRESS_SELECT}. */
    public HttpUrl listContactAddresses() {
        return firstPage(version.newBuilder().addPathSegment("contacts").build(), ADDRESS_SELECT);
    }

    private static HttpUrl firstPage(HttpUrl collection, String select) {
        return collection
                .newBuilder()
                .addEncodedQueryParameter("$select", select)
                .addEncodedQueryParameter("$top", Integer.toString(PAGE_SIZE))
                .build();
    }

    /** Users whose onPremisesImmutableId equals the anchor. */
    public HttpUrl userByAnchor(Anchor anchor) {
        return users.newBuilder()
                .addEncodedQueryParameter("$filter", Urls.encodeQueryValue(eq("onPremisesImmutableId", anchor.value())))
                .addEncodedQueryParameter("$select", USER_SELECT)
                .build();
    }

    /**
     * Users matching {@code filter}, with the properties of {@link #REF_SELECT}. An advanced query
     * (a lambda on proxyAddresses) also asks for {@code $count=true}, which Graph requires together
     * with the header {@code ConsistencyLevel: eventual}.
     */
    public HttpUrl findUsers(String filter, boolean advanced) {
        HttpUrl.Builder url = users.newBuilder()
                .addEncodedQueryParameter("$filter", Urls.encodeQueryValue(filter))
                .addEncodedQueryParameter("$select", REF_SELECT);
        if (advanced) {
            url.addEncodedQueryParameter("$count", "true");
        }
        return url.build();
    }

    public HttpUrl user(String id) {
        return users.newBuilder().addPathSegment(id).build();
    }

    /** {@code url} relative to the version root, as a batch item names it: {@code /users/{id}}. */
    public String relative(HttpUrl url) {
        String path = url.encodedPath();
        String prefix = version.encodedPath();
        String relative = path.startsWith(prefix) ? path.substring(prefix.length()) : path;
        return url.encodedQuery() == null ? relative : relative + "?" + url.encodedQuery();
    }

    /** {@code property eq 'value'}; an OData string literal doubles its quotes. */
    public static String eq(String property, String value) {
        return property + " eq '" + literal(value) + "'";
    }

    /** Users holding {@code address} as their primary SMTP proxy address. */
    public static String primarySmtp(String address) {
        return "proxyAddresses/any(p:p eq '" + literal("SMTP:" + address) + "')";
    }

    private static String literal(String value) {
        return value.replace("'", "''");
    }
}
