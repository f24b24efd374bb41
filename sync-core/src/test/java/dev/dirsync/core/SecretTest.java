package dev.dirsync.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void toString_neverShowsTheValue_butNamesItsOrigin() {
        assertThat(Secret.of("hunter2")).hasToString("****");
        assertThat(Secret.of("hunter2", "env:DB_PASSWORD")).hasToString("**** (env:DB_PASSWORD)");
    }

    @Test
    void reveal_returnsTheValue() {
        assertThat(Secret.of("hunter2", "inline").reveal()).isEqualTo("hunter2");
    }

    @Test
    void equality_isByValue_whateverTheOrigin() {
        assertThat(Secret.of("a", "env:X")).isEqualTo(Secret.of("a")).hasSameHashCodeAs(Secret.of("a"));
        assertThat(Secret.of("a")).isNotEqualTo(Secret.of("b"));
    }
}
