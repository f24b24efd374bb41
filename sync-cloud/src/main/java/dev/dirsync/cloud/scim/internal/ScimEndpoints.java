package dev.dirsync.cloud.scim.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dirsync.cloud.internal.Urls;
import okhttp3.HttpUrl;

/** The SCIM URLs the adapter calls, built from the configured base URL. */
public final class ScimEndpoints {
    private final HttpUrl base;
    private final HttpUrl users;

    public ScimEndpoints(String baseUrl) {
        this.base = HttpUrl.get(baseUrl);
        this.users = base.newBuilder().addPathSegment("Users").build();
    }

    public HttpUrl base() {
        return base;
    }

    public HttpUrl serviceProviderConfig() {
        return base.newBuilder().addPathSegment("ServiceProviderConfig").build();
    }

    public HttpUrl bulk() {
        return base.newBuilder().addPathSegment("Bulk").build();
    }

    /** The collection, for creates. */
    public HttpUrl users() {
        return users;
    }

    public HttpUrl user(String id) {
        return users.newBuilder().addPathSegment(id).build();
    }

    /** {@code /Users/{id}} relative to the base URL, as a bulk operation's path. */
    public static String bulkPath(String id) {
        return id == null ? "/Users" : "/Users/" + Urls.encodeQueryValue(id);
    }

    /** One page of the collection by index (RFC 7644 section 3.4.2.4); {@code startIndex} counts from 1. */
    public HttpUrl indexPage(long startIndex, int count) {
        return users.newBuilder()
                .addQueryParameter("startIndex", Long.toString(startIndex))
                .addQueryParameter("count", Integer.toString(count))
                .build();
    }

    /** One page by cursor (RFC 9865); the first request carries an empty cursor. */
    public HttpUrl cursorPage(String cursor, int count) {
        return users.newBuilder()
                .addEncodedQueryParameter("cursor", cursor == null ? "" : Urls.encodeQueryValue(cursor))
                .addQueryParameter("count", Integer.toString(count))
                .build();
    }

    /** Users whose externalId equals {@code value}. */
    public HttpUrl byExternalId(String value) {
        return users.newBuilder()
                .addEncodedQueryParameter("filter", Urls.encodeQueryValue(eqFilter("externalId", value)))
                .build();
    }

    /**
     * {@code attribute eq "value"}: a filter's comparison value is a JSON string literal (RFC 7644
     * section 3.4.2.2), so quotes, backslashes and control characters are escaped as JSON escapes them.
     */
    public static String eqFilter(String attribute, String value) {
        try {
            return attribute + " eq " + ScimJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serialises", e);
        }
    }
}
