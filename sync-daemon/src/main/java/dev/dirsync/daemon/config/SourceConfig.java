package dev.dirsync.daemon.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@code source.*}: the directory to read, what of it, and how to reach it.
 *
 * @param urls the domain controllers, tried in order; or one {@code embedded:PATH} (resolved)
 * @param excludedDns subtrees under the base DNs that are not read
 * @param groupDn only members of this group are read; null means no group scoping
 * @param skipDisabled leave out disabled accounts (Active Directory)
 * @param tls how connections are protected
 * @param allowCleartext allow a simple bind without TLS to a host that is not loopback
 */
public record SourceConfig(List<String> urls, String bindDn, Secret password, List<String> baseDns, String filter,
                           int pageSize, List<String> excludedDns, String groupDn, boolean skipDisabled,
                           SourceTlsConfig tls, boolean allowCleartext, Duration connectTimeout,
                           Duration responseTimeout) {
    public static final String DEFAULT_FILTER = "(&(objectCategory=person)(objectClass=user))";
    public static final int DEFAULT_PAGE_SIZE = 500;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    public SourceConfig {
        urls = List.copyOf(urls);
        baseDns = List.copyOf(baseDns);
        excludedDns = List.copyOf(excludedDns);
        tls = Objects.requireNonNullElse(tls, SourceTlsConfig.DEFAULTS);
        connectTimeout = Objects.requireNonNullElse(connectTimeout, DEFAULT_CONNECT_TIMEOUT);
        responseTimeout = Objects.requireNonNullElse(responseTimeout, DEFAULT_RESPONSE_TIMEOUT);
    }

    /** One URL, no scoping beyond bases and filter, TLS as the URL says, default timeouts. */
    public SourceConfig(String url, String bindDn, Secret password, List<String> baseDns, String filter, int pageSize) {
        this(url == null ? List.of() : List.of(url), bindDn, password, baseDns, filter, pageSize, List.of(), null, false,
                SourceTlsConfig.DEFAULTS, false, null, null);
    }

    /**
     * The URLs as one text, separated by spaces: what the LDAP source parses, and part of the
     * identity under which the source's cursor is stored (one URL reads as itself).
     */
    public String url() {
        return String.join(" ", urls);
    }

    public boolean embedded() {
        return urls.size() == 1 && urls.get(0).startsWith("embedded:");
    }
}
