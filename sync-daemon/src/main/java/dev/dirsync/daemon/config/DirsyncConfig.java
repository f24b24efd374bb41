package dev.dirsync.daemon.config;

import dev.dirsync.core.mapping.MappingSettings;
import dev.dirsync.core.removal.RemovalSettings;
import java.nio.file.Path;

/** The whole configuration, validated. Secrets print redacted. */
public record DirsyncConfig(Path file, SourceConfig source, TargetConfig target, MappingSettings mapping, RulesConfig rules,
                            RemovalSettings removal, StateConfig state, ReportConfig report) {

    public DirsyncConfig withTarget(TargetConfig newTarget) {
        return new DirsyncConfig(file, source, newTarget, mapping, rules, removal, state, report);
    }

    public DirsyncConfig withReport(ReportConfig newReport) {
        return new DirsyncConfig(file, source, target, mapping, rules, removal, state, newReport);
    }

    public DirsyncConfig withState(StateConfig newState) {
        return new DirsyncConfig(file, source, target, mapping, rules, removal, newState, report);
    }
}
