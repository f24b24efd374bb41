package dev.dirsync.cloud.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC);

    /**
     * | header                          | wait  |
     * |---------------------------------|-------|
     * | delay-seconds                   | as is |
     * | HTTP-date in the future         | until then |
     * | HTTP-date in the past           | zero  |
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0 | PT0S",
                "1 | PT1S",
                " 120 | PT2M",
                "'Mon, 06 May 2024 07:08:39 GMT' | PT30S",
                "'Mon, 06 May 2024 07:08:09 GMT' | PT0S",
                "'Mon, 06 May 2024 06:00:00 GMT' | PT0S",
            })
    void parse_secondsOrDate_waitFromNow(String header, Duration expected) {
        assertThat(RetryAfter.parse(header, NOW)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"soon", "-5", "1.5", "Monday"})
    void parse_absentOrUnreadable_empty(String header) {
        assertThat(RetryAfter.parse(header, NOW)).isEqualTo(Optional.empty());
    }
}
