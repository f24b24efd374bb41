package dev.dirsync.state.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void redact_masksPasswordSettingsOfPostgresqlAndH2() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://db/x?user=u&password=p1&sslmode=require&sslpassword=p2"))
                .isEqualTo("jdbc:postgresql://db/x?user=u&password=***&sslmode=require&sslpassword=***");
        assertThat(JdbcUrls.redact("jdbc:h2:file:./data/dirsync;USER=sa;PASSWORD=p3;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:file:./data/dirsync;USER=sa;PASSWORD=***;WRITE_DELAY=0");
    }

    @Test
    void redact_masksUserInformation() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://u:p4@db:5432/x")).isEqualTo("jdbc:postgresql://***@db:5432/x");
    }

    @Test
    void redact_leavesAUrlWithoutCredentialsAlone() {
        String url = "jdbc:postgresql://db.corp:5432/dirsync?currentSchema=state";

        assertThat(JdbcUrls.redact(url)).isEqualTo(url);
        assertThat(JdbcUrls.redact(null)).isNull();
    }

    @Test
    void supported_areH2AndPostgresql_inAnyCase() {
        assertThat(JdbcUrls.isSupported("jdbc:h2:mem:x")).isTrue();
        assertThat(JdbcUrls.isSupported("JDBC:PostgreSQL://db/x")).isTrue();
        assertThat(JdbcUrls.isSupported("jdbc:mysql://db/x")).isFalse();
    }
}
