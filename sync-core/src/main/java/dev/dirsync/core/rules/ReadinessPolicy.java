package dev.dirsync.core.rules;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Block, fix or warn per error class (docs/readiness-rules.md, "Policy"). Defaults: block
 * everything, except Length on displayName, givenName and sn, which is fixed (truncated). A
 * configured class applies to every attribute. Anchor and NoAddress always block, whatever is
 * configured: such an object has nothing to be exported as.
 */
public final class ReadinessPolicy {
    private static final Set<String> FIXED_LENGTH_BY_DEFAULT = Set.of("displayname", "givenname", "sn");
    private static final Set<ErrorClass> ALWAYS_BLOCKED = EnumSet.of(ErrorClass.ANCHOR, ErrorClass.NO_ADDRESS);

    private final Map<ErrorClass, PolicyAction> configured;

    public ReadinessPolicy(Map<ErrorClass, PolicyAction> configured) {
        this.configured = configured.isEmpty() ? Map.of() : new EnumMap<>(configured);
    }

    public static ReadinessPolicy defaults() {
        return new ReadinessPolicy(Map.of());
    }

    public PolicyAction actionFor(ErrorClass errorClass, String attribute) {
        if (ALWAYS_BLOCKED.contains(errorClass)) {
            return PolicyAction.BLOCK;
        }
        PolicyAction action = configured.get(errorClass);
        if (action != null) {
            return action;
        }
        if (errorClass == ErrorClass.LENGTH && FIXED_LENGTH_BY_DEFAULT.contains(attribute.toLowerCase(Locale.ROOT))) {
            return PolicyAction.FIX;
        }
        return PolicyAction.BLOCK;
    }

    @Override
    public String toString() {
        return "ReadinessPolicy" + configured;
    }
}
