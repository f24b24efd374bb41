package dev.dirsync.cloud.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The write budget on a clock that only moves when the limiter waits. */
class AdaptiveRateLimiterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-06T07:00:00Z"));
    private final AdvancingSleeper sleeper = new AdvancingSleeper(clock);

    private AdaptiveRateLimiter limiter(int permits, Duration window) {
        return new AdaptiveRateLimiter(permits, window, clock, sleeper);
    }

    private static Duration millis(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void graphsBudget_isTwentyWritesPerSecond() {
        AdaptiveRateLimiter limiter = limiter(3000, Duration.ofSeconds(150));

        assertThat(limiter.ceiling()).isEqualTo(20.0);
        assertThat(limiter.rate()).isEqualTo(20.0);
    }

    @Test
    void startsEmpty_thenPacesWritesAtTheBudget() throws InterruptedException {
        AdaptiveRateLimiter limiter = limiter(20, Duration.ofSeconds(1));

        for (int i = 0; i < 100; i++) {
            limiter.acquire(1);
        }

        assertThat(sleeper.delays()).hasSize(100).containsOnly(millis(50));
        assertThat(sleeper.total()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aBatchReservation_waitsForItsShareOfTheBudget() throws InterruptedException {
        AdaptiveRateLimiter limiter = limiter(20, Duration.ofSeconds(1));

        limiter.acquire(20);
        limiter.acquire(10);

        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(1), millis(500));
    }

    @Test
    void idleTime_fillsTheBucketWithOneSecondsWorthOnly() throws InterruptedException {
        AdaptiveRateLimiter limiter = limiter(20, Duration.ofSeconds(1));
        clock.advance(Duration.ofMinutes(1));

        limiter.acquire(20);
        assertThat(sleeper.delays()).isEmpty();

        limiter.acquire(1);
        assertThat(sleeper.delays()).containsExactly(millis(50));
    }

    @Test
    void throttled_halvesTheRateAtMostOncePerSecond() {
        AdaptiveRateLimiter limiter = limiter(20, Duration.ofSeconds(1));

        limiter.throttled(Optional.empty());
        limiter.throttled(Optional.empty());
        assertThat(limiter.rate()).isEqualTo(10.0);

        clock.advance(Duration.ofSeconds(1));
        limiter.throttled(Optional.empty());
        assertThat(limiter.rate()).isEqualTo(5.0);
    }

    @Test
    void throttled_emptiesTheBucketAndPausesItForTheRetryAfter() throws InterruptedException {
        AdaptiveRateLimiter limiter = limiter(20, Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(10));

        limiter.throttled(Optional.of(Duration.ofSeconds(7)));
        limiter.acquire(1);

        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(7).plus(millis(100)));
    }

    @Test
    void throttled_whileAReservationWaits_itIsMadeAgainUnderThePauseAndTheLowerRate() throws Exception {
        CountDownLatch sleeping = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Duration> delays = new ArrayList<>();
        Sleeper firstSleepBlocks = delay -> {
            synchronized (delays) {
                delays.add(delay);
            }
            if (sleeping.getCount() > 0) {
                sleeping.countDown();
                assertThat(release.await(5, TimeUnit.SECONDS)).isTrue();
            }
            clock.advance(delay);
        };
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(20, Duration.ofSeconds(1), clock, firstSleepBlocks);
        Thread writer = new Thread(() -> {
            try {
                limiter.acquire(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        writer.start();
        assertThat(sleeping.await(5, TimeUnit.SECONDS)).isTrue();

        limiter.throttled(Optional.of(Duration.ofSeconds(2)));
        release.countDown();
        writer.join(5000);

        // 1 s reserved at 20/s; woken at +1 s into a pause until +2 s, then 20 permits at 10/s.
        assertThat(delays).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    @Test
    void succeeded_raisesTheRateAdditivelyUpToTheBudget() {
        AdaptiveRateLimiter limiter = limiter(20, Duration.ofSeconds(1));
        limiter.throttled(Optional.empty());

        limiter.succeeded(100);
        assertThat(limiter.rate()).isCloseTo(14.0, within(1e-9));

        limiter.succeeded(150);
        assertThat(limiter.rate()).isCloseTo(20.0, within(1e-9));

        limiter.succeeded(1000);
        assertThat(limiter.rate()).isEqualTo(20.0);
    }

    @Test
    void throttledAgainAndAgain_neverFallsBelowAHundredthOfTheBudget() {
        AdaptiveRateLimiter limiter = limiter(20, Duration.ofSeconds(1));

        for (int i = 0; i < 20; i++) {
            limiter.throttled(Optional.empty());
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(limiter.rate()).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void waitsUnderAMillisecond_areNotSleptButCarriedOver() throws InterruptedException {
        AdaptiveRateLimiter limiter = limiter(1_000_000, Duration.ofSeconds(1));

        for (int i = 0; i < 100; i++) {
            limiter.acquire(1);
        }
        assertThat(sleeper.delays()).isEmpty();

        limiter.acquire(1000);
        assertThat(sleeper.delays()).singleElement().isEqualTo(Duration.ofNanos(1_100_000));
    }

    @Test
    void concurrentCallers_shareOneBudget() throws InterruptedException {
        AdaptiveRateLimiter limiter =
                new AdaptiveRateLimiter(200, Duration.ofSeconds(1), Clock.systemUTC(), Sleeper.SYSTEM);
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    for (int i = 0; i < 25; i++) {
                        limiter.acquire(1);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        // 100 permits at 200 per second from an empty bucket: half a second, whoever asks.
        assertThat(tookMillis).isBetween(480L, 3000L);
    }

    @Test
    void budgetWithoutPermitsOrWindow_refused() {
        assertThatThrownBy(() -> limiter(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limiter(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
