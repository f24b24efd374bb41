package dev.dirsync.daemon.config;

import dev.dirsync.core.Secret;
import dev.dirsync.ldap.LdapSourceSettings;
import dev.dirsync.ldap.LdapTlsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads {@code source.*} into the LDAP source's settings. Checks what can be told from each key
 * alone, naming it; when every key reads, the settings check how the keys fit together (a trust
 * store with {@code insecure}, a TLS mode against the URL's scheme, cleartext to a remote host,
 * excluded subtrees outside the bases). Absent keys are left to the settings' defaults.
 */
final class SourceSection {
    private static final String EMBEDDED = "embedded:";
    /** URLs in one value are separated by whitespace or commas (they carry no DN, hence no comma). */
    private static final Pattern URL_SEPARATOR = Pattern.compile("[\\s,]+");

    private static final List<String> KEYS = List.of(
            "url",
            "bindDn",
            "password",
            "baseDn",
            "filter",
            "pageSize",
            "excludedDns",
            "groupDn",
            "skipDisabled",
            "tls",
            "allowCleartext",
            "connectTimeout",
            "responseTimeout");
    private static final List<String> TLS_KEYS =
            List.of("mode", "trustStore", "trustStorePassword", "trustStoreType", "insecure");

    private SourceSection() {}

    /** The settings, or null when a problem was recorded. */
    static LdapSourceSettings read(ConfigNode node, Problems problems, Path base) {
        int known = problems.size();
        node.rejectUnknown(KEYS);
        List<String> urls = urls(node, problems, base);
        String bindDn = node.requiredText("bindDn");
        Secret password = node.secret("password", true);
        List<String> baseDns = node.textList("baseDn");
        if (baseDns.isEmpty()) {
            problems.add(node.path("baseDn"), "is required (one DN or a list)");
        }
        String filter = node.text("filter", null);
        int pageSize =
                node.integer("pageSize", LdapSourceSettings.DEFAULT_PAGE_SIZE, 1, LdapSourceSettings.MAX_PAGE_SIZE);
        List<String> excludedDns = node.textList("excludedDns");
        String groupDn = blankToNull(node.text("groupDn", null));
        boolean skipDisabled = node.bool("skipDisabled", false);
        LdapTlsSettings tls = tls(node.child("tls"), problems, base);
        boolean allowCleartext = node.bool("allowCleartext", false);
        Duration connectTimeout = duration(node, "connectTimeout", problems);
        Duration responseTimeout = duration(node, "responseTimeout", problems);
        if (problems.size() > known) {
            return null;
        }
        try {
            return new LdapSourceSettings(
                    String.join(" ", urls),
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
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    /**
     * One URL, several in one value (separated by whitespace or commas), or a YAML list; an
     * {@code embedded:} directory stands alone and its path resolves against the configuration's folder.
     */
    private static List<String> urls(ConfigNode node, Problems problems, Path base) {
        List<String> values = node.textList("url");
        if (values.stream().allMatch(String::isBlank)) {
            problems.add(node.path("url"), "is required");
            return List.of();
        }
        if (values.size() == 1) {
            String value = values.get(0).strip();
            if (value.startsWith(EMBEDDED)) {
                return List.of(embedded(value, node.path("url"), problems, base));
            }
            return network(node, List.of(URL_SEPARATOR.split(value)), false, problems);
        }
        return network(node, values.stream().map(String::strip).toList(), true, problems);
    }

    private static String embedded(String value, String key, Problems problems, Path base) {
        Path ldif = base.resolve(value.substring(EMBEDDED.length()));
        if (!Files.isReadable(ldif)) {
            problems.add(key, "embedded LDIF file " + ldif + " cannot be read");
        }
        return EMBEDDED + ldif.normalize();
    }

    private static List<String> network(ConfigNode node, List<String> urls, boolean indexed, Problems problems) {
        String key = node.path("url");
        List<String> result = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i);
            String where = indexed ? key + "[" + i + "]" : key;
            String lower = url.toLowerCase(Locale.ROOT);
            if (url.isEmpty()) {
                problems.add(where, "must not be empty");
            } else if (lower.startsWith(EMBEDDED)) {
                problems.add(where, "an embedded: directory cannot be one of several URLs");
            } else if (!lower.startsWith("ldap://") && !lower.startsWith("ldaps://")) {
                problems.add(
                        where,
                        (urls.size() == 1
                                        ? "must start with ldap://, ldaps:// or embedded:"
                                        : "must start with ldap:// or ldaps://")
                                + ", " + node.got("url", "'" + url + "'"));
            } else {
                result.add(url);
            }
        }
        return result;
    }

    /** The TLS settings, or null when a problem was recorded. */
    private static LdapTlsSettings tls(ConfigNode node, Problems problems, Path base) {
        int known = problems.size();
        node.rejectUnknown(TLS_KEYS);
        LdapTlsSettings.Mode mode = null;
        String modeName = node.text("mode", null);
        if (modeName != null) {
            try {
                mode = LdapTlsSettings.Mode.parse(modeName);
            } catch (IllegalArgumentException e) {
                problems.add(
                        node.path("mode"),
                        "must be ldaps, starttls or none, " + node.got("mode", "'" + modeName + "'"));
            }
        }
        Path trustStore = null;
        String storeName = blankToNull(node.text("trustStore", null));
        if (storeName != null) {
            trustStore = base.resolve(storeName).normalize();
            if (!Files.isRegularFile(trustStore) || !Files.isReadable(trustStore)) {
                problems.add(node.path("trustStore"), "trust store " + trustStore + " cannot be read");
            }
        }
        Secret password = node.secret("trustStorePassword", false);
        String typeName = blankToNull(node.text("trustStoreType", null));
        String type = typeName == null ? null : typeName.strip().toUpperCase(Locale.ROOT);
        if (type != null && !type.equals("PKCS12") && !type.equals("JKS")) {
            problems.add(
                    node.path("trustStoreType"),
                    "must be PKCS12 or JKS, " + node.got("trustStoreType", "'" + typeName + "'"));
        }
        boolean insecure = node.bool("insecure", false);
        if (problems.size() > known) {
            return null;
        }
        try {
            return new LdapTlsSettings(mode, trustStore, password, type, insecure);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    /** An ISO-8601 duration such as PT10S, above zero; null when absent or invalid. */
    private static Duration duration(ConfigNode node, String key, Problems problems) {
        String text = node.text(key, null);
        if (text == null) {
            return null;
        }
        try {
            Duration parsed = Duration.parse(text.strip());
            if (parsed.isNegative() || parsed.isZero()) {
                problems.add(node.path(key), "must be above zero, " + node.got(key, text.strip()));
                return null;
            }
            return parsed;
        } catch (DateTimeParseException e) {
            problems.add(
                    node.path(key),
                    "must be an ISO-8601 duration such as PT10S or PT2M, " + node.got(key, "'" + text + "'"));
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
