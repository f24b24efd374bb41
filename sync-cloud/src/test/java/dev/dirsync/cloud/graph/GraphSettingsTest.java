package dev.dirsync.cloud.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dirsync.cloud.graph.internal.TestCertificates;
import dev.dirsync.core.Secret;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GraphSettingsTest {
    private static final String SECRET = "Zx8Q~s3cr3t.value_THAT-must-not-leak";

    private static GraphSettings.Builder valid() {
        return GraphSettings.builder()
                .tenantId("contoso.example")
                .clientId("client-1")
                .clientSecret(Secret.of(SECRET));
    }

    @Test
    void defaults_publicCloudTenantTokenEndpointAndTimeouts() {
        GraphSettings settings = GraphSettings.of("8a7b6c5d-0000-1111-2222-333344445555", "client-1", SECRET);

        assertThat(settings.graphUrl()).isEqualTo("https://graph.microsoft.com");
        assertThat(settings.tokenUrl())
                .isEqualTo("https://login.microsoftonline.com/8a7b6c5d-0000-1111-2222-333344445555/oauth2/v2.0/token");
        assertThat(settings.scope()).isEqualTo("https://graph.microsoft.com/.default");
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.maxAttempts()).isEqualTo(6);
    }

    @Test
    void toString_redactsTheSecret() {
        GraphSettings settings = valid().build();

        assertThat(settings.toString())
                .doesNotContain(SECRET)
                .contains("clientSecret=****")
                .contains("client-1");
        assertThat(valid().toString()).doesNotContain(SECRET);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080",
                "http://localhost:9000/",
                "http://[::1]:8443",
                "http://127.0.0.2",
                "https://graph.microsoft.us"
            })
    void graphUrl_httpsOrLoopbackHttp_accepted(String url) {
        GraphSettings settings = valid().graphUrl(url).build();

        assertThat(settings.graphUrl()).doesNotEndWith("/");
    }

    /**
     * | key             | value                          | why refused               |
     * |-----------------|--------------------------------|---------------------------|
     * | target.url      | http to a routable host        | token would travel clear  |
     * | target.url      | no scheme / ftp / query        | not a Graph root          |
     * | target.tokenUrl | http to a routable host        | secret would travel clear |
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "graph | http://graph.microsoft.com | target.url",
                "graph | http://10.0.0.5:8080 | target.url",
                "graph | http://localhost.evil.example | target.url",
                "graph | http://127.0.0.1.nip.example | target.url",
                "graph | graph.microsoft.com | target.url",
                "graph | ftp://graph.microsoft.com | target.url",
                "graph | https://graph.microsoft.com?x=1 | target.url",
                "graph | https://user:pw@graph.microsoft.com | target.url",
                "token | http://login.microsoftonline.com/t/oauth2/v2.0/token | target.tokenUrl",
                "token | not a url | target.tokenUrl",
            })
    void urls_insecureOrMalformed_rejectedNamingTheKey(String which, String url, String key) {
        GraphSettings.Builder builder = which.equals("graph") ? valid().graphUrl(url) : valid().tokenUrl(url);

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(key);
    }

    @Test
    void requiredValues_missing_rejectedNamingTheKey() {
        assertThatThrownBy(() -> valid().tenantId(" ").build()).hasMessage("target.tenantId is required");
        assertThatThrownBy(() -> valid().tenantId("a/b").build()).hasMessageStartingWith("target.tenantId");
        assertThatThrownBy(() -> valid().clientId(null).build()).hasMessage("target.clientId is required");
        assertThatThrownBy(() -> valid().clientSecret(Secret.of("")).build())
                .hasMessage("target.clientSecret or target.certificate.path is required");
    }

    @Test
    void limits_outOfRange_rejectedNamingTheKey() {
        assertThatThrownBy(() -> valid().maxAttempts(0).build()).hasMessageStartingWith("target.maxAttempts");
        assertThatThrownBy(() -> valid().connectTimeout(Duration.ZERO).build())
                .hasMessageStartingWith("target.connectTimeout");
        assertThatThrownBy(() -> valid().readTimeout(Duration.ofSeconds(-1)).build())
                .hasMessageStartingWith("target.readTimeout");
    }

    @Test
    void defaults_authorityWriteBudgetConcurrencyBatchAndSoftMatch() {
        GraphSettings settings = valid().build();

        assertThat(settings.authorityUrl()).isEqualTo("https://login.microsoftonline.com");
        assertThat(settings.writeBudget()).isEqualTo(new WriteBudget(3000, Duration.ofSeconds(150)));
        assertThat(settings.writeBudget().perSecond()).isEqualTo(20.0);
        assertThat(settings.concurrency()).isEqualTo(4);
        assertThat(settings.batch()).isTrue();
        assertThat(settings.softMatch()).isEqualTo(SoftMatch.OFF);
        assertThat(settings.certificate()).isNull();
    }

    @Test
    void authorityUrl_nationalCloud_buildsTheTokenUrl_unlessOneIsGiven() {
        GraphSettings usGov = valid().authorityUrl("https://login.microsoftonline.us/")
                .graphUrl("https://graph.microsoft.us")
                .build();
        GraphSettings explicit = valid().authorityUrl("https://login.microsoftonline.us")
                .tokenUrl("https://login.microsoftonline.us/other/oauth2/v2.0/token")
                .build();

        assertThat(usGov.tokenUrl()).isEqualTo("https://login.microsoftonline.us/contoso.example/oauth2/v2.0/token");
        assertThat(usGov.scope()).isEqualTo("https://graph.microsoft.us/.default");
        assertThat(explicit.tokenUrl()).isEqualTo("https://login.microsoftonline.us/other/oauth2/v2.0/token");
        assertThatThrownBy(
                        () -> valid().authorityUrl("http://login.example.com").build())
                .hasMessageStartingWith("target.authorityUrl must use https");
    }

    @Test
    void pacingAndMatching_set() {
        GraphSettings settings = valid().writeBudget(20, Duration.ofSeconds(1))
                .concurrency(8)
                .batch(false)
                .softMatch(SoftMatch.SMTP)
                .build();

        assertThat(settings.writeBudget().perSecond()).isEqualTo(20.0);
        assertThat(settings.concurrency()).isEqualTo(8);
        assertThat(settings.batch()).isFalse();
        assertThat(settings.softMatch()).isEqualTo(SoftMatch.SMTP);
        assertThat(settings.toString())
                .contains("writeBudget=20 per 1.0 s", "concurrency=8", "batch=false", "softMatch=smtp");
    }

    @Test
    void pacing_outOfRange_rejectedNamingTheKey() {
        assertThatThrownBy(() -> valid().concurrency(0).build())
                .hasMessage("target.concurrency must be between 1 and 64, got 0");
        assertThatThrownBy(() -> valid().concurrency(65).build()).hasMessageStartingWith("target.concurrency");
        assertThatThrownBy(() -> valid().writeBudget(0, Duration.ofSeconds(150)).build())
                .hasMessage("target.writeBudget.count must be at least 1, got 0");
        assertThatThrownBy(() -> valid().writeBudget(3000, Duration.ZERO).build())
                .hasMessage("target.writeBudget.window must be positive, got PT0S");
        assertThatThrownBy(() -> valid().writeBudget(3000, null).build())
                .hasMessage("target.writeBudget.window is required");
    }

    @ParameterizedTest
    @CsvSource({"off, OFF", "UPN, UPN", " smtp , SMTP"})
    void softMatch_fromConfig(String value, SoftMatch expected) {
        assertThat(SoftMatch.fromConfig(value)).isEqualTo(expected);
    }

    @Test
    void softMatch_unknownValue_rejectedNamingTheKey() {
        assertThatThrownBy(() -> SoftMatch.fromConfig("fuzzy"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target.softMatch must be off, upn or smtp, got 'fuzzy'");
    }

    @Test
    void certificate_insteadOfTheSecret_checkedAtOnceAndNeverShown(@TempDir Path dir) {
        Path pkcs12 = TestCertificates.rsaPkcs12(dir, "settings-app");
        GraphSettings.Builder certificate = valid().clientSecret(null)
                .certificatePath(pkcs12)
                .certificatePassword(Secret.of(TestCertificates.PASSWORD));

        GraphSettings settings = certificate.build();
        assertThat(settings.certificate().path()).isEqualTo(pkcs12);
        assertThat(settings.clientSecret()).isNull();
        assertThat(settings.toString())
                .doesNotContain(TestCertificates.PASSWORD)
                .contains("password=****");

        assertThatThrownBy(() -> certificate.clientSecret(Secret.of(SECRET)).build())
                .hasMessage("target.clientSecret and target.certificate exclude each other: configure one of them");
        assertThatThrownBy(() -> valid().clientSecret(null)
                        .certificatePath(pkcs12)
                        .certificatePassword(Secret.of("wrong"))
                        .build())
                .hasMessage("target.certificate.password does not open the PKCS#12 file " + pkcs12);
        assertThatThrownBy(() -> valid().clientSecret(null)
                        .certificatePath(dir.resolve("missing.pfx"))
                        .build())
                .hasMessageStartingWith("target.certificate.path: cannot read ");
        assertThatThrownBy(() -> valid().certificatePassword(Secret.of("only-a-password"))
                        .build())
                .hasMessage("target.certificate.path is required when target.certificate.password is set");
    }

    @Test
    void rejections_neverQuoteTheSecret() {
        assertThatThrownBy(() -> valid().graphUrl("http://example.com").build())
                .message()
                .doesNotContain(SECRET);
        assertThatThrownBy(() -> valid().tenantId(null).build()).message().doesNotContain(SECRET);
    }
}
