package dev.dirsync.cloud.graph;

import dev.dirsync.cloud.HttpTargetSettings;
import dev.dirsync.cloud.internal.TargetUrls;
import dev.dirsync.core.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Where and as whom the Graph adapter connects, and how hard it writes. Null optional values take
 * their defaults; anything invalid is refused here, naming the configuration key, without
 * connecting anywhere.
 *
 * @param http the Graph root without version ({@code target.url}, {@link #DEFAULT_GRAPH_URL} when
 *     null), timeouts and attempts
 * @param authorityUrl the identity platform's root; the token endpoint is built on it when
 *     {@code tokenUrl} is not given (national clouds: https://login.microsoftonline.us, ...)
 * @param tokenUrl the OAuth2 v2.0 token endpoint; defaults to the tenant's endpoint at {@code authorityUrl}
 * @param tenantId the directory (tenant) id or verified domain
 * @param clientId the application (client) id
 * @param clientSecret the client secret; null when authenticating with {@code certificate}
 * @param certificate the certificate to sign client assertions with; null when using {@code clientSecret}
 * @param writeBudget writes per window the adapter stays under
 * @param concurrency write requests in flight at once
 * @param batch whether writes travel in JSON batches ({@code $batch}, up to 20 each) or one request each
 * @param softMatch whether a create first looks for an unclaimed cloud user to adopt
 */
public record GraphSettings(
        HttpTargetSettings http,
        String authorityUrl,
        String tokenUrl,
        String tenantId,
        String clientId,
        Secret clientSecret,
        GraphCertificate certificate,
        WriteBudget writeBudget,
        int concurrency,
        boolean batch,
        SoftMatch softMatch) {

    public static final String DEFAULT_GRAPH_URL = "https://graph.microsoft.com";
    public static final String DEFAULT_AUTHORITY_URL = "https://login.microsoftonline.com";
    public static final WriteBudget DEFAULT_WRITE_BUDGET = WriteBudget.GRAPH_DEFAULT;
    public static final int DEFAULT_CONCURRENCY = 4;
    public static final int MAX_CONCURRENCY = 64;
    public static final boolean DEFAULT_BATCH = true;
    public static final SoftMatch DEFAULT_SOFT_MATCH = SoftMatch.OFF;

    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");

    public GraphSettings {
        tenantId = required(tenantId, "target.tenantId");
        if (!TENANT.matcher(tenantId).matches()) {
            throw new IllegalArgumentException(
                    "target.tenantId must be a tenant id (GUID) or domain name, got '" + tenantId + "'");
        }
        clientId = required(clientId, "target.clientId");
        boolean hasSecret = clientSecret != null && !clientSecret.reveal().isBlank();
        if (hasSecret == (certificate != null)) {
            throw new IllegalArgumentException(
                    hasSecret
                            ? "target.clientSecret and target.certificate exclude each other: configure one of them"
                            : "target.clientSecret or target.certificate.path is required");
        }
        clientSecret = hasSecret ? clientSecret : null;
        http = http == null ? HttpTargetSettings.of(DEFAULT_GRAPH_URL) : http;
        authorityUrl = TargetUrls.httpsOrLoopback(
                authorityUrl == null || authorityUrl.isBlank() ? DEFAULT_AUTHORITY_URL : authorityUrl,
                "target.authorityUrl");
        tokenUrl = TargetUrls.httpsOrLoopback(
                tokenUrl == null || tokenUrl.isBlank() ? defaultTokenUrl(authorityUrl, tenantId) : tokenUrl,
                "target.tokenUrl");
        writeBudget = writeBudget == null ? DEFAULT_WRITE_BUDGET : writeBudget;
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException(
                    "target.concurrency must be between 1 and " + MAX_CONCURRENCY + ", got " + concurrency);
        }
        softMatch = softMatch == null ? DEFAULT_SOFT_MATCH : softMatch;
    }

    /** Settings with every default: the public Graph cloud and the tenant's token endpoint. */
    public static GraphSettings of(String tenantId, String clientId, String clientSecret) {
        Secret secret = clientSecret == null ? null : Secret.of(clientSecret);
        return builder()
                .tenantId(tenantId)
                .clientId(clientId)
                .clientSecret(secret)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The tenant's v2.0 token endpoint in the public cloud. */
    public static String defaultTokenUrl(String tenantId) {
        return defaultTokenUrl(DEFAULT_AUTHORITY_URL, tenantId);
    }

    /** The tenant's v2.0 token endpoint at {@code authorityUrl}. */
    public static String defaultTokenUrl(String authorityUrl, String tenantId) {
        String root = authorityUrl.endsWith("/") ? authorityUrl.substring(0, authorityUrl.length() - 1) : authorityUrl;
        return root + "/" + tenantId + "/oauth2/v2.0/token";
    }

    /** The Graph root without version, https (http only for a loopback address). */
    public String graphUrl() {
        return http.url();
    }

    public Duration connectTimeout() {
        return http.connectTimeout();
    }

    public Duration readTimeout() {
        return http.readTimeout();
    }

    public int maxAttempts() {
        return http.maxAttempts();
    }

    /** The OAuth2 scope for app-only access to this Graph: its root followed by {@code /.default}. */
    public String scope() {
        return graphUrl() + "/.default";
    }

    private static String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is required");
        }
        return value.strip();
    }

    /** Builds settings; unset values take their defaults. */
    public static final class Builder {
        private String graphUrl;
        private String authorityUrl;
        private String tokenUrl;
        private String tenantId;
        private String clientId;
        private Secret clientSecret;
        private Path certificatePath;
        private Secret certificatePassword;
        private Duration connectTimeout;
        private Duration readTimeout;
        private int maxAttempts = HttpTargetSettings.DEFAULT_MAX_ATTEMPTS;
        private WriteBudget writeBudget;
        private int concurrency = DEFAULT_CONCURRENCY;
        private boolean batch = DEFAULT_BATCH;
        private SoftMatch softMatch;

        private Builder() {}

        public Builder graphUrl(String value) {
            this.graphUrl = value;
            return this;
        }

        /** The identity platform's root, e.g. https://login.microsoftonline.us; used when no token URL is set. */
        public Builder authorityUrl(String value) {
            this.authorityUrl = value;
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

        public Builder clientSecret(Secret value) {
            this.clientSecret = value;
            return this;
        }

        /** A PKCS#12 or PEM file with the certificate and its private key; replaces the client secret. */
        public Builder certificatePath(Path value) {
            this.certificatePath = value;
            return this;
        }

        /** The password of the certificate file (or of its encrypted PEM key); null or empty for none. */
        public Builder certificatePassword(Secret value) {
            this.certificatePassword = value;
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

        public Builder writeBudget(WriteBudget value) {
            this.writeBudget = value;
            return this;
        }

        /** {@code count} writes per {@code window}. */
        public Builder writeBudget(int count, Duration window) {
            return writeBudget(new WriteBudget(count, window));
        }

        public Builder concurrency(int value) {
            this.concurrency = value;
            return this;
        }

        public Builder batch(boolean value) {
            this.batch = value;
            return this;
        }

        public Builder softMatch(SoftMatch value) {
            this.softMatch = value;
            return this;
        }

        public GraphSettings build() {
            GraphCertificate certificate = null;
            if (certificatePath != null) {
                certificate = new GraphCertificate(certificatePath, certificatePassword);
            } else if (certificatePassword != null
                    && !certificatePassword.reveal().isEmpty()) {
                throw new IllegalArgumentException(
                        "target.certificate.path is required when target.certificate.password is set");
            }
            String url = graphUrl == null || graphUrl.isBlank() ? DEFAULT_GRAPH_URL : graphUrl;
            HttpTargetSettings http = new HttpTargetSettings(url, connectTimeout, readTimeout, maxAttempts);
            return new GraphSettings(
                    http,
                    authorityUrl,
                    tokenUrl,
                    tenantId,
                    clientId,
                    clientSecret,
                    certificate,
                    writeBudget,
                    concurrency,
                    batch,
                    softMatch);
        }
    }
}
