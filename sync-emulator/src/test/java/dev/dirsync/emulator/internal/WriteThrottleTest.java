package dev.dirsync.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WriteThrottleTest {
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void burstOfOneSecond_thenRefusedUntilRefilled() {
        WriteThrottle throttle = new WriteThrottle(3, nanos::get);

        assertThat(throttle.tryAcquire()).isEmpty();
        assertThat(throttle.tryAcquire()).isEmpty();
        assertThat(throttle.tryAcquire()).isEmpty();
        assertThat(throttle.tryAcquire()).isEqualTo(OptionalLong.of(1));

        nanos.addAndGet(340_000_000L); // a third of a second refills one write
        assertThat(throttle.tryAcquire()).isEmpty();
        assertThat(throttle.tryAcquire()).isPresent();
    }

    @Test
    void slowRate_retryAfterCoversTheWholeWait() {
        WriteThrottle throttle = new WriteThrottle(1, nanos::get);
        throttle.tryAcquire();

        nanos.addAndGet(100_000_000L);

        assertThat(throttle.tryAcquire()).isEqualTo(OptionalLong.of(1));
    }

    @Test
    void idleTime_neverBanksMoreThanOneSecond() {
        WriteThrottle throttle = new WriteThrottle(2, nanos::get);

        nanos.addAndGet(60_000_000_000L);

        assertThat(throttle.tryAcquire()).isEmpty();
        assertThat(throttle.tryAcquire()).isEmpty();
        assertThat(throttle.tryAcquire()).isPresent();
    }
}
