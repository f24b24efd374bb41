package dev.dirsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The SCIM part of the emulator's settings and command line. */
class ScimSettingsTest {

    @Test
    void scimToken_defaultsAndNeverShows() {
        EmulatorSettings settings =
                EmulatorSettings.builder().scimToken("tok-123").build();

        assertThat(EmulatorSettings.defaults().scimToken()).isEqualTo(EmulatorSettings.DEFAULT_SCIM_TOKEN);
        assertThat(settings.scimToken()).isEqualTo("tok-123");
        assertThat(settings.toString()).doesNotContain("tok-123").contains("scimToken=***");
        assertThatThrownBy(() -> EmulatorSettings.builder().scimToken(" ").build())
                .hasMessage("scimToken must not be blank");
    }

    @Test
    void commandLine_scimToken() {
        assertThat(EmulatorMain.parse("--scim-token", "abc").scimToken()).isEqualTo("abc");
        assertThat(EmulatorMain.parse("--scim-token=xyz").scimToken()).isEqualTo("xyz");
    }

    @Test
    void scimUrl_isBelowTheEmulatorUrl() {
        try (CloudEmulator emulator = CloudEmulator.start(EmulatorSettings.defaults())) {
            assertThat(emulator.scimUrl()).isEqualTo(emulator.url() + "/scim/v2");
        }
    }
}
