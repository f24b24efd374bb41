package dev.dirsync.core.rules.internal;

import static dev.dirsync.core.rules.internal.AttributeNames.GROUP_TYPE;
import static dev.dirsync.core.rules.internal.AttributeNames.IS_CRITICAL_SYSTEM_OBJECT;
import static dev.dirsync.core.rules.internal.AttributeNames.MAIL;
import static dev.dirsync.core.rules.internal.AttributeNames.MAIL_NICKNAME;
import static dev.dirsync.core.rules.internal.AttributeNames.PROXY_ADDRESSES;
import static dev.dirsync.core.rules.internal.AttributeNames.SAM_ACCOUNT_NAME;

import dev.dirsync.core.model.Attributes;
import dev.dirsync.core.model.ObjectKind;
import dev.dirsync.core.model.SourceEntry;
import java.util.List;
import java.util.Optional;

/** The objects that are never checked nor exported: system objects, conflicts, groups without mail. */
public final class SkipList {
    private static final List<String> CN_PREFIXES = List.of(
            "Admini",
            "CAS_{",
            "DiscoverySearchMailbox",
            "FederatedEmail",
            "Guest",
            "HTTPConnector",
            "krbtgt",
            "iusr_",
            "iwam",
            "msol",
            "support_",
            "SystemMailbox",
            "WWIOadmini",
            "HealthMailbox",
            "Exchange Online-ApplicationAccount");
    private static final List<String> SAM_ACCOUNT_NAME_PREFIXES = List.of("CAS_", "SUPPORT_", "MSOL_", "AAD_");
    private static final List<String> MAIL_NICKNAME_PREFIXES = List.of("CAS_", "SystemMailbox");
    /** AD escapes the newline of a conflict RDN as \0A; a source that unescapes DNs leaves the newline. */
    private static final List<String> CONFLICT_MARKERS = List.of("\\0ACNF:", "\nCNF:");

    /** Why {@code entry} is skipped, or empty when it is checked. */
    public Optional<String> reasonFor(SourceEntry entry) {
        ObjectKind kind = entry.kind();
        Attributes attributes = entry.attributes();
        if (kind == ObjectKind.COMPUTER) {
            return Optional.of("computer account");
        }
        if ("TRUE".equalsIgnoreCase(attributes.firstOrNull(IS_CRITICAL_SYSTEM_OBJECT))) {
            return Optional.of("critical system object");
        }
        if (containsIgnoreCase(entry.dn(), CONFLICT_MARKERS)) {
            return Optional.of("replication conflict object");
        }
        String cn = entry.commonName();
        if (cn.endsWith("$")) {
            return Optional.of("cn ends with $");
        }
        Optional<String> reason = prefixReason("cn", cn, CN_PREFIXES);
        if (reason.isEmpty() && kind.isUser()) {
            reason = prefixReason(SAM_ACCOUNT_NAME, attributes.firstOrNull(SAM_ACCOUNT_NAME), SAM_ACCOUNT_NAME_PREFIXES)
                    .or(() ->
                            prefixReason(MAIL_NICKNAME, attributes.firstOrNull(MAIL_NICKNAME), MAIL_NICKNAME_PREFIXES));
        }
        if (reason.isEmpty() && kind == ObjectKind.GROUP) {
            reason = groupReason(attributes);
        }
        return reason;
    }

    private static Optional<String> groupReason(Attributes attributes) {
        if (isSecurityGroup(attributes.firstOrNull(GROUP_TYPE))) {
            return attributes.has(MAIL) ? Optional.empty() : Optional.of("security group without mail");
        }
        return attributes.has(PROXY_ADDRESSES)
                ? Optional.empty()
                : Optional.of("distribution group without proxyAddresses");
    }

    /** AD sets the sign bit of groupType on security groups; a group without groupType is a distribution group. */
    private static boolean isSecurityGroup(String groupType) {
        if (groupType == null) {
            return false;
        }
        try {
            return (int) Long.parseLong(groupType.trim()) < 0;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    private static Optional<String> prefixReason(String attribute, String value, List<String> prefixes) {
        if (value == null) {
            return Optional.empty();
        }
        for (String prefix : prefixes) {
            if (value.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return Optional.of("system object (" + attribute + " starts with " + prefix + ")");
            }
        }
        return Optional.empty();
    }

    private static boolean containsIgnoreCase(String text, List<String> needles) {
        for (String needle : needles) {
            for (int i = text.indexOf(needle.charAt(0)); i >= 0; i = text.indexOf(needle.charAt(0), i + 1)) {
                if (text.regionMatches(true, i, needle, 0, needle.length())) {
                    return true;
                }
            }
        }
        return false;
    }
}
