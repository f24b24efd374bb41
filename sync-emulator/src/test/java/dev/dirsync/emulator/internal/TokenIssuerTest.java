package dev.dirsync.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenIssuerTest {

    @Test
    void issuedToken_validUntilItsLifetimeEnds() {
        MutableClock clock = new MutableClock();
        TokenIssuer issuer = new TokenIssuer(clock);

        String token = issuer.issue();

        assertThat(issuer.check(token)).isEqualTo(TokenIssuer.Check.VALID);
        assertThat(issuer.check("other")).isEqualTo(TokenIssuer.Check.UNKNOWN);
        assertThat(issuer.check(null)).isEqualTo(TokenIssuer.Check.UNKNOWN);
        clock.now = clock.now.plus(TokenIssuer.LIFETIME).plus(Duration.ofSeconds(1));
        assertThat(issuer.check(token)).isEqualTo(TokenIssuer.Check.EXPIRED);
        assertThat(issuer.issue()).isNotEqualTo(token);
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2024-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
