package dev.dirsync.core.rules.internal;

import dev.dirsync.core.rules.ErrorClass;
import dev.dirsync.core.rules.TopLevelDomains;

/**
 * The address rules, in order: TopLevelDomain, DomainPart, LocalPart, Format, each fix feeding the
 * next. They check the address part of a value (after its prefix); a suggested value keeps the
 * prefix. A value without exactly one {@code @}, or with it first or last, gets Format and nothing
 * else.
 */
final class AddressRules {
    private static final CharSet LOCAL_PART_SYMBOLS = CharSet.of(".!#$%&'*+/=?^_`{|}~-");

    private final TopLevelDomains topLevelDomains;
    private final String upnSuffix;

    /** @param upnSuffix {@code mapping.upnSuffix}, the TopLevelDomain fix on userPrincipalName; or null */
    AddressRules(TopLevelDomains topLevelDomains, String upnSuffix) {
        this.topLevelDomains = topLevelDomains;
        this.upnSuffix = upnSuffix;
    }

    /**
     * @param start where the address starts in the value
     * @param userPrincipalName whether the value is a UPN (TopLevelDomain then has a fix)
     * @return false when the value got Format for its {@code @} and no other rule ran
     */
    boolean apply(ValueCheck value, int start, boolean userPrincipalName) {
        String current = value.current();
        if (AddressSyntax.singleAt(current, start) < 0) {
            value.fail(ErrorClass.FORMAT);
            return false;
        }
        topLevelDomain(value, start, userPrincipalName);
        domainPart(value, start);
        localPart(value, start);
        if (!AddressSyntax.isAddress(value.current(), start)) {
            value.fail(ErrorClass.FORMAT);
        }
        return true;
    }

    /** Whether the address after {@code start} passes every address rule. */
    boolean isValid(String value, int start) {
        return AddressSyntax.isAddress(value, start) && hasTopLevelDomain(value, value.indexOf('@', start) + 1);
    }

    private void topLevelDomain(ValueCheck value, int start, boolean userPrincipalName) {
        String current = value.current();
        int at = current.indexOf('@', start);
        if (hasTopLevelDomain(current, at + 1)) {
            return;
        }
        if (userPrincipalName && upnSuffix != null) {
            value.fail(ErrorClass.TOP_LEVEL_DOMAIN, current.substring(0, at + 1) + upnSuffix);
        } else {
            value.fail(ErrorClass.TOP_LEVEL_DOMAIN);
        }
    }

    private boolean hasTopLevelDomain(String value, int domainStart) {
        int lastDot = value.lastIndexOf('.');
        String label = value.substring(Math.max(lastDot + 1, domainStart));
        return !label.isEmpty() && topLevelDomains.isTopLevelDomain(label);
    }

    private static void domainPart(ValueCheck value, int start) {
        String current = value.current();
        int at = current.indexOf('@', start);
        if (AddressSyntax.isDomain(current, at + 1, current.length())) {
            return;
        }
        StringBuilder fixed = new StringBuilder(current.length()).append(current, 0, at + 1);
        for (int i = at + 1; i < current.length(); i++) {
            char c = current.charAt(i);
            if (Text.isAsciiLetterOrDigit(c) || c == '.' || c == '-') {
                fixed.append(c);
            }
        }
        value.fail(ErrorClass.DOMAIN_PART, fixed.toString());
    }

    private static void localPart(ValueCheck value, int start) {
        String current = value.current();
        int at = current.indexOf('@', start);
        if (AddressSyntax.isLocalPart(current, start, at)) {
            return;
        }
        StringBuilder address = new StringBuilder(current.length() - start);
        for (int i = start; i < at; i++) {
            char c = current.charAt(i);
            if (Text.isAsciiLetterOrDigit(c) || LOCAL_PART_SYMBOLS.contains(c)) {
                address.append(c);
            }
        }
        address.append(current, at, current.length());
        value.fail(
                ErrorClass.LOCAL_PART,
                current.substring(0, start) + address.toString().replace(".@", "@"));
    }
}
