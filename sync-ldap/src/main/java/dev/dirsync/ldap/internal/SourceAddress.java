package dev.dirsync.ldap.internal;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Where a source reads from, parsed from {@code source.url}. */
public sealed interface SourceAddress permits SourceAddress.Network, SourceAddress.Embedded {

    String EMBEDDED_PREFIX = "embedded:";

    /** A directory server reached over the network; {@code secure} means LDAP over TLS (ldaps). */
    record Network(String host, int port, boolean secure) implements SourceAddress {
        public String url() {
            return (secure ? "ldaps://" : "ldap://") + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }

        /**
         * Whether the host is this machine's loopback interface, judged from the text alone (no
         * name lookup): {@code localhost}, {@code 127.0.0.0/8} or {@code ::1}.
         */
        public boolean loopback() {
            String h = host.toLowerCase(Locale.ROOT);
            return h.equals("localhost")
                    || h.endsWith(".localhost")
                    || h.equals("::1")
                    || h.equals("0:0:0:0:0:0:0:1")
                    || LOOPBACK_V4.matcher(h).matches();
        }
    }

    /** An in-process directory loaded from an LDIF file. */
    record Embedded(Path ldifFile) implements SourceAddress {}

    /** IPv4 literals in 127.0.0.0/8. */
    Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    /** Separates the URLs of a list: whitespace and commas (URLs carry no DN here, so no comma). */
    Pattern URL_SEPARATOR = Pattern.compile("[\\s,]+");

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

    /**
     * Parses one address, or several network addresses separated by whitespace or commas (domain
     * controllers tried in order). An {@code embedded:} address stands alone: the rest of the text is
     * its path.
     *
     * @throws IllegalArgumentException naming {@code source.url} when any part is invalid
     */
    static List<SourceAddress> parseList(String urls) {
        if (urls == null || urls.isBlank()) {
            throw new IllegalArgumentException("source.url must not be blank");
        }
        String text = urls.strip();
        if (text.regionMatches(true, 0, EMBEDDED_PREFIX, 0, EMBEDDED_PREFIX.length())) {
            return List.of(parseEmbedded(text));
        }
        List<SourceAddress> parsed = new ArrayList<>();
        for (String part : URL_SEPARATOR.split(text)) {
            if (part.regionMatches(true, 0, EMBEDDED_PREFIX, 0, EMBEDDED_PREFIX.length())) {
                throw invalid(urls, "an embedded: directory cannot be one of several URLs");
            }
            parsed.add(parseNetwork(part));
        }
        return List.copyOf(parsed);
    }

    /** The network addresses of a list; empty when it names an embedded directory. */
    static List<Network> networks(String urls) {
        List<Network> networks = new ArrayList<>();
        for (SourceAddress address : parseList(urls)) {
            if (address instanceof Network network) {
                networks.add(network);
            }
        }
        return List.copyOf(networks);
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

    private static Network parseNetwork(String url) {
        LDAPURL parsed;
        try {
            parsed = new LDAPURL(url);
        } catch (LDAPException e) {
            throw invalid(url, e.getMessage());
        }
        if (!parsed.hostProvided()) {
            throw invalid(url, "the host is missing");
        }
        boolean searchParts = parsed.baseDNProvided()
                || parsed.attributesProvided()
                || parsed.scopeProvided()
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
