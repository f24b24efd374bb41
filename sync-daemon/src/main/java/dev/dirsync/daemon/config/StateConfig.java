package dev.dirsync.daemon.config;

import dev.dirsync.core.Secret;

/**
 * {@code state.*}: where dirsync remembers objects, cursors and runs.
 *
 * @param url a JDBC URL (embedded H2 file by default; PostgreSQL for high availability)
 * @param password null when the database needs none
 */
public record StateConfig(String url, String user, Secret password) {}
