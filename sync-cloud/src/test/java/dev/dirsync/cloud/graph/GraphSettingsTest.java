package dev.dirsync.cloud.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GraphSettingsTest {
    private static final String SECRET = "Zx8Q~s3cr3t.value_THAT-must-not-leak";

    private static GraphSettings.Builder valid() {
        return GraphSettings.builder().tenantId("contoso.example").clientId("client-1").clientSecret(SECRET);
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

        assertThat(settings.toString()).doesNotContain(SECRET).contains("clientSecret=****").contains("client-1");
        assertThat(valid().toString()).doesNotContain(SECRET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost:9000/", "http://[::1]:8443", "http://127.0.0.2",
        "https://graph.microsoft.us"})
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
    @CsvSource(delimiter = '|', value = {
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

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(key);
    }

    @Test
    void requiredValues_missing_rejectedNamingTheKey() {
        assertThatThrownBy(() -> valid().tenantId(" ").build()).hasMessage("target.tenantId is required");
        assertThatThrownBy(() -> valid().tenantId("a/b").build()).hasMessageStartingWith("target.tenantId");
        assertThatThrownBy(() -> valid().clientId(null).build()).hasMessage("target.clientId is required");
        assertThatThrownBy(() -> valid().clientSecret("").build()).hasMessage("target.clientSecret is required");
    }

    @Test
    void limits_outOfRange_rejectedNamingTheKey() {
        assertThatThrownBy(() -> valid().maxAttempts(0).build()).hasMessageStartingWith("target.maxAttempts");
        assertThatThrownBy(() -> valid().connectTimeout(Duration.ZERO).build()).hasMessageStartingWith("target.connectTimeout");
        assertThatThrownBy(() -> valid().readTimeout(Duration.ofSeconds(-1)).build()).hasMessageStartingWith("target.readTimeout");
    }

    @Test
    void rejections_neverQuoteTheSecret() {
        assertThatThrownBy(() -> valid().graphUrl("http://example.com").build()).message().doesNotContain(SECRET);
        assertThatThrownBy(() -> valid().tenantId(null).build()).message().doesNotContain(SECRET);
    }
}
