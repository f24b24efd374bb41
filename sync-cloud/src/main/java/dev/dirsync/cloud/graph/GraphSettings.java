package dev.dirsync.cloud.graph;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where and as whom the Graph adapter connects. Null optional values take their defaults; anything
 * invalid is refused here, naming the configuration key, without connecting anywhere. The client
 * secret never appears in {@link #toString()}.
 *
 * @param graphUrl the Graph root without version, https (http only for a loopback address)
 * @param tokenUrl the OAuth2 v2.0 token endpoint; defaults to the tenant's endpoint at login.microsoftonline.com
 * @param tenantId the directory (tenant) id or verified domain
 * @param clientId the application (client) id
 * @param clientSecret the client secret
 * @param connectTimeout TCP/TLS connect timeout
 * @param readTimeout read (and write) timeout per request
 * @param maxAttempts attempts per request, first one included, before a change is reported retryable
 */
public record GraphSettings(
        String graphUrl,
        String tokenUrl,
        String tenantId,
        String clientId,
        String clientSecret,
        Duration connectTimeout,
        Duration readTimeout,
        int maxAttempts) {

    public static final String DEFAULT_GRAPH_URL = "https://graph.microsoft.com";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_ATTEMPTS = 6;
    public static final int MAX_ATTEMPTS_LIMIT = 20;

    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}");

    public GraphSettings {
        tenantId = required(tenantId, "target.tenantId");
        if (!TENANT.matcher(tenantId).matches()) {
            throw new IllegalArgumentException(
                    "target.tenantId must be a tenant id (GUID) or domain name, got '" + tenantId + "'");
        }
        clientId = required(clientId, "target.clientId");
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("target.clientSecret is required");
        }
        graphUrl = httpsOrLoopback(graphUrl == null || graphUrl.isBlank() ? DEFAULT_GRAPH_URL : graphUrl, "target.url");
        tokenUrl = httpsOrLoopback(
                tokenUrl == null || tokenUrl.isBlank() ? defaultTokenUrl(tenantId) : tokenUrl, "target.tokenUrl");
        connectTimeout = positive(connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout, "target.connectTimeout");
        readTimeout = positive(readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout, "target.readTimeout");
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
            throw new IllegalArgumentException(
                    "target.maxAttempts must be between 1 and " + MAX_ATTEMPTS_LIMIT + ", got " + maxAttempts);
        }
    }

    /** Settings with every default: the public Graph cloud and the tenant's token endpoint. */
    public static GraphSettings of(String tenantId, String clientId, String clientSecret) {
        return builder().tenantId(tenantId).clientId(clientId).clientSecret(clientSecret).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static String defaultTokenUrl(String tenantId) {
        return "https://login.microsoftonline.com/" + tenantId + "/oauth2/v2.0/token";
    }

    /** The OAuth2 scope for app-only access to this Graph: its root followed by {@code /.default}. */
    public String scope() {
        return graphUrl + "/.default";
    }

    @Override
    public String toString() {
        return "GraphSettings[graphUrl=" + graphUrl + ", tokenUrl=" + tokenUrl + ", tenantId=" + tenantId
                + ", clientId=" + clientId + ", clientSecret=****, connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", maxAttempts=" + maxAttempts + "]";
    }

    private static String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is required");
        }
        return value.strip();
    }

    private static Duration positive(Duration value, String key) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
        return value;
    }

    /** Normalised (no trailing slash); http only towards this machine, so tokens never cross a network in clear. */
    private static String httpsOrLoopback(String url, String key) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + " is not a valid URL: " + url, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException(key + " must be an absolute https URL, got " + url);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(key + " must not carry user info, a query or a fragment: " + url);
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException(
                    key + " must use https (plain http is accepted only for a loopback address), got " + url);
        }
        String normalised = uri.toString();
        while (normalised.endsWith("/")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        return normalised;
    }

    /** Literal loopback addresses and "localhost" only; never resolves a name through DNS. */
    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (IPV4.matcher(bare).matches()) {
            return bare.startsWith("127.");
        }
        if (!bare.contains(":")) {
            return false;
        }
        try {
            // A string with a colon is parsed as an IPv6 literal, never looked up.
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Builds settings; unset values take their defaults. */
    public static final class Builder {
        private String graphUrl;
        private String tokenUrl;
        private String tenantId;
        private String clientId;
        private String clientSecret;
        private Duration connectTimeout;
        private Duration readTimeout;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;

        private Builder() {
        }

        public Builder graphUrl(String value) {
            this.graphUrl = value;
            return this;
        }

        public Builder tokenUrl(String value) {
            this.tokenUrl = value;
            return this;
        }

        public Builder tenantId(String value) {
            this.tenantId = value;
            return this;
        }

        public Builder clientId(String value) {
            this.clientId = value;
            return this;
        }

        public Builder clientSecret(String value) {
            this.clientSecret = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder readTimeout(Duration value) {
            this.readTimeout = value;
            return this;
        }

        public Builder maxAttempts(int value) {
            this.maxAttempts = value;
            return this;
        }

        public GraphSettings build() {
            return new GraphSettings(graphUrl, tokenUrl, tenantId, clientId, clientSecret, connectTimeout,
                    readTimeout, maxAttempts);
        }

        @Override
        public String toString() {
            return "GraphSettings.Builder[graphUrl=" + graphUrl + ", tenantId=" + tenantId + ", clientId=" + clientId
                    + ", clientSecret=****]";
        }
    }
}
