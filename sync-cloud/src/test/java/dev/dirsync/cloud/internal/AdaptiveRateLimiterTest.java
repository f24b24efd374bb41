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
    void throttled_emptiesTheBucketAndPausesItForTheRetryAfter_leavingTheRateAlone() throws InterruptedException {
        AdaptiveRateLimiter limiter = limiter(20, Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(10));

        limiter.throttled(Optional.of(Duration.ofSeconds(7)));
        limiter.acquire(1);

        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(7).plus(millis(50)));
        assertThat(limiter.rate()).isEqualTo(20.0);
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

        // 1 s reserved at 20/s; woken at +1 s into a pause until +2 s, then 20 permits at 20/s.
        assertThat(delays).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
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
    void aPauseLongerThanTheLongestWait_defersEveryCallerAtOnceUntilItEnds() throws InterruptedException {
        List<Instant> told = new ArrayList<>();
        AdaptiveRateLimiter limiter =
                new AdaptiveRateLimiter(20, Duration.ofSeconds(1), clock, sleeper, Duration.ofMinutes(5), told::add);
        Instant until = clock.instant().plusSeconds(400);

        limiter.throttled(Optional.of(Duration.ofSeconds(400)));

        assertThat(limiter.acquire(1)).contains(until);
        assertThat(limiter.acquire(10)).contains(until);
        assertThat(limiter.deferral()).contains(until);
        assertThat(limiter.deferredUntil()).contains(until);
        assertThat(told).containsExactly(until);
        assertThat(sleeper.delays()).isEmpty();

        clock.advance(Duration.ofSeconds(101));
        assertThat(limiter.acquire(1)).isEmpty();
        assertThat(sleeper.total()).isEqualTo(Duration.ofSeconds(299).plus(millis(50)));
    }

    @Test
    void aPauseWithinTheLongestWait_isWaitedOutByEveryCaller_andToldOnceForEachLaterEnd() throws InterruptedException {
        List<Instant> told = new ArrayList<>();
        AdaptiveRateLimiter limiter =
                new AdaptiveRateLimiter(20, Duration.ofSeconds(1), clock, sleeper, Duration.ofMinutes(5), told::add);
        Instant start = clock.instant();

        limiter.throttled(Optional.of(Duration.ofSeconds(300)));
        limiter.throttled(Optional.of(Duration.ofSeconds(2)));

        assertThat(limiter.acquire(1)).isEmpty();
        assertThat(sleeper.total()).isEqualTo(Duration.ofSeconds(300).plus(millis(50)));
        assertThat(told).containsExactly(start.plusSeconds(300));
        assertThat(limiter.deferredUntil()).isEmpty();
    }

    @Test
    void pauseUntil_aDeadlineKeptByAnEarlierRun_holdsTheFirstWriteBack() throws InterruptedException {
        List<Instant> told = new ArrayList<>();
        AdaptiveRateLimiter limiter =
                new AdaptiveRateLimiter(20, Duration.ofSeconds(1), clock, sleeper, Duration.ofMinutes(5), told::add);

        limiter.pauseUntil(clock.instant().plusSeconds(30));
        limiter.acquire(1);

        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(30).plus(millis(50)));
        assertThat(told).isEmpty();
    }

    @Test
    void everyTenthWriteThrottledForTwoSeconds_thePaceStaysNearTheBestPossible() throws InterruptedException {
        AdaptiveRateLimiter limiter = limiter(20, Duration.ofSeconds(1));

        Pace pace = againstAServerThrottlingEvery(limiter, 10, Duration.ofSeconds(2), 2000);

        // Nine writes at 20/s, then two seconds of pause: 9 / (0.45 + 2) = 3.67 writes/s at best.
        assertThat(pace.ratioTo(9 / (9 / 20.0 + 2))).isGreaterThan(0.9);
        assertThat(limiter.rate()).isEqualTo(20.0);
    }

    @Test
    void everySecondWriteThrottledForOneSecond_thePaceStaysNearTheBestPossible() throws InterruptedException {
        AdaptiveRateLimiter limiter = limiter(20, Duration.ofSeconds(1));

        Pace pace = againstAServerThrottlingEvery(limiter, 2, Duration.ofSeconds(1), 400);

        // One write at 20/s, then a second of pause: 1 / (0.05 + 1) = 0.95 writes/s at best.
        assertThat(pace.ratioTo(1 / (1 / 20.0 + 1))).isGreaterThan(0.9);
    }

    @Test
    void aServerAllowingHalfTheBudgetWithoutNamingAWait_theRateSettlesBelowItWithFewThrottles()
            throws InterruptedException {
        AdaptiveRateLimiter limiter = limiter(20, Duration.ofSeconds(1));
        double allowed = 10;
        double serverTokens = allowed;
        Instant refilled = clock.instant();
        int passed = 0;
        int throttles = 0;
        Instant settled = null;
        for (int write = 0; write < 6000; write++) {
            limiter.acquire(1);
            Instant now = clock.instant();
            serverTokens = Math.min(
                    allowed, serverTokens + Duration.between(refilled, now).toNanos() / 1e9 * allowed);
            refilled = now;
            if (write == 1000) {
                settled = now;
                passed = 0;
                throttles = 0;
            }
            if (serverTokens >= 1) {
                serverTokens--;
                passed++;
                limiter.succeeded(1);
            } else {
                throttles++;
                limiter.throttled(Optional.empty());
            }
        }
        double seconds = Duration.between(settled, clock.instant()).toNanos() / 1e9;

        assertThat(passed / seconds / allowed).isBetween(0.6, 1.0);
        assertThat(throttles * 1000.0 / (passed + throttles)).isLessThan(10.0);
    }

    /** What writers achieved once settled: writes that passed per second of the clock. */
    private record Pace(int passed, Duration elapsed) {
        double ratioTo(double best) {
            return passed / (elapsed.toNanos() / 1e9) / best;
        }
    }

    /**
     * Writes one after the other against a server that throttles every {@code nth} write for
     * {@code retryAfter}, as every writer of a run shares the limiter; the pace of the second half.
     */
    private Pace againstAServerThrottlingEvery(AdaptiveRateLimiter limiter, int nth, Duration retryAfter, int writes)
            throws InterruptedException {
        Instant settled = clock.instant();
        int passed = 0;
        for (int write = 1; write <= writes; write++) {
            if (write == writes / 2 + 1) {
                settled = clock.instant();
                passed = 0;
            }
            assertThat(limiter.acquire(1)).isEmpty();
            if (write % nth == 0) {
                limiter.throttled(Optional.of(retryAfter));
            } else {
                passed++;
                limiter.succeeded(1);
            }
        }
        return new Pace(passed, Duration.between(settled, clock.instant()));
    }

    @Test
    void budgetWithoutPermitsOrWindow_refused() {
        assertThatThrownBy(() -> limiter(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limiter(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
