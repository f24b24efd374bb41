package dev.dirsync.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import dev.dirsync.core.Secret;
import dev.dirsync.ldap.internal.Filters;
import dev.dirsync.ldap.internal.SourceAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How to reach and read the directory. Validated on construction, without connecting; every
 * message names the setting ({@code source.<field>}).
 *
 * @param url {@code ldap://host[:port]}, {@code ldaps://host[:port]} or {@code embedded:PATH.ldif}
 *     (an in-process directory loaded from the file, for demos and tests). Several network URLs,
 *     separated by whitespace or commas, name domain controllers tried in order (see {@link #urls()})
 * @param bindDn the DN (or, on Active Directory, the user principal name) of the account the
 *     source binds as
 * @param password its password; must not be empty (an empty password is an unauthenticated bind,
 *     which servers accept as anonymous)
 * @param baseDns the subtrees read, at least one
 * @param filter the entries read, an RFC 4515 filter; null means {@link #DEFAULT_FILTER}
 * @param pageSize entries per page of the paged search, 1 to {@value #MAX_PAGE_SIZE}
 * @param connectTimeout how long to wait for a connection; null means {@link #DEFAULT_CONNECT_TIMEOUT}
 * @param responseTimeout how long to wait for each answer; null means {@link #DEFAULT_RESPONSE_TIMEOUT}
 * @param excludedDns subtrees under the base DNs that are not read (each must lie under a base DN);
 *     null means none
 * @param groupDn when set, only members of this group are read, nested groups included (Active
 *     Directory's matching rule in chain; other servers: direct {@code memberOf} only); null or
 *     blank means no group scoping
 * @param skipDisabled leave out accounts whose userAccountControl has the ACCOUNTDISABLE bit (2);
 *     Active Directory only
 * @param tls how connections are protected; null means {@link LdapTlsSettings#FROM_URL}
 * @param allowCleartext allow a simple bind without TLS to a host that is not loopback (the
 *     password crosses the network readable); refused otherwise
 */
public record LdapSourceSettings(
        String url,
        String bindDn,
        Secret password,
        List<String> baseDns,
        String filter,
        int pageSize,
        Duration connectTimeout,
        Duration responseTimeout,
        List<String> excludedDns,
        String groupDn,
        boolean skipDisabled,
        LdapTlsSettings tls,
        boolean allowCleartext) {

    /** Every user account and no computer account (computers are users of another category). */
    public static final String DEFAULT_FILTER = "(&(objectCategory=person)(objectClass=user))";

    public static final int DEFAULT_PAGE_SIZE = 500;
    public static final int MAX_PAGE_SIZE = 10_000;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    public LdapSourceSettings {
        List<SourceAddress> addresses = SourceAddress.parseList(url);
        bindDn = requireBindName(bindDn);
        if (password == null || password.reveal().isEmpty()) {
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
        excludedDns = requireExcludedDns(excludedDns, baseDns);
        groupDn = groupDn == null || groupDn.isBlank() ? null : requireDn("source.groupDn", groupDn);
        tls = tls == null ? LdapTlsSettings.FROM_URL : tls;
        requireTransport(addresses, tls, allowCleartext);
    }

    /** The settings of the first release: no scoping beyond bases and filter, TLS as the URL says. */
    public LdapSourceSettings(
            String url,
            String bindDn,
            Secret password,
            List<String> baseDns,
            String filter,
            int pageSize,
            Duration connectTimeout,
            Duration responseTimeout) {
        this(
                url,
                bindDn,
                password,
                baseDns,
                filter,
                pageSize,
                connectTimeout,
                responseTimeout,
                null,
                null,
                false,
                null,
                false);
    }

    /** Settings with the default filter, page size and timeouts; {@code password} as typed. */
    public static LdapSourceSettings of(String url, String bindDn, String password, List<String> baseDns) {
        return new LdapSourceSettings(
                url,
                bindDn,
                password == null ? null : Secret.of(password),
                baseDns,
                null,
                DEFAULT_PAGE_SIZE,
                null,
                null);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        return new Builder()
                .url(url)
                .bindDn(bindDn)
                .password(password)
                .baseDns(baseDns)
                .filter(filter)
                .pageSize(pageSize)
                .connectTimeout(connectTimeout)
                .responseTimeout(responseTimeout)
                .excludedDns(excludedDns)
                .groupDn(groupDn)
                .skipDisabled(skipDisabled)
                .tls(tls)
                .allowCleartext(allowCleartext);
    }

    /** The URLs of {@link #url()}, in the order they are tried (one for an embedded directory). */
    public List<String> urls() {
        String text = url.strip();
        if (SourceAddress.parseList(text).get(0) instanceof SourceAddress.Embedded) {
            return List.of(text);
        }
        return List.of(SourceAddress.URL_SEPARATOR.split(text));
    }

    /** Whether {@link #url()} names an in-process directory loaded from an LDIF file. */
    public boolean embedded() {
        return SourceAddress.parseList(url).get(0) instanceof SourceAddress.Embedded;
    }

    public LdapSourceSettings withUrl(String newUrl) {
        return toBuilder().url(newUrl).build();
    }

    public LdapSourceSettings withFilter(String newFilter) {
        return toBuilder().filter(newFilter).build();
    }

    public LdapSourceSettings withPageSize(int newPageSize) {
        return toBuilder().pageSize(newPageSize).build();
    }

    public LdapSourceSettings withTimeouts(Duration newConnectTimeout, Duration newResponseTimeout) {
        return toBuilder()
                .connectTimeout(newConnectTimeout)
                .responseTimeout(newResponseTimeout)
                .build();
    }

    private static String requireBindName(String bindDn) {
        if (bindDn == null || bindDn.isBlank()) {
            throw new IllegalArgumentException("source.bindDn must not be blank");
        }
        if (isUserPrincipalName(bindDn)) {
            return bindDn;
        }
        return requireDn("source.bindDn", bindDn);
    }

    /** {@code user@domain}, which Active Directory accepts as a simple bind name. */
    private static boolean isUserPrincipalName(String name) {
        int at = name.indexOf('@');
        return at > 0
                && at == name.lastIndexOf('@')
                && at < name.length() - 1
                && name.indexOf('=') < 0
                && name.chars().noneMatch(Character::isWhitespace);
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
            throw new IllegalArgumentException("source.baseDn must hold at least one base DN");
        }
        for (int i = 0; i < baseDns.size(); i++) {
            requireDn("source.baseDn[" + i + "]", baseDns.get(i));
        }
        return List.copyOf(baseDns);
    }

    private static List<String> requireExcludedDns(List<String> excludedDns, List<String> baseDns) {
        if (excludedDns == null || excludedDns.isEmpty()) {
            return List.of();
        }
        List<DN> bases = baseDns.stream().map(LdapSourceSettings::parsed).toList();
        for (int i = 0; i < excludedDns.size(); i++) {
            String setting = "source.excludedDns[" + i + "]";
            DN excluded = parsed(requireDn(setting, excludedDns.get(i)));
            boolean underBase = bases.stream().anyMatch(base -> excluded.isDescendantOf(base, false));
            if (!underBase) {
                throw new IllegalArgumentException(
                        setting + " '" + excludedDns.get(i) + "' is not below any of source.baseDn " + baseDns);
            }
        }
        return List.copyOf(excludedDns);
    }

    private static void requireTransport(List<SourceAddress> addresses, LdapTlsSettings tls, boolean allowCleartext) {
        List<SourceAddress.Network> networks = new ArrayList<>();
        for (SourceAddress address : addresses) {
            if (address instanceof SourceAddress.Network network) {
                networks.add(network);
            } else if (!tls.equals(LdapTlsSettings.FROM_URL)) {
                throw new IllegalArgumentException("source.tls does not apply to an embedded: directory");
            }
        }
        if (networks.isEmpty()) {
            return;
        }
        boolean ldaps = networks.get(0).secure();
        if (networks.stream().anyMatch(n -> n.secure() != ldaps)) {
            throw new IllegalArgumentException("source.url mixes ldap:// and ldaps:// URLs: use one scheme for all");
        }
        LdapTlsSettings.Mode mode = tls.effectiveMode(ldaps);
        if (mode == LdapTlsSettings.Mode.LDAPS && !ldaps) {
            throw new IllegalArgumentException(
                    "source.tls.mode is ldaps but source.url uses ldap://: " + "write ldaps://host[:port]");
        }
        if (mode != LdapTlsSettings.Mode.LDAPS && ldaps) {
            throw new IllegalArgumentException("source.tls.mode is " + mode.configName()
                    + " but source.url uses ldaps://: write ldap://host[:port]");
        }
        if (mode == LdapTlsSettings.Mode.NONE && !allowCleartext) {
            for (SourceAddress.Network network : networks) {
                if (!network.loopback()) {
                    throw new IllegalArgumentException("source.url " + network.url() + " would carry the bind "
                            + "password in cleartext to a host that is not loopback: use ldaps://, or "
                            + "source.tls.mode: starttls, or set source.allowCleartext: true");
                }
            }
        }
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

    private static DN parsed(String dn) {
        try {
            return new DN(dn);
        } catch (LDAPException e) {
            throw new IllegalArgumentException("not a valid DN: '" + dn + "'", e);
        }
    }

    /** Builds settings; unset values take the same defaults as the constructor. */
    public static final class Builder {
        private String url;
        private String bindDn;
        private Secret password;
        private List<String> baseDns;
        private String filter;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private Duration connectTimeout;
        private Duration responseTimeout;
        private List<String> excludedDns;
        private String groupDn;
        private boolean skipDisabled;
        private LdapTlsSettings tls;
        private boolean allowCleartext;

        private Builder() {}

        /** One URL, or several separated by whitespace or commas. */
        public Builder url(String value) {
            this.url = value;
            return this;
        }

        /** Several domain controllers, tried in order. */
        public Builder urls(List<String> values) {
            this.url = values == null ? null : String.join(" ", values);
            return this;
        }

        public Builder bindDn(String value) {
            this.bindDn = value;
            return this;
        }

        public Builder password(Secret value) {
            this.password = value;
            return this;
        }

        public Builder baseDns(List<String> values) {
            this.baseDns = values;
            return this;
        }

        public Builder filter(String value) {
            this.filter = value;
            return this;
        }

        public Builder pageSize(int value) {
            this.pageSize = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder responseTimeout(Duration value) {
            this.responseTimeout = value;
            return this;
        }

        public Builder excludedDns(List<String> values) {
            this.excludedDns = values;
            return this;
        }

        public Builder groupDn(String value) {
            this.groupDn = value;
            return this;
        }

        public Builder skipDisabled(boolean value) {
            this.skipDisabled = value;
            return this;
        }

        public Builder tls(LdapTlsSettings value) {
            this.tls = value;
            return this;
        }

        public Builder allowCleartext(boolean value) {
            this.allowCleartext = value;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the setting when a value is invalid
         */
        public LdapSourceSettings build() {
            return new LdapSourceSettings(
                    url,
                    bindDn,
                    password,
                    baseDns,
                    filter,
                    pageSize,
                    connectTimeout,
                    responseTimeout,
                    excludedDns,
                    groupDn,
                    skipDisabled,
                    tls,
                    allowCleartext);
        }
    }
}
