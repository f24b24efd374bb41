package dev.dirsync.daemon.config;

/** {@code target.*}: the cloud directory to write. */
public record TargetConfig(String type, String url, String tokenUrl, String tenantId, String clientId, Secret clientSecret) {
    public static final String DEFAULT_GRAPH_URL = "https://graph.microsoft.com";

    /** The Microsoft identity platform v2.0 token endpoint of a tenant. */
    public static String defaultTokenUrl(String tenantId) {
        return "https://login.microsoftonline.com/" + tenantId + "/oauth2/v2.0/token";
    }

    /** A copy pointing at another service (the demo's emulator). */
    public TargetConfig withEndpoints(String newUrl, String newTokenUrl) {
        return new TargetConfig(type, newUrl, newTokenUrl, tenantId, clientId, clientSecret);
    }
}
