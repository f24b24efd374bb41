package dev.dirsync.daemon.config;

import dev.dirsync.core.mapping.MappingSettings;
import java.nio.file.Path;

/** The whole configuration, validated. Secrets print redacted. */
public record DirsyncConfig(Path file, SourceConfig source, TargetConfig target, MappingSettings mapping, RulesConfig rules,
                            ReportConfig report) {

    public DirsyncConfig withTarget(TargetConfig newTarget) {
        return new DirsyncConfig(file, source, newTarget, mapping, rules, report);
    }

    public DirsyncConfig withReport(ReportConfig newReport) {
        return new DirsyncConfig(file, source, target, mapping, rules, newReport);
    }
}
