package dev.dirsync.daemon.config;

import dev.dirsync.core.Secret;
import dev.dirsync.state.StateStoreSettings;

/**
 * {@code state.*}: where dirsync remembers objects, cursors and runs. Prints with any password
 * written into the URL masked.
 *
 * @param url a JDBC URL (embedded H2 file by default; PostgreSQL for high availability)
 * @param password null when the database needs none
 */
public record StateConfig(String url, String user, Secret password) {
    /** The URL as it may be shown: passwords written into it are masked. */
    public String displayUrl() {
        try {
            return new StateStoreSettings(url, null, null).displayUrl();
        } catch (IllegalArgumentException e) {
            return "(not a supported JDBC URL)";
        }
    }

    @Override
    public String toString() {
        return "StateConfig[url=" + displayUrl() + ", user=" + user + ", password=" + password + "]";
    }
}
