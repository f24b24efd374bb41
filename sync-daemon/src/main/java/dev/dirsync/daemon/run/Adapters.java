package dev.dirsync.daemon.run;

import dev.dirsync.cloud.graph.GraphCloudDirectory;
import dev.dirsync.cloud.graph.GraphSettings;
import dev.dirsync.core.port.CloudDirectory;
import dev.dirsync.core.port.DirectorySource;
import dev.dirsync.core.rules.ReadinessPolicy;
import dev.dirsync.core.rules.RuleSettings;
import dev.dirsync.daemon.config.ConfigException;
import dev.dirsync.daemon.config.DirsyncConfig;
import dev.dirsync.daemon.config.SourceConfig;
import dev.dirsync.daemon.config.TargetConfig;
import dev.dirsync.ldap.LdapDirectorySources;
import dev.dirsync.ldap.LdapSourceSettings;
import dev.dirsync.report.ReportContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Builds the adapters a configuration names. The settings constructors validate; their complaints
 * become configuration errors, before anything connects.
 */
public final class Adapters {
    private Adapters() {
    }

    /** Validates everything offline; throws {@link ConfigException} listing every problem. */
    public static void validate(DirsyncConfig config) {
        List<String> problems = new ArrayList<>();
        collect(problems, () -> sourceSettings(config.source()));
        collect(problems, () -> targetSettings(config.target()));
        throwIfAny(config, problems);
    }

    /** Validates the source settings only (a check never contacts the cloud). */
    public static void validateSource(DirsyncConfig config) {
        List<String> problems = new ArrayList<>();
        collect(problems, () -> sourceSettings(config.source()));
        throwIfAny(config, problems);
    }

    public static DirectorySource openSource(DirsyncConfig config) {
        return LdapDirectorySources.open(sourceSettings(config.source()));
    }

    public static CloudDirectory openTarget(DirsyncConfig config) {
        return new GraphCloudDirectory(targetSettings(config.target()));
    }

    public static RuleSettings ruleSettings(DirsyncConfig config) {
        return new RuleSettings(config.rules().profile(), new HashSet<>(config.rules().verifiedDomains()),
                config.mapping().upnSuffix(), new ReadinessPolicy(config.rules().policy()), new CommonsTopLevelDomains());
    }

    /** The identity under which the source's cursor is stored: its URL and bases. */
    public static String sourceKey(DirsyncConfig config) {
        return config.source().url() + " " + String.join("; ", config.source().baseDns());
    }

    public static ReportContext reportContext(DirsyncConfig config) {
        return reportContext(config, Instant.now());
    }

    public static ReportContext reportContext(DirsyncConfig config, Instant generatedAt) {
        return new ReportContext(generatedAt, sourceKey(config), config.rules().profile().configName());
    }

    static LdapSourceSettings sourceSettings(SourceConfig source) {
        return new LdapSourceSettings(source.url(), source.bindDn(),
                source.password() == null ? null : source.password().reveal(), source.baseDns(), source.filter(),
                source.pageSize(), LdapSourceSettings.DEFAULT_CONNECT_TIMEOUT, LdapSourceSettings.DEFAULT_RESPONSE_TIMEOUT);
    }

    static GraphSettings targetSettings(TargetConfig target) {
        return GraphSettings.builder()
                .graphUrl(target.url())
                .tokenUrl(target.tokenUrl())
                .tenantId(target.tenantId())
                .clientId(target.clientId())
                .clientSecret(target.clientSecret() == null ? null : target.clientSecret().reveal())
                .build();
    }

    private static void collect(List<String> problems, Runnable build) {
        try {
            build.run();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
    }

    private static void throwIfAny(DirsyncConfig config, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new ConfigException(String.valueOf(config.file()), problems);
        }
    }
}
