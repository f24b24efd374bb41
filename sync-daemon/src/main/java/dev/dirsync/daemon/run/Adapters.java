package dev.dirsync.daemon.run;

import dev.dirsync.cloud.graph.GraphCloudDirectory;
import dev.dirsync.cloud.graph.GraphSettings;
import dev.dirsync.cloud.graph.SoftMatch;
import dev.dirsync.cloud.graph.WriteBudget;
import dev.dirsync.cloud.scim.ScimCloudDirectory;
import dev.dirsync.cloud.scim.ScimSettings;
import dev.dirsync.core.port.CloudDirectory;
import dev.dirsync.core.port.DirectorySource;
import dev.dirsync.core.port.DirectoryWriter;
import dev.dirsync.core.port.ThrottleDeadlines;
import dev.dirsync.core.rules.ReadinessPolicy;
import dev.dirsync.core.rules.RuleSettings;
import dev.dirsync.daemon.config.ConfigException;
import dev.dirsync.daemon.config.DirsyncConfig;
import dev.dirsync.daemon.config.TargetConfig;
import dev.dirsync.ldap.LdapDirectorySources;
import dev.dirsync.ldap.LdapDirectoryWriter;
import dev.dirsync.report.ReportContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Builds the adapters a configuration names. The target's settings constructors validate; their
 * complaints become configuration errors, before anything connects. The source's settings were
 * built, hence validated, as the configuration loaded.
 */
public final class Adapters {
    private Adapters() {}

    /** Validates everything offline; throws {@link ConfigException} listing every problem. */
    public static void validate(DirsyncConfig config) {
        List<String> problems = new ArrayList<>();
        collect(problems, () -> {
            if (config.target().scim()) {
                scimSettings(config.target());
            } else {
                targetSettings(config.target());
            }
        });
        throwIfAny(config, problems);
    }

    public static DirectorySource openSource(DirsyncConfig config) {
        return LdapDirectorySources.open(config.source());
    }

    /** The writer {@code dirsync fix} uses: the source's directory, reached and bound as the source is. */
    public static DirectoryWriter openWriter(DirsyncConfig config) {
        return LdapDirectoryWriter.open(config.source());
    }

    /** @param deadlines where Graph's throttle deadlines are kept between runs (the state store) */
    public static CloudDirectory openTarget(DirsyncConfig config, ThrottleDeadlines deadlines) {
        if (config.target().scim()) {
            return new ScimCloudDirectory(scimSettings(config.target()));
        }
        return new GraphCloudDirectory(targetSettings(config.target()), deadlines);
    }

    public static RuleSettings ruleSettings(DirsyncConfig config) {
        return new RuleSettings(
                config.rules().profile(),
                new HashSet<>(config.rules().verifiedDomains()),
                config.mapping().upnSuffix(),
                new ReadinessPolicy(config.rules().policy()),
                new CommonsTopLevelDomains());
    }

    /** The identity under which the source's cursor is stored: its URL and bases. */
    public static String sourceKey(DirsyncConfig config) {
        return config.source().url() + " " + String.join("; ", config.source().baseDns());
    }

    public static ReportContext reportContext(DirsyncConfig config) {
        return reportContext(config, Instant.now());
    }

    public static ReportContext reportContext(DirsyncConfig config, Instant generatedAt) {
        return new ReportContext(
                generatedAt, sourceKey(config), config.rules().profile().configName());
    }

    static GraphSettings targetSettings(TargetConfig target) {
        GraphSettings.Builder builder = GraphSettings.builder()
                .graphUrl(target.url())
                .tokenUrl(target.tokenUrl())
                .tenantId(target.tenantId())
                .clientId(target.clientId())
                .clientSecret(target.clientSecret());
        if (target.authorityUrl() != null) {
            builder.authorityUrl(target.authorityUrl());
        }
        if (target.certificatePath() != null) {
            builder.certificatePath(target.certificatePath());
            builder.certificatePassword(target.certificatePassword());
        }
        if (target.writeBudgetCount() != null || target.writeBudgetWindow() != null) {
            WriteBudget defaults = GraphSettings.DEFAULT_WRITE_BUDGET;
            builder.writeBudget(
                    target.writeBudgetCount() != null ? target.writeBudgetCount() : defaults.count(),
                    target.writeBudgetWindow() != null ? target.writeBudgetWindow() : defaults.window());
        }
        if (target.concurrency() != null) {
            builder.concurrency(target.concurrency());
        }
        if (target.batch() != null) {
            builder.batch(target.batch());
        }
        if (target.softMatch() != null) {
            builder.softMatch(SoftMatch.fromConfig(target.softMatch()));
        }
        return builder.build();
    }

    static ScimSettings scimSettings(TargetConfig target) {
        return ScimSettings.builder().url(target.url()).token(target.token()).build();
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
