package dev.dirsync.core.rules;

/** Rule sets: the spec's multi-tenant rules (default) or IdFix's dedicated rule set. */
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
