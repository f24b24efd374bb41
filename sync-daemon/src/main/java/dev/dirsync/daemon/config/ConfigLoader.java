package dev.dirsync.daemon.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.cloud.graph.GraphSettings;
import dev.dirsync.core.Secret;
import dev.dirsync.core.mapping.MappingSettings;
import dev.dirsync.core.removal.RemovalAction;
import dev.dirsync.core.removal.RemovalSettings;
import dev.dirsync.core.rules.ErrorClass;
import dev.dirsync.core.rules.PolicyAction;
import dev.dirsync.core.rules.Profile;
import dev.dirsync.ldap.LdapSourceSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the YAML configuration into {@link DirsyncConfig} and validates it without connecting to
 * anything. Every problem is reported with its key path; the first problem does not hide the rest.
 */
public final class ConfigLoader {
    private final Map<String, String> environment;

    public ConfigLoader(Map<String, String> environment) {
        this.environment = environment;
    }

    public static ConfigLoader fromSystem() {
        return new ConfigLoader(System.getenv());
    }

    public DirsyncConfig load(Path file) {
        JsonNode root = YamlReader.read(file);
        Path base = file.toAbsolutePath().getParent();
        Problems problems = new Problems();
        ConfigNode top = new ConfigNode(root, "", problems, new ReferenceResolver(environment, base));
        top.rejectUnknown(
                List.of("source", "target", "mapping", "rules", "removal", "state", "report", "schedule", "admin"));

        LdapSourceSettings source = SourceSection.read(top.child("source"), problems, base);
        TargetConfig target = target(top.child("target"), problems, base);
        MappingSettings mapping = mapping(top.child("mapping"), problems);
        RulesConfig rules = rules(top.child("rules"), problems);
        RemovalSettings removal = removal(top.child("removal"), problems);
        StateConfig state = StateSection.read(top.child("state"), problems, base);
        ConfigNode reportNode = top.child("report");
        reportNode.rejectUnknown(List.of("directory"));
        ReportConfig report = new ReportConfig(
                base.resolve(reportNode.text("directory", "reports")).normalize());
        ScheduleConfig schedule = ServiceSections.schedule(top.child("schedule"), problems);
        AdminConfig admin = ServiceSections.admin(top.child("admin"), problems, base);

        if (!problems.isEmpty()) {
            throw new ConfigException(file.toString(), problems.list());
        }
        return new DirsyncConfig(file, source, target, mapping, rules, removal, state, report, schedule, admin);
    }

    private static TargetConfig target(ConfigNode node, Problems problems, Path base) {
        node.rejectUnknown(List.of(
                "type",
                "url",
                "tokenUrl",
                "authorityUrl",
                "tenantId",
                "clientId",
                "clientSecret",
                "certificate",
                "writeBudget",
                "concurrency",
                "batch",
                "softMatch",
                "token"));
        String type = node.text("type", "graph");
        if (!"graph".equals(type) && !"scim".equals(type)) {
            problems.add(node.path("type"), "must be graph or scim, " + node.got("type", "'" + type + "'"));
        }
        if ("scim".equals(type)) {
            String url = node.requiredText("url");
            Secret token = node.secret("token", true);
            return new TargetConfig(
                    type, url, null, null, null, null, null, null, null, null, null, null, null, null, token);
        }
        String url = node.text("url", GraphSettings.DEFAULT_GRAPH_URL);
        String tenantId = node.requiredText("tenantId");
        String clientId = node.requiredText("clientId");
        Secret clientSecret = node.secret("clientSecret", false);
        ConfigNode certificate = node.child("certificate");
        certificate.rejectUnknown(List.of("path", "password"));
        String certificatePath = certificate.text("path", null);
        if (clientSecret == null && certificatePath == null) {
            problems.add(node.path("clientSecret"), "is required (or set target.certificate.path)");
        }
        ConfigNode budget = node.child("writeBudget");
        budget.rejectUnknown(List.of("count", "window"));
        Integer budgetCount = budget.has("count") ? budget.integer("count", 0, 1, 1_000_000) : null;
        Duration budgetWindow = budget.has("window") ? duration(budget, "window", problems) : null;
        Integer concurrency = node.has("concurrency") ? node.integer("concurrency", 1, 1, 64) : null;
        Boolean batch = node.has("batch") ? node.bool("batch", true) : null;
        return new TargetConfig(
                type,
                url,
                node.text("tokenUrl", null),
                node.text("authorityUrl", null),
                tenantId,
                clientId,
                clientSecret,
                certificatePath == null ? null : base.resolve(certificatePath).normalize(),
                certificate.secret("password", false),
                budgetCount,
                budgetWindow,
                concurrency,
                batch,
                node.text("softMatch", null),
                null);
    }

    private static Duration duration(ConfigNode node, String key, Problems problems) {
        String text = node.text(key, null);
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            problems.add(
                    node.path(key), "must be an ISO-8601 duration such as PT150S, " + node.got(key, "'" + text + "'"));
            return null;
        }
    }

    private static MappingSettings mapping(ConfigNode node, Problems problems) {
        node.rejectUnknown(List.of("upnSuffix", "usageLocation"));
        try {
            return new MappingSettings(node.text("upnSuffix", null), node.text("usageLocation", null));
        } catch (IllegalArgumentException e) {
            problems.add("mapping", e.getMessage());
            return new MappingSettings(null, null);
        }
    }

    private static RemovalSettings removal(ConfigNode node, Problems problems) {
        node.rejectUnknown(List.of("action", "threshold", "thresholdPercent"));
        RemovalAction action = RemovalAction.DELETE;
        String actionName = node.text("action", "delete");
        try {
            action = RemovalAction.valueOf(actionName.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(
                    node.path("action"), "must be delete or disable, " + node.got("action", "'" + actionName + "'"));
        }
        int threshold = node.integer("threshold", RemovalSettings.DEFAULT_THRESHOLD, 0, Integer.MAX_VALUE);
        int percent = node.integer("thresholdPercent", RemovalSettings.DEFAULT_THRESHOLD_PERCENT, 0, 100);
        return new RemovalSettings(action, threshold, percent);
    }

    private static RulesConfig rules(ConfigNode node, Problems problems) {
        node.rejectUnknown(List.of("profile", "verifiedDomains", "policy"));
        Profile profile = Profile.MULTI_TENANT;
        String profileName = node.text("profile", null);
        if (profileName != null) {
            try {
                profile = Profile.fromConfigName(profileName);
            } catch (IllegalArgumentException e) {
                problems.add(
                        node.path("profile"),
                        "must be multiTenant or dedicated, " + node.got("profile", "'" + profileName + "'"));
            }
        }
        List<String> verified = node.textList("verifiedDomains");
        Map<ErrorClass, PolicyAction> policy = new EnumMap<>(ErrorClass.class);
        node.textMap("policy").forEach((className, action) -> {
            String key = node.path("policy") + "." + className;
            try {
                ErrorClass errorClass = ErrorClass.fromLabel(className);
                policy.put(
                        errorClass,
                        PolicyAction.valueOf(String.valueOf(action).trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add(
                        key,
                        "must name an error class (Blank, Length, Character, Format, TopLevelDomain, DomainPart, "
                                + "LocalPart, Duplicate, UnverifiedDomain) with block, fix or warn");
            }
        });
        return new RulesConfig(profile, verified, policy);
    }
}
