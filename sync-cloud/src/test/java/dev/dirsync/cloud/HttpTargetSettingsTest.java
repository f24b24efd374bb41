package dev.dirsync.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpTargetSettingsTest {

    @Test
    void of_defaultsTimeoutsAndAttempts_andNormalisesTheUrl() {
        HttpTargetSettings settings = HttpTargetSettings.of("https://target.example.com/api/");

        assertThat(settings)
                .isEqualTo(new HttpTargetSettings(
                        "https://target.example.com/api", Duration.ofSeconds(10), Duration.ofSeconds(60), 6));
    }

    @Test
    void everySharedKey_isRefusedByItsName() {
        assertThatThrownBy(() -> HttpTargetSettings.of(" ")).hasMessage("target.url is required");
        assertThatThrownBy(() -> HttpTargetSettings.of("http://target.example.com"))
                .hasMessageStartingWith("target.url must use https");
        assertThatThrownBy(() -> new HttpTargetSettings("https://t.example", Duration.ZERO, null, 1))
                .hasMessage("target.connectTimeout must be positive, got PT0S");
        assertThatThrownBy(() -> new HttpTargetSettings("https://t.example", null, Duration.ofSeconds(-1), 1))
                .hasMessage("target.readTimeout must be positive, got PT-1S");
        assertThatThrownBy(() -> new HttpTargetSettings("https://t.example", null, null, 21))
                .hasMessage("target.maxAttempts must be between 1 and 20, got 21");
    }
}
