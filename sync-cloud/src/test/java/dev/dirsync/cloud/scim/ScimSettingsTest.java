package dev.dirsync.cloud.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dirsync.cloud.HttpTargetSettings;
import dev.dirsync.core.Secret;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScimSettingsTest {
    private static final String TOKEN = "tok-3n.secret_value";

    @Test
    void of_defaultsAndANormalisedUrl() {
        ScimSettings settings = ScimSettings.of("https://scim.example.com/scim/v2/", TOKEN);

        assertThat(settings.url()).isEqualTo("https://scim.example.com/scim/v2");
        assertThat(settings.connectTimeout()).isEqualTo(HttpTargetSettings.DEFAULT_CONNECT_TIMEOUT);
        assertThat(settings.readTimeout()).isEqualTo(HttpTargetSettings.DEFAULT_READ_TIMEOUT);
        assertThat(settings.maxAttempts()).isEqualTo(HttpTargetSettings.DEFAULT_MAX_ATTEMPTS);
    }

    @Test
    void toString_neverShowsTheToken() {
        ScimSettings settings = ScimSettings.of("http://127.0.0.1:8080/scim/v2", TOKEN);

        assertThat(settings.toString()).doesNotContain(TOKEN).contains("token=****");
        assertThat(ScimSettings.builder().token(Secret.of(TOKEN)).toString()).doesNotContain(TOKEN);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "         | target.url is required",
                "ftp://scim.example.com | target.url must be an absolute https URL",
                "http://scim.example.com/scim/v2 | target.url must use https (plain http is accepted only for a loopback address)",
                "https://user:pw@scim.example.com | target.url must not carry user info, a query or a fragment",
                "https://scim.example.com/v2?x=1 | target.url must not carry user info, a query or a fragment"
            })
    void url_refusedNamingTheKey(String url, String message) {
        assertThatThrownBy(() -> ScimSettings.of(url, TOKEN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void loopbackHttp_accepted() {
        assertThat(ScimSettings.of("http://localhost:9000/scim/v2", TOKEN).url())
                .isEqualTo("http://localhost:9000/scim/v2");
        assertThat(ScimSettings.of("http://[::1]:9000/scim", TOKEN).url()).isEqualTo("http://[::1]:9000/scim");
    }

    @Test
    void token_requiredAndVisibleAsciiOnly_withoutEchoingIt() {
        assertThatThrownBy(() -> ScimSettings.of("https://scim.example.com", " "))
                .hasMessage("target.token is required");
        assertThatThrownBy(() -> ScimSettings.of("https://scim.example.com", "abc\ndef-secret"))
                .hasMessage("target.token may hold only visible ASCII characters, but character 4 is not one")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("def-secret"));
    }

    @Test
    void timeoutsAndAttempts_validatedNamingTheirKeys() {
        assertThatThrownBy(() -> ScimSettings.builder()
                        .url("https://s.example")
                        .token(Secret.of(TOKEN))
                        .readTimeout(Duration.ZERO)
                        .build())
                .hasMessageStartingWith("target.readTimeout must be positive");
        assertThatThrownBy(() -> ScimSettings.builder()
                        .url("https://s.example")
                        .token(Secret.of(TOKEN))
                        .connectTimeout(Duration.ofSeconds(-1))
                        .build())
                .hasMessageStartingWith("target.connectTimeout must be positive");
        assertThatThrownBy(() -> ScimSettings.builder()
                        .url("https://s.example")
                        .token(Secret.of(TOKEN))
                        .maxAttempts(0)
                        .build())
                .hasMessage("target.maxAttempts must be between 1 and 20, got 0");
    }
}
