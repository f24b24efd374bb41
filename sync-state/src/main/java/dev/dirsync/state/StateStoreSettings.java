package dev.dirsync.state;

import dev.dirsync.core.Secret;
import dev.dirsync.state.internal.JdbcUrls;
import java.nio.file.Path;

/**
 * Where the state lives. Validated on construction, without connecting; every message names the
 * setting ({@code state.<field>}). {@link #toString()} masks a password written into the URL.
 *
 * @param url a JDBC URL: {@code jdbc:h2:...} (embedded file by default, see {@link #DEFAULT_URL})
 *     or {@code jdbc:postgresql://host[:port]/database}; null means {@link #DEFAULT_URL}
 * @param user the database user; null for none (H2's default)
 * @param password the user's password; null for none
 * @param poolSize connections kept open, 1 to {@value #MAX_POOL_SIZE}; the pool is shared with
 *     whoever uses {@link JdbcStateStore#dataSource()}
 */
public record StateStoreSettings(String url, String user, Secret password, int poolSize) {

    /**
     * An H2 file ({@code ./data/dirsync.mv.db}, relative to the working directory) that writes each
     * commit to the file before the commit returns.
     */
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/dirsync;WRITE_DELAY=0";

    public static final int DEFAULT_POOL_SIZE = 4;
    public static final int MAX_POOL_SIZE = 32;

    public StateStoreSettings {
        url = url == null ? DEFAULT_URL : url;
        if (url.isBlank()) {
            throw new IllegalArgumentException("state.url must not be blank");
        }
        if (!JdbcUrls.isSupported(url)) {
            throw new IllegalArgumentException(
                    "state.url must be a jdbc:h2: or jdbc:postgresql: URL, got '" + JdbcUrls.redact(url) + "'");
        }
        if (user != null && user.isBlank()) {
            throw new IllegalArgumentException("state.user must not be blank when set");
        }
        if (password != null && user == null) {
            throw new IllegalArgumentException("state.password is set but state.user is not");
        }
        if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException(
                    "state.poolSize must be between 1 and " + MAX_POOL_SIZE + ", got " + poolSize);
        }
    }

    /** With the default pool size; {@code password} as typed. */
    public StateStoreSettings(String url, String user, String password) {
        this(url, user, password == null ? null : Secret.of(password), DEFAULT_POOL_SIZE);
    }

    /** The embedded H2 file at {@link #DEFAULT_URL}. */
    public static StateStoreSettings defaults() {
        return new StateStoreSettings(null, null, null);
    }

    /**
     * An embedded H2 database in the file {@code databaseFile + ".mv.db"}, with the same settings
     * as {@link #DEFAULT_URL}.
     */
    public static StateStoreSettings h2File(Path databaseFile) {
        String path = databaseFile.toAbsolutePath().normalize().toString();
        if (path.indexOf(';') >= 0) {
            throw new IllegalArgumentException("state.url: an H2 file path must not contain ';', got '" + path + "'");
        }
        return new StateStoreSettings("jdbc:h2:file:" + path + ";WRITE_DELAY=0", null, null);
    }

    public StateStoreSettings withUser(String newUser, Secret newPassword) {
        return new StateStoreSettings(url, newUser, newPassword, poolSize);
    }

    public StateStoreSettings withPoolSize(int newPoolSize) {
        return new StateStoreSettings(url, user, password, newPoolSize);
    }

    /** The URL as it may be shown: passwords written into it are masked. */
    public String displayUrl() {
        return JdbcUrls.redact(url);
    }

    /** The URL may hold a password of its own, hence not the record's default. */
    @Override
    public String toString() {
        return "StateStoreSettings[url=" + displayUrl() + ", user=" + user + ", password="
                + (password == null ? "(none)" : "(redacted)") + ", poolSize=" + poolSize + "]";
    }
}
