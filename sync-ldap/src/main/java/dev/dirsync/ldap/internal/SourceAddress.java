package dev.dirsync.ldap.internal;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Where a source reads from, parsed from {@code source.url}. */
public sealed interface SourceAddress permits SourceAddress.Network, SourceAddress.Embedded {

    String EMBEDDED_PREFIX = "embedded:";

    /** A directory server reached over the network; {@code secure} means LDAP over TLS (ldaps). */
    record Network(String host, int port, boolean secure) implements SourceAddress {
        public String url() {
            return (secure ? "ldaps://" : "ldap://") + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /** An in-process directory loaded from an LDIF file. */
    record Embedded(Path ldifFile) implements SourceAddress {
    }

    /**
     * Parses {@code ldap://host[:port]}, {@code ldaps://host[:port]} or {@code embedded:PATH.ldif}.
     *
     * @throws IllegalArgumentException naming {@code source.url} when the text is none of these
     */
    static SourceAddress parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("source.url must not be blank");
        }
        if (url.regionMatches(true, 0, EMBEDDED_PREFIX, 0, EMBEDDED_PREFIX.length())) {
            return parseEmbedded(url);
        }
        return parseNetwork(url);
    }

    private static SourceAddress parseEmbedded(String url) {
        String path = url.substring(EMBEDDED_PREFIX.length());
        if (path.isBlank()) {
            throw invalid(url, "the LDIF path is missing");
        }
        try {
            return new Embedded(Path.of(path));
        } catch (InvalidPathException e) {
            throw invalid(url, e.getMessage());
        }
    }

    private static SourceAddress parseNetwork(String url) {
        LDAPURL parsed;
        try {
            parsed = new LDAPURL(url);
        } catch (LDAPException e) {
            throw invalid(url, e.getMessage());
        }
        if (!parsed.hostProvided()) {
            throw invalid(url, "the host is missing");
        }
        boolean searchParts = parsed.baseDNProvided() || parsed.attributesProvided() || parsed.scopeProvided()
                || parsed.filterProvided();
        if (searchParts) {
            throw invalid(url, "only a host and port may be given (base DNs and filter are settings of their own)");
        }
        return new Network(parsed.getHost(), parsed.getPort(), "ldaps".equals(parsed.getScheme()));
    }

    private static IllegalArgumentException invalid(String url, String reason) {
        return new IllegalArgumentException("source.url must be ldap://host[:port], ldaps://host[:port] or "
                + "embedded:PATH.ldif, got '" + url + "': " + reason);
    }
}
