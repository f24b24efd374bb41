package dev.dirsync.core.rules;

import dev.dirsync.core.model.Attributes;
import dev.dirsync.core.model.SourceEntry;
import java.util.List;

/**
 * The readiness verdict on one object.
 *
 * @param findings every finding, in attribute order then rule order
 * @param blocked true when a finding's policy is BLOCK, or a value holding a control character or
 *     U+FFFD would otherwise be exported (the object must not be exported)
 * @param effective the attributes to export: values with a FIX finding replaced by the suggested
 *     value (a proxyAddresses value proposed for REMOVE dropped), duplicate values dropped (unless
 *     the object is blocked), a non-routable or unverified UPN suffix replaced by
 *     {@code mapping.upnSuffix}; otherwise the values as read
 */
public record CheckResult(SourceEntry entry, List<Finding> findings, boolean blocked, Attributes effective) {
    public CheckResult {
        findings = List.copyOf(findings);
    }

    public static CheckResult clean(SourceEntry entry) {
        return new CheckResult(entry, List.of(), false, entry.attributes());
    }
}
