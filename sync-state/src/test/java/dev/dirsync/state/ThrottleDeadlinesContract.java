package dev.dirsync.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.core.port.ThrottleDeadlines;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ThrottleDeadlines}: per service, the time before which it asked for no
 * writes. Implemented by the test class of each store, which supplies a fresh, empty store per test.
 */
interface ThrottleDeadlinesContract {
    String GRAPH = "https://graph.microsoft.com tenant contoso.example";
    String OTHER = "https://graph.microsoft.com tenant fabrikam.example";
    Instant AT = Instant.parse("2024-05-06T07:06:40.123456Z");

    ThrottleDeadlines throttleDeadlines();

    @Test
    default void writesDeferredUntil_neverStored_isEmpty() {
        assertThat(throttleDeadlines().writesDeferredUntil(GRAPH)).isEmpty();
    }

    @Test
    default void deferWritesUntil_thenRead_returnsItForThatServiceOnly() {
        throttleDeadlines().deferWritesUntil(GRAPH, AT);

        assertThat(throttleDeadlines().writesDeferredUntil(GRAPH)).contains(AT);
        assertThat(throttleDeadlines().writesDeferredUntil(OTHER)).isEmpty();
    }

    @Test
    default void deferWritesUntil_later_replacesIt_earlier_doesNot() {
        throttleDeadlines().deferWritesUntil(GRAPH, AT);
        throttleDeadlines().deferWritesUntil(GRAPH, AT.plusSeconds(400));
        throttleDeadlines().deferWritesUntil(GRAPH, AT.plusSeconds(2));

        assertThat(throttleDeadlines().writesDeferredUntil(GRAPH)).contains(AT.plusSeconds(400));
    }
}
