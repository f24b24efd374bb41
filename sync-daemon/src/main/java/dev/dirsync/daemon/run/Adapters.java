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
import dev.dirsync.core.rules.ReadinessPolicy;
import dev.dirsync.core.rules.RuleSettings;
import dev.dirsync.daemon.config.ConfigException;
import dev.dirsync.daemon.config.DirsyncConfig;
import dev.dirsync.daemon.config.Secret;
import dev.dirsync.daemon.config.SourceConfig;
import dev.dirsync.daemon.config.SourceTlsConfig;
import dev.dirsync.daemon.config.TargetConfig;
import dev.dirsync.ldap.LdapDirectorySources;
import dev.dirsync.ldap.LdapDirectoryWriter;
import dev.dirsync.ldap.LdapSourceSettings;
import dev.dirsync.ldap.LdapTlsSettings;
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
        collect(problems, () -> {
            if (config.target().scim()) {
                scimSettings(config.target());
            } else {
                targetSettings(config.target());
            }
        });
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

    /** The writer {@code dirsync fix} uses: the source's directory, reached and bound as the source is. */
    public static DirectoryWriter openWriter(DirsyncConfig config) {
        return LdapDirectoryWriter.open(sourceSettings(config.source()));
    }

    public static CloudDirectory openTarget(DirsyncConfig config) {
        if (config.target().scim()) {
            return new ScimCloudDirectory(scimSettings(config.target()));
        }
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
        return LdapSourceSettings.builder()
                .urls(source.urls())
                .bindDn(source.bindDn())
                .password(reveal(source.password()))
                .baseDns(source.baseDns())
                .filter(source.filter())
                .pageSize(source.pageSize())
                .excludedDns(source.excludedDns())
                .groupDn(source.groupDn())
                .skipDisabled(source.skipDisabled())
                .tls(tlsSettings(source.tls()))
                .allowCleartext(source.allowCleartext())
                .connectTimeout(source.connectTimeout())
                .responseTimeout(source.responseTimeout())
                .build();
    }

    static LdapTlsSettings tlsSettings(SourceTlsConfig tls) {
        return new LdapTlsSettings(tls.mode(), tls.trustStore(), reveal(tls.trustStorePassword()), tls.trustStoreType(),
                tls.insecure());
    }

    private static String reveal(Secret secret) {
        return secret == null ? null : secret.reveal();
    }

    static GraphSettings targetSettings(TargetConfig target) {
        GraphSettings.Builder builder = GraphSettings.builder()
                .graphUrl(target.url())
                .tokenUrl(target.tokenUrl())
                .tenantId(target.tenantId())
                .clientId(target.clientId())
                .clientSecret(target.clientSecret() == null ? null : target.clientSecret().reveal());
        if (target.authorityUrl() != null) {
            builder.authorityUrl(target.authorityUrl());
        }
        if (target.certificatePath() != null) {
            builder.certificatePath(target.certificatePath());
            if (target.certificatePassword() != null) {
                builder.certificatePassword(target.certificatePassword().reveal());
            }
        }
        if (target.writeBudgetCount() != null || target.writeBudgetWindow() != null) {
            WriteBudget defaults = WriteBudget.GRAPH_DEFAULT;
            builder.writeBudget(target.writeBudgetCount() != null ? target.writeBudgetCount() : defaults.count(),
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
        return ScimSettings.builder().url(target.url()).token(target.token() == null ? null : target.token().reveal())
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
