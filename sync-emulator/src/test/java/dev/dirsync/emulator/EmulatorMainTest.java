package dev.dirsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmulatorMainTest {

    @Test
    void parse_allOptions() {
        EmulatorSettings settings = EmulatorMain.parse(
                "--port",
                "9090",
                "--store",
                "cloud.json",
                "--client-id",
                "app",
                "--client-secret=s3cret",
                "--writes-per-second",
                "50",
                "--page-size=10");

        assertThat(settings).isEqualTo(new EmulatorSettings(Path.of("cloud.json"), 9090, "app", "s3cret", 10, 50));
    }

    @Test
    void parse_noOptions_port8080InMemoryDefaultCredentials() {
        EmulatorSettings settings = EmulatorMain.parse();

        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.storeFile()).isNull();
        assertThat(settings.clientId()).isEqualTo(EmulatorSettings.DEFAULT_CLIENT_ID);
        assertThat(settings.writesPerSecond()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--port                 | --port needs a value",
                "--port=eighty          | --port needs a whole number",
                "--verbose=true         | unknown option --verbose",
                "--port=70000           | port must be between 0 and 65535",
                "--writes-per-second=-1 | writesPerSecond must not be negative",
                "'--client-secret=   '  | clientSecret must not be blank"
            })
    void parse_badArguments_explainWhy(String argument, String message) {
        assertThatThrownBy(() -> EmulatorMain.parse(argument))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void settingsToString_hidesSecret() {
        EmulatorSettings settings = EmulatorSettings.builder()
                .clientId("app")
                .clientSecret("s3cret")
                .build();

        assertThat(settings.toString()).contains("app").doesNotContain("s3cret");
    }
}
