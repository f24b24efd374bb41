package dev.dirsync.core.rules.internal;

import static dev.dirsync.core.rules.internal.AttributeNames.PROXY_ADDRESSES;
import static dev.dirsync.core.rules.internal.AttributeNames.USER_PRINCIPAL_NAME;

import dev.dirsync.core.model.Attributes;
import dev.dirsync.core.rules.ErrorClass;
import dev.dirsync.core.rules.Finding;
import dev.dirsync.core.rules.PolicyAction;
import dev.dirsync.core.rules.ProposedAction;
import dev.dirsync.core.rules.ReadinessPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the readiness policy to one object's findings: blocked when a class resolves to BLOCK;
 * otherwise a value with a FIX class is replaced by its suggested value (dropped when the proposal
 * is REMOVE or nothing is suggested), a WARN-only value is kept, and a duplicate value is dropped.
 * A userPrincipalName whose only classes are TopLevelDomain and/or UnverifiedDomain is exported at
 * {@code mapping.upnSuffix} whatever the policy, when that suffix is set. A value that is not valid
 * UTF-8 or holds a control character is never exported as it is: where the policy would export it
 * unchanged (or a suggestion that still is such a value), the object is blocked instead.
 */
final class PolicyApplier {

    /** The policy's verdict on one object. */
    record Verdict(boolean blocked, Attributes effective) {}

    private enum Decision {
        KEEP,
        REPLACE,
        DROP,
        BLOCK
    }

    private final ReadinessPolicy policy;
    private final String upnSuffix;

    PolicyApplier(ReadinessPolicy policy, String upnSuffix) {
        this.policy = policy;
        this.upnSuffix = upnSuffix;
    }

    Verdict apply(Attributes attributes, List<IndexedFinding> findings) {
        boolean blocked = false;
        Map<String, List<String>> edited = new LinkedHashMap<>();
        for (IndexedFinding indexed : findings) {
            Finding finding = indexed.finding();
            switch (decide(finding)) {
                case BLOCK -> blocked = true;
                case REPLACE -> edit(edited, attributes, finding.attribute(), indexed.index(), finding.suggested());
                case DROP -> edit(edited, attributes, finding.attribute(), indexed.index(), null);
                case KEEP -> {}
            }
        }
        if (edited.isEmpty()) {
            return new Verdict(blocked, attributes);
        }
        Attributes.Builder effective = attributes.toBuilder();
        edited.forEach((attribute, values) -> {
            effective.remove(attribute);
            values.forEach(value -> effective.add(attribute, value));
        });
        return new Verdict(blocked, effective.build());
    }

    private Decision decide(Finding finding) {
        Decision decision = settle(finding);
        String exported =
                switch (decision) {
                    case KEEP -> finding.value();
                    case REPLACE -> finding.suggested();
                    case DROP, BLOCK -> null;
                };
        return EncodingRule.unexportable(exported) ? Decision.BLOCK : decision;
    }

    private Decision settle(Finding finding) {
        List<ErrorClass> classes = finding.classes();
        if (upnSuffix != null && USER_PRINCIPAL_NAME.equals(finding.attribute()) && onlyDomainClasses(classes)) {
            return Decision.REPLACE;
        }
        boolean fix = false;
        for (ErrorClass errorClass : classes) {
            PolicyAction action = policy.actionFor(errorClass, finding.attribute());
            if (action == PolicyAction.BLOCK) {
                return Decision.BLOCK;
            }
            fix |= action == PolicyAction.FIX;
        }
        if (classes.contains(ErrorClass.DUPLICATE)) {
            return Decision.DROP;
        }
        if (!fix) {
            return Decision.KEEP;
        }
        boolean removed = PROXY_ADDRESSES.equals(finding.attribute()) && finding.action() == ProposedAction.REMOVE;
        return removed || finding.suggested() == null || finding.suggested().isEmpty()
                ? Decision.DROP
                : Decision.REPLACE;
    }

    private static boolean onlyDomainClasses(List<ErrorClass> classes) {
        for (ErrorClass errorClass : classes) {
            if (errorClass != ErrorClass.TOP_LEVEL_DOMAIN && errorClass != ErrorClass.UNVERIFIED_DOMAIN) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sets value {@code index} of {@code attribute}; null drops it (the builder skips nulls, so the
     * indexes of the other values stay valid meanwhile). Only proxyAddresses is multi-valued here;
     * a single-valued attribute keeps just the new value.
     */
    private static void edit(
            Map<String, List<String>> edited, Attributes attributes, String attribute, int index, String value) {
        if (!PROXY_ADDRESSES.equals(attribute)) {
            edited.put(attribute, value == null ? List.of() : List.of(value));
            return;
        }
        edited.computeIfAbsent(attribute, name -> new ArrayList<>(attributes.all(name)))
                .set(index, value);
    }
}
