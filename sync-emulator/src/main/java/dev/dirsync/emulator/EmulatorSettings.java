package dev.dirsync.emulator;

import java.nio.file.Path;

/**
 * How a {@link CloudEmulator} runs. The emulator always binds 127.0.0.1.
 *
 * @param storeFile the JSON file holding the users, or {@code null} to keep them in memory only
 * @param port the TCP port, 0 for an ephemeral one
 * @param clientId the only client id the token endpoint accepts (any tenant id is accepted)
 * @param clientSecret the only client secret the token endpoint accepts; never shown by {@link
 *     #toString()}
 * @param pageSize the largest page {@code GET /v1.0/users} returns; {@code $top} may ask for less
 * @param writesPerSecond the sustained rate of creates, updates and deletes before answers turn
 *     into 429; 0 turns throttling off
 * @param scimToken the bearer token the SCIM service under {@code /scim/v2} requires; never shown by
 *     {@link #toString()}
 */
public record EmulatorSettings(
        Path storeFile,
        int port,
        String clientId,
        String clientSecret,
        int pageSize,
        int writesPerSecond,
        String scimToken) {

    public static final String DEFAULT_CLIENT_ID = "dirsync-emulator";
    public static final String DEFAULT_CLIENT_SECRET = "emulator-secret";
    public static final String DEFAULT_SCIM_TOKEN = "emulator-scim-token";
    public static final int DEFAULT_PAGE_SIZE = 100;
    /** Graph's own limit for {@code $top} on users. */
    public static final int MAX_PAGE_SIZE = 999;

    public EmulatorSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        requireText(clientId, "clientId");
        requireText(clientSecret, "clientSecret");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
        if (writesPerSecond < 0) {
            throw new IllegalArgumentException("writesPerSecond must not be negative, was " + writesPerSecond);
        }
        requireText(scimToken, "scimToken");
    }

    /** Settings with the default SCIM token. */
    public EmulatorSettings(
            Path storeFile, int port, String clientId, String clientSecret, int pageSize, int writesPerSecond) {
        this(storeFile, port, clientId, clientSecret, pageSize, writesPerSecond, DEFAULT_SCIM_TOKEN);
    }

    /** In memory, ephemeral port, default credentials and page size, no throttling. */
    public static EmulatorSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "EmulatorSettings[storeFile=" + storeFile + ", port=" + port + ", clientId=" + clientId
                + ", clientSecret=***, pageSize=" + pageSize + ", writesPerSecond=" + writesPerSecond
                + ", scimToken=***]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** Starts from {@link #defaults()}. */
    public static final class Builder {
        private Path storeFile;
        private int port;
        private String clientId = DEFAULT_CLIENT_ID;
        private String clientSecret = DEFAULT_CLIENT_SECRET;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private int writesPerSecond;
        private String scimToken = DEFAULT_SCIM_TOKEN;

        private Builder() {}

        /** {@code null} (the default) keeps the users in memory only. */
        public Builder storeFile(Path storeFile) {
            this.storeFile = storeFile;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        public Builder writesPerSecond(int writesPerSecond) {
            this.writesPerSecond = writesPerSecond;
            return this;
        }

        /** The bearer token the SCIM service requires. */
        public Builder scimToken(String scimToken) {
            this.scimToken = scimToken;
            return this;
        }

        public EmulatorSettings build() {
            return new EmulatorSettings(storeFile, port, clientId, clientSecret, pageSize, writesPerSecond, scimToken);
        }
    }
}
