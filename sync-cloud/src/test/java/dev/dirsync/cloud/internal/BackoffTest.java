package dev.dirsync.cloud.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {
    private final Backoff backoff =
            new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), new SplittableRandom(7));

    @ParameterizedTest
    @CsvSource({"1, 500", "2, 1000", "3, 2000", "4, 4000", "6, 16000", "7, 30000", "20, 30000", "200, 30000"})
    void ceiling_doublesPerFailure_cappedAt30s(int failures, long millis) {
        assertThat(backoff.ceilingMillis(failures)).isEqualTo(millis);
    }

    @Test
    void delay_isJitteredWithinTheUpperHalfOfTheCeiling() {
        for (int failures = 1; failures <= 10; failures++) {
            long ceiling = backoff.ceilingMillis(failures);
            for (int i = 0; i < 200; i++) {
                assertThat(backoff.delay(failures).toMillis()).isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void delay_varies() {
        assertThat(java.util.stream.IntStream.range(0, 50)
                        .mapToObj(i -> backoff.delay(5))
                        .distinct()
                        .count())
                .isGreaterThan(10);
    }
}
