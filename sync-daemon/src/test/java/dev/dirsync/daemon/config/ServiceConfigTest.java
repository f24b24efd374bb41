package dev.dirsync.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's sections: schedule.* and admin.*. */
class ServiceConfigTest {
    private static final String BASE =
            """
            source:
              url: ldaps://dc1.corp.example.com
              bindDn: CN=svc,DC=corp,DC=example,DC=com
              password: pw
              baseDn: DC=corp,DC=example,DC=com
            target:
              tenantId: contoso
              clientId: app-1
              clientSecret: secret
            """;

    @TempDir
    Path dir;

    private DirsyncConfig load(String extra, Map<String, String> env) throws IOException {
        Path file = dir.resolve("dirsync.yaml");
        Files.writeString(file, BASE + extra);
        return new ConfigLoader(env).load(file);
    }

    @Test
    void defaults() throws IOException {
        DirsyncConfig config = load("", Map.of());

        assertThat(config.schedule().deltaInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.schedule().fullCron()).isEqualTo("0 0 3 * * ?");
        assertThat(config.schedule().staging()).isFalse();
        assertThat(config.admin().bind()).isEqualTo("127.0.0.1");
        assertThat(config.admin().port()).isEqualTo(8470);
        assertThat(config.admin().token()).isNull();
        assertThat(config.admin().tokenFile()).isEqualTo(dir.resolve("data/admin-token"));
        assertThat(config.admin().tls()).isNull();
        assertThat(config.admin().clientUrl()).isEqualTo("http://127.0.0.1:8470");
    }

    @Test
    void explicitValues_andATokenFromTheEnvironment() throws IOException {
        DirsyncConfig config = load(
                """
                schedule:
                  deltaInterval: PT5M
                  fullCron: 0 30 2 ? * SUN
                  staging: true
                admin:
                  bind: localhost
                  port: 9000
                  token: ${env:ADMIN_TOKEN}
                  tokenFile: secrets/token
                """,
                Map.of("ADMIN_TOKEN", "t0ken-Zq3vX9kLmP2rT7wYb4nC8dF1gH5j"));

        assertThat(config.schedule()).isEqualTo(new ScheduleConfig(Duration.ofMinutes(5), "0 30 2 ? * SUN", true));
        assertThat(config.admin().token().reveal()).isEqualTo("t0ken-Zq3vX9kLmP2rT7wYb4nC8dF1gH5j");
        assertThat(config.admin().token().toString()).doesNotContain("t0ken");
        assertThat(config.admin().tokenFile()).isEqualTo(dir.resolve("secrets/token"));
        assertThat(config.admin().port()).isEqualTo(9000);
    }

    @Test
    void secretsOfAdminAndState_neverAppearInToString() throws IOException {
        Files.writeString(dir.resolve("admin.p12"), "not really a key store");
        DirsyncConfig config = load(
                """
                admin:
                  token: ${env:ADMIN_TOKEN}
                  tls:
                    keyStore: admin.p12
                    password: store-pass-value
                state:
                  url: jdbc:postgresql://db.corp.example.com/dirsync
                  user: dirsync
                  password: ${env:DB_PASSWORD}
                """,
                Map.of("ADMIN_TOKEN", "t0ken-value-Zq3vX9kLmP2rT7wYb4nC8", "DB_PASSWORD", "db-pass-value"));

        assertThat(config.state().password().reveal()).isEqualTo("db-pass-value");
        assertThat(config.toString())
                .doesNotContain("t0ken-value", "store-pass-value", "db-pass-value")
                .contains("env:ADMIN_TOKEN", "env:DB_PASSWORD");
    }

    @Test
    void badValues_areEachNamedByTheirKey() {
        assertThatThrownBy(() -> load(
                        """
                schedule:
                  deltaInterval: 30 minutes
                  fullCron: every night
                  staging: maybe
                admin:
                  port: 70000
                  colour: blue
                """,
                        Map.of()))
                .isInstanceOf(ConfigException.class)
                .satisfies(
                        e -> assertThat(((ConfigException) e).problems())
                                .containsExactlyInAnyOrder(
                                        "schedule.deltaInterval: must be an ISO-8601 duration such as PT30M, got '30 minutes'",
                                        "schedule.fullCron: must be a Quartz cron expression (seconds minutes hours day-of-month month"
                                                + " day-of-week, e.g. '0 0 3 * * ?'), got 'every night'",
                                        "schedule.staging: must be true or false, got 'maybe'",
                                        "admin.port: must be between 0 and 65535, got 70000",
                                        "admin.colour: unknown key (expected one of bind, port, token, tokenFile, tls, allowInsecureBind)"));
    }

    @Test
    void nonLoopbackBind_needsTlsOrAnExplicitInsecureFlag() throws IOException {
        assertThatThrownBy(() -> load("admin:\n  bind: 0.0.0.0\n", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("admin.bind: '0.0.0.0' is not a loopback address");

        DirsyncConfig insecure = load("admin:\n  bind: 0.0.0.0\n  allowInsecureBind: true\n", Map.of());
        assertThat(insecure.admin().clientUrl()).isEqualTo("http://127.0.0.1:8470");

        Files.writeString(dir.resolve("admin.p12"), "not really a key store");
        DirsyncConfig tls =
                load("admin:\n  bind: 0.0.0.0\n  tls:\n    keyStore: admin.p12\n    password: changeit\n", Map.of());
        assertThat(tls.admin().tls().keyStore()).isEqualTo(dir.resolve("admin.p12"));
        assertThat(tls.admin().clientUrl()).startsWith("https://");
    }
}
