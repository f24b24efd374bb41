package dev.dirsync.cloud.scim.internal;

/** The schema and message URNs of RFC 7643/7644 that the adapter speaks, and dirsync's own extension. */
public final class ScimSchemas {
    public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    /** dirsync's mail-user extension: mailNickname, externalEmailAddress, proxyAddresses, usageLocation. */
    public static final String MAIL_USER = "urn:dirsync:params:scim:schemas:extension:mailuser:2.0:User";

    public static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public static final String BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
    public static final String BULK_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
    public static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    public static final String SERVICE_PROVIDER_CONFIG = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

    private ScimSchemas() {}
}
