package dev.dirsync.core.rules.internal;

import dev.dirsync.core.rules.ErrorClass;
import java.util.Locale;
import java.util.Set;

/**
 * UnverifiedDomain: an address whose domain is neither one of the tenant's verified domains nor a
 * subdomain of one. Only when verified domains are configured. The fix exists only on
 * userPrincipalName, when {@code mapping.upnSuffix} is set: the local part at that suffix.
 */
final class UnverifiedDomainRule {
    private final Set<String> verifiedDomains;
    private final String upnSuffix;

    /** @param verifiedDomains lower-case; empty disables the rule */
    UnverifiedDomainRule(Set<String> verifiedDomains, String upnSuffix) {
        this.verifiedDomains = verifiedDomains;
        this.upnSuffix = upnSuffix;
    }

    /** Checks an address that holds exactly one {@code @} after {@code start}. */
    void apply(ValueCheck value, int start, boolean userPrincipalName) {
        String current = value.current();
        int at = current.indexOf('@', start);
        if (at < 0 || isVerified(current.substring(at + 1))) {
            return;
        }
        if (userPrincipalName && upnSuffix != null) {
            value.fail(ErrorClass.UNVERIFIED_DOMAIN, current.substring(0, at + 1) + upnSuffix);
        } else {
            value.fail(ErrorClass.UNVERIFIED_DOMAIN);
        }
    }

    /** True when the rule is off or the domain is verified (itself or a parent domain). */
    boolean isVerified(String domain) {
        if (verifiedDomains.isEmpty()) {
            return true;
        }
        String candidate = domain.toLowerCase(Locale.ROOT);
        while (true) {
            if (verifiedDomains.contains(candidate)) {
                return true;
            }
            int dot = candidate.indexOf('.');
            if (dot < 0) {
                return false;
            }
            candidate = candidate.substring(dot + 1);
        }
    }

    /** True when the rule is off or the address's domain is verified. */
    boolean isVerifiedAddress(String value, int start) {
        if (verifiedDomains.isEmpty()) {
            return true;
        }
        int at = value.indexOf('@', start);
        return at >= 0 && isVerified(value.substring(at + 1));
    }
}
