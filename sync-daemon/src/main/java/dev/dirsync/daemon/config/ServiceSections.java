package dev.dirsync.daemon.config;

import dev.dirsync.core.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.quartz.CronExpression;

/** Reads the service's sections, {@code schedule.*} and {@code admin.*}. */
final class ServiceSections {
    private static final Duration SHORTEST_INTERVAL = Duration.ofSeconds(1);

    private ServiceSections() {}

    static ScheduleConfig schedule(ConfigNode node, Problems problems) {
        node.rejectUnknown(List.of("deltaInterval", "fullCron", "staging"));
        Duration interval = ScheduleConfig.DEFAULT_DELTA_INTERVAL;
        String intervalText = node.text("deltaInterval", null);
        if (intervalText != null) {
            try {
                interval = Duration.parse(intervalText.trim());
                if (interval.compareTo(SHORTEST_INTERVAL) < 0) {
                    problems.add(
                            node.path("deltaInterval"),
                            "must be at least PT1S, " + node.got("deltaInterval", intervalText));
                    interval = ScheduleConfig.DEFAULT_DELTA_INTERVAL;
                }
            } catch (DateTimeParseException e) {
                problems.add(
                        node.path("deltaInterval"),
                        "must be an ISO-8601 duration such as PT30M, "
                                + node.got("deltaInterval", "'" + intervalText + "'"));
            }
        }
        String cron = node.text("fullCron", ScheduleConfig.DEFAULT_FULL_CRON).trim();
        if (!CronExpression.isValidExpression(cron)) {
            problems.add(
                    node.path("fullCron"),
                    "must be a Quartz cron expression (seconds minutes hours day-of-month"
                            + " month day-of-week, e.g. '0 0 3 * * ?'), " + node.got("fullCron", "'" + cron + "'"));
            cron = ScheduleConfig.DEFAULT_FULL_CRON;
        }
        return new ScheduleConfig(interval, cron, node.bool("staging", false));
    }

    static AdminConfig admin(ConfigNode node, Problems problems, Path base) {
        node.rejectUnknown(List.of("bind", "port", "token", "tokenFile", "tls", "allowInsecureBind"));
        String bind = node.text("bind", AdminConfig.DEFAULT_BIND).trim();
        int port = node.integer("port", AdminConfig.DEFAULT_PORT, 0, 65_535);
        Secret token = node.secret("token", false);
        if (token != null && !token.reveal().isEmpty() && !AdminConfig.strongToken(token)) {
            problems.add(
                    node.path("token"),
                    "is too weak: use at least " + AdminConfig.MIN_TOKEN_LENGTH + " characters with at least "
                            + AdminConfig.MIN_TOKEN_DISTINCT_CHARACTERS
                            + " different ones (e.g. the output of 'openssl rand -base64 32')");
        }
        Path tokenFile = base.resolve(node.text("tokenFile", AdminConfig.DEFAULT_TOKEN_FILE))
                .normalize();
        boolean insecure = node.bool("allowInsecureBind", false);
        AdminTlsConfig tls = tls(node.child("tls"), problems, base);
        if (bind.isEmpty()) {
            problems.add(node.path("bind"), "must not be empty");
            bind = AdminConfig.DEFAULT_BIND;
        } else if (tls == null && !insecure && !AdminConfig.isLoopback(bind)) {
            problems.add(
                    node.path("bind"),
                    "'" + bind + "' is not a loopback address: set admin.tls.keyStore and"
                            + " admin.tls.password to serve HTTPS, or admin.allowInsecureBind: true to accept plain HTTP");
        }
        return new AdminConfig(bind, port, token, tokenFile, tls, insecure);
    }

    private static AdminTlsConfig tls(ConfigNode node, Problems problems, Path base) {
        node.rejectUnknown(List.of("keyStore", "password"));
        String keyStore = node.text("keyStore", null);
        Secret password = node.secret("password", keyStore != null);
        if (keyStore == null) {
            if (password != null) {
                problems.add(node.path("keyStore"), "is required when admin.tls.password is set");
            }
            return null;
        }
        Path file = base.resolve(keyStore).normalize();
        if (!java.nio.file.Files.isReadable(file)) {
            problems.add(node.path("keyStore"), "key store " + file + " cannot be read");
        }
        return password == null ? null : new AdminTlsConfig(file, password);
    }
}
