package dev.dirsync.core.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FixTextTest {
    @Test
    void quote_escapesControlCharacters_soOneValueStaysOnOneLine() {
        assertThat(FixText.quote("a\tb\nc\u0007\\")).isEqualTo("'a\\tb\\nc\\u0007\\\\'");
    }

    @Test
    void quote_keepsNonAsciiLetters() {
        assertThat(FixText.quote("Jörg Müller")).isEqualTo("'Jörg Müller'");
    }

    @Test
    void quote_ofNull_isNone() {
        assertThat(FixText.quote(null)).isEqualTo("(none)");
    }

    @Test
    void describe_listsEveryValueLostAndGained() {
        assertThat(FixText.describe(List.of("a", "b", "c"), List.of("c", "d"))).isEqualTo("'a', 'b' -> 'd'");
        assertThat(FixText.describe(List.of("a"), List.of("a"))).isEqualTo("no change");
    }
}
