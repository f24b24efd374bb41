package dev.dirsync.daemon.config;

import java.util.List;

/** {@code source.*}: the directory to read. */
public record SourceConfig(String url, String bindDn, Secret password, List<String> baseDns, String filter, int pageSize) {
    public static final String DEFAULT_FILTER = "(&(objectCategory=person)(objectClass=user))";
    public static final int DEFAULT_PAGE_SIZE = 500;

    public SourceConfig {
        baseDns = List.copyOf(baseDns);
    }

    public boolean embedded() {
        return url.startsWith("embedded:");
    }
}
