package dev.dirsync.core.rules;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Settings of the readiness rules.
 *
 * @param verifiedDomains the tenant's verified domains, lower-case; empty means "not configured"
 *     (no UnverifiedDomain rule)
 * @param upnSuffix {@code mapping.upnSuffix}, or null
 */
public record RuleSettings(
        Profile profile,
        Set<String> verifiedDomains,
        String upnSuffix,
        ReadinessPolicy policy,
        TopLevelDomains topLevelDomains) {
    public RuleSettings {
        Objects.requireNonNull(profile, "profile");
        verifiedDomains = verifiedDomains == null
                ? Set.of()
                : verifiedDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(topLevelDomains, "topLevelDomains");
    }
}
