package dev.dirsync.daemon.config;

import dev.dirsync.core.mapping.MappingSettings;
import dev.dirsync.core.removal.RemovalSettings;
import dev.dirsync.ldap.LdapSourceSettings;
import java.nio.file.Path;

/** The whole configuration, validated. Secrets print redacted. */
public record DirsyncConfig(
        Path file,
        LdapSourceSettings source,
        TargetConfig target,
        MappingSettings mapping,
        RulesConfig rules,
        RemovalSettings removal,
        StateConfig state,
        ReportConfig report,
        ScheduleConfig schedule,
        AdminConfig admin) {

    /** Without the service's sections: their defaults. */
    public DirsyncConfig(
            Path file,
            LdapSourceSettings source,
            TargetConfig target,
            MappingSettings mapping,
            RulesConfig rules,
            RemovalSettings removal,
            StateConfig state,
            ReportConfig report) {
        this(
                file,
                source,
                target,
                mapping,
                rules,
                removal,
                state,
                report,
                ScheduleConfig.defaults(),
                AdminConfig.defaults(file.toAbsolutePath().getParent()));
    }

    public DirsyncConfig withTarget(TargetConfig newTarget) {
        return new DirsyncConfig(file, source, newTarget, mapping, rules, removal, state, report, schedule, admin);
    }

    public DirsyncConfig withReport(ReportConfig newReport) {
        return new DirsyncConfig(file, source, target, mapping, rules, removal, state, newReport, schedule, admin);
    }

    public DirsyncConfig withState(StateConfig newState) {
        return new DirsyncConfig(file, source, target, mapping, rules, removal, newState, report, schedule, admin);
    }

    public DirsyncConfig withSchedule(ScheduleConfig newSchedule) {
        return new DirsyncConfig(file, source, target, mapping, rules, removal, state, report, newSchedule, admin);
    }

    public DirsyncConfig withAdmin(AdminConfig newAdmin) {
        return new DirsyncConfig(file, source, target, mapping, rules, removal, state, report, schedule, newAdmin);
    }
}
