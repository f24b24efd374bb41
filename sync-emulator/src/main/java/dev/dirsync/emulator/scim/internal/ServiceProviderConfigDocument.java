package dev.dirsync.emulator.scim.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirsync.emulator.json.Json;

/** The emulator's {@code /ServiceProviderConfig} (RFC 7643 section 5, with RFC 9865's pagination). */
public final class ServiceProviderConfigDocument {
    public static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

    private ServiceProviderConfigDocument() {}

    public static ObjectNode of(String baseUrl, int pageSize, int maxOperations, long maxPayloadSize) {
        ObjectNode config = Json.object();
        config.putArray("schemas").add(SCHEMA);
        config.putObject("patch").put("supported", true);
        config.putObject("bulk")
                .put("supported", true)
                .put("maxOperations", maxOperations)
                .put("maxPayloadSize", maxPayloadSize);
        config.putObject("filter").put("supported", true).put("maxResults", pageSize);
        config.putObject("changePassword").put("supported", false);
        config.putObject("sort").put("supported", false);
        config.putObject("etag").put("supported", false);
        config.putArray("authenticationSchemes")
                .addObject()
                .put("type", "oauthbearertoken")
                .put("name", "Bearer token")
                .put("description", "The static token configured for the cloud emulator.")
                .put("primary", true);
        config.putObject("pagination")
                .put("cursor", false)
                .put("index", true)
                .put("defaultPaginationMethod", "index")
                .put("defaultPageSize", pageSize)
                .put("maxPageSize", pageSize);
        ObjectNode meta = config.putObject("meta");
        meta.put("resourceType", "ServiceProviderConfig");
        meta.put("location", baseUrl + "/ServiceProviderConfig");
        return config;
    }
}
