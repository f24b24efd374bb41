package dev.dirsync.daemon.config;

import dev.dirsync.core.rules.ErrorClass;
import dev.dirsync.core.rules.PolicyAction;
import dev.dirsync.core.rules.Profile;
import java.util.List;
import java.util.Map;

/** {@code rules.*}: readiness profile, verified domains and per-class policy. */
public record RulesConfig(Profile profile, List<String> verifiedDomains, Map<ErrorClass, PolicyAction> policy) {
    public RulesConfig {
        verifiedDomains = List.copyOf(verifiedDomains);
        policy = Map.copyOf(policy);
    }
}
