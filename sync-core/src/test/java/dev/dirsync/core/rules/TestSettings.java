package dev.dirsync.core.rules;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** Rule settings for tests: multi-tenant, nothing configured, the real top-level-domain list. */
public final class TestSettings {
    private static final TopLevelDomains TOP_LEVEL_DOMAINS = new ValidatorTopLevelDomains();

    private final Profile profile;
    private final Map<ErrorClass, PolicyAction> policy = new EnumMap<>(ErrorClass.class);
    private Set<String> verifiedDomains = Set.of();
    private String upnSuffix;

    private TestSettings(Profile profile) {
        this.profile = profile;
    }

    public static TestSettings multiTenant() {
        return new TestSettings(Profile.MULTI_TENANT);
    }

    public static TestSettings dedicated() {
        return new TestSettings(Profile.DEDICATED);
    }

    public TestSettings upnSuffix(String suffix) {
        this.upnSuffix = suffix;
        return this;
    }

    public TestSettings verifiedDomains(String... domains) {
        this.verifiedDomains = Set.of(domains);
        return this;
    }

    public TestSettings policy(ErrorClass errorClass, PolicyAction action) {
        policy.put(errorClass, action);
        return this;
    }

    public RuleSettings build() {
        return new RuleSettings(profile, verifiedDomains, upnSuffix, new ReadinessPolicy(policy), TOP_LEVEL_DOMAINS);
    }

    public ReadinessChecker checker() {
        return new ReadinessChecker(build());
    }
}
