package dev.dirsync.core.rules;

/**
 * Rule sets: the multi-tenant rules (default) or IdFix's dedicated rule set; both are described in
 * docs/readiness-rules.md.
 */
public enum Profile {
    MULTI_TENANT("multiTenant"),
    DEDICATED("dedicated");

    private final String configName;

    Profile(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static Profile fromConfigName(String name) {
        for (Profile p : values()) {
            if (p.configName.equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + name + "' (expected multiTenant or dedicated)");
    }
}
