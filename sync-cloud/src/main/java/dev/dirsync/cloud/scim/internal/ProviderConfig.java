package dev.dirsync.cloud.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the service says it supports in {@code /ServiceProviderConfig} (RFC 7643 section 5, and the
 * {@code pagination} attribute of RFC 9865), reduced to what the adapter adapts to.
 *
 * @param advertised whether the service served the document (false: the defaults of {@link #unadvertised()})
 * @param patch PATCH is supported; otherwise updates PUT the whole resource
 * @param bulk /Bulk is supported
 * @param bulkMaxOperations operations per bulk request, 0 when not given
 * @param bulkMaxPayloadSize bytes per bulk request, 0 when not given
 * @param filter filters are supported; otherwise a look-up by anchor scans the collection
 * @param filterMaxResults the most resources one query returns, 0 when not given
 * @param cursorPaging RFC 9865 cursors are supported
 * @param maxPageSize the largest page ({@code pagination.maxPageSize}), 0 when not given
 */
public record ProviderConfig(
        boolean advertised,
        boolean patch,
        boolean bulk,
        int bulkMaxOperations,
        long bulkMaxPayloadSize,
        boolean filter,
        int filterMaxResults,
        boolean cursorPaging,
        int maxPageSize) {

    /** The page size asked for unless the service caps it lower. */
    public static final int PAGE_SIZE = 100;
    /** Assumed when bulk is supported but maxPayloadSize is not given: RFC 7644's example value, 1 MiB. */
    public static final long DEFAULT_MAX_PAYLOAD = 1_048_576;

    /**
     * For a service that does not serve the document: only what RFC 7644 requires of every service
     * (POST, PUT, DELETE, index paging); optional features are not assumed.
     */
    public static ProviderConfig unadvertised() {
        return new ProviderConfig(false, false, false, 0, 0, false, 0, false, 0);
    }

    public static ProviderConfig parse(JsonNode document) {
        JsonNode bulk = document.path("bulk");
        JsonNode filter = document.path("filter");
        JsonNode pagination = document.path("pagination");
        return new ProviderConfig(
                true,
                document.path("patch").path("supported").asBoolean(false),
                bulk.path("supported").asBoolean(false),
                (int) Math.min(
                        Integer.MAX_VALUE,
                        Math.max(0, bulk.path("maxOperations").asLong(0))),
                Math.max(0, bulk.path("maxPayloadSize").asLong(0)),
                filter.path("supported").asBoolean(false),
                (int) Math.min(
                        Integer.MAX_VALUE, Math.max(0, filter.path("maxResults").asLong(0))),
                pagination.path("cursor").asBoolean(false),
                (int) Math.min(
                        Integer.MAX_VALUE,
                        Math.max(0, pagination.path("maxPageSize").asLong(0))));
    }

    /** Bulk pays off only when a request may carry more than one operation. */
    public boolean useBulk() {
        return bulk && bulkMaxOperations >= 2;
    }

    public long maxPayload() {
        return bulkMaxPayloadSize > 0 ? bulkMaxPayloadSize : DEFAULT_MAX_PAYLOAD;
    }

    /** {@link #PAGE_SIZE}, or less when the service caps results or pages lower. */
    public int pageSize() {
        int size = PAGE_SIZE;
        if (filterMaxResults > 0) {
            size = Math.min(size, filterMaxResults);
        }
        if (maxPageSize > 0) {
            size = Math.min(size, maxPageSize);
        }
        return size;
    }

    /** One line for the log. */
    public String describe() {
        if (!advertised) {
            return "no ServiceProviderConfig: PUT for updates, single requests, no filters, index paging";
        }
        return "patch=" + patch + ", bulk="
                + (useBulk() ? "up to " + bulkMaxOperations + " operations and " + maxPayload() + " bytes" : "no")
                + ", filter=" + filter + ", paging="
                + (cursorPaging ? "cursor" : "index") + " of " + pageSize();
    }
}
