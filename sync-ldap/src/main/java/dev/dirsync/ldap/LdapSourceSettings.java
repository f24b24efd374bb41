package dev.dirsync.ldap;

import com.unboundid.ldap.sdk.DN;
import dev.dirsync.ldap.internal.Filters;
import dev.dirsync.ldap.internal.SourceAddress;
import java.time.Duration;
import java.util.List;

/**
 * How to reach and read the directory. Validated on construction, without connecting; every
 * message names the setting ({@code source.<field>}). {@link #toString()} never shows the password.
 *
 * @param url {@code ldap://host[:port]}, {@code ldaps://host[:port]} (trusting the JVM's default
 *     trust store, host name verified) or {@code embedded:PATH.ldif} (an in-process directory loaded
 *     from the file, for demos and tests)
 * @param bindDn the DN of the account the source binds as
 * @param password its password; must not be empty (an empty password is an unauthenticated bind,
 *     which servers accept as anonymous)
 * @param baseDns the subtrees read, at least one
 * @param filter the entries read, an RFC 4515 filter; null means {@link #DEFAULT_FILTER}
 * @param pageSize entries per page of the paged search, 1 to {@value #MAX_PAGE_SIZE}
 * @param connectTimeout how long to wait for a connection; null means {@link #DEFAULT_CONNECT_TIMEOUT}
 * @param responseTimeout how long to wait for each answer; null means {@link #DEFAULT_RESPONSE_TIMEOUT}
 */
public record LdapSourceSettings(
        String url,
        String bindDn,
        String password,
        List<String> baseDns,
        String filter,
        int pageSize,
        Duration connectTimeout,
        Duration responseTimeout) {

    /** Every user account and no computer account (computers are users of another category). */
    public static final String DEFAULT_FILTER = "(&(objectCategory=person)(objectClass=user))";
    public static final int DEFAULT_PAGE_SIZE = 500;
    public static final int MAX_PAGE_SIZE = 10_000;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    public LdapSourceSettings {
        SourceAddress.parse(url);
        bindDn = requireDn("source.bindDn", bindDn);
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("source.password must not be empty");
        }
        baseDns = requireBaseDns(baseDns);
        filter = filter == null ? DEFAULT_FILTER : filter;
        Filters.parse("source.filter", filter);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(
                    "source.pageSize must be between 1 and " + MAX_PAGE_SIZE + ", got " + pageSize);
        }
        connectTimeout = requireTimeout("source.connectTimeout", connectTimeout, DEFAULT_CONNECT_TIMEOUT);
        responseTimeout = requireTimeout("source.responseTimeout", responseTimeout, DEFAULT_RESPONSE_TIMEOUT);
    }

    /** Settings with the default filter, page size and timeouts. */
    public static LdapSourceSettings of(String url, String bindDn, String password, List<String> baseDns) {
        return new LdapSourceSettings(url, bindDn, password, baseDns, null, DEFAULT_PAGE_SIZE, null, null);
    }

    public LdapSourceSettings withUrl(String newUrl) {
        return new LdapSourceSettings(newUrl, bindDn, password, baseDns, filter, pageSize, connectTimeout,
                responseTimeout);
    }

    public LdapSourceSettings withFilter(String newFilter) {
        return new LdapSourceSettings(url, bindDn, password, baseDns, newFilter, pageSize, connectTimeout,
                responseTimeout);
    }

    public LdapSourceSettings withPageSize(int newPageSize) {
        return new LdapSourceSettings(url, bindDn, password, baseDns, filter, newPageSize, connectTimeout,
                responseTimeout);
    }

    public LdapSourceSettings withTimeouts(Duration newConnectTimeout, Duration newResponseTimeout) {
        return new LdapSourceSettings(url, bindDn, password, baseDns, filter, pageSize, newConnectTimeout,
                newResponseTimeout);
    }

    @Override
    public String toString() {
        return "LdapSourceSettings[url=" + url + ", bindDn=" + bindDn + ", password=(redacted), baseDns=" + baseDns
                + ", filter=" + filter + ", pageSize=" + pageSize + ", connectTimeout=" + connectTimeout
                + ", responseTimeout=" + responseTimeout + "]";
    }

    private static String requireDn(String setting, String dn) {
        if (dn == null || dn.isBlank()) {
            throw new IllegalArgumentException(setting + " must not be blank");
        }
        if (!DN.isValidDN(dn)) {
            throw new IllegalArgumentException(setting + " is not a valid DN: '" + dn + "'");
        }
        return dn;
    }

    private static List<String> requireBaseDns(List<String> baseDns) {
        if (baseDns == null || baseDns.isEmpty()) {
            throw new IllegalArgumentException("source.baseDns must hold at least one base DN");
        }
        for (int i = 0; i < baseDns.size(); i++) {
            requireDn("source.baseDns[" + i + "]", baseDns.get(i));
        }
        return List.copyOf(baseDns);
    }

    private static Duration requireTimeout(String setting, Duration timeout, Duration fallback) {
        if (timeout == null) {
            return fallback;
        }
        if (timeout.compareTo(Duration.ofMillis(1)) < 0) {
            throw new IllegalArgumentException(setting + " must be at least 1ms, got " + timeout);
        }
        return timeout;
    }
}
