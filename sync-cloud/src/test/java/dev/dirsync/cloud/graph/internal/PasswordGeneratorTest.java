package dev.dirsync.cloud.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordGeneratorTest {
    private final PasswordGenerator generator = new PasswordGenerator(new SecureRandom());

    @Test
    void next_twentyCharactersWithEveryClass() {
        for (int i = 0; i < 2_000; i++) {
            String password = generator.next();
            assertThat(password).hasSize(20);
            assertThat(password.chars().anyMatch(c -> PasswordGenerator.UPPER.indexOf(c) >= 0))
                    .isTrue();
            assertThat(password.chars().anyMatch(c -> PasswordGenerator.LOWER.indexOf(c) >= 0))
                    .isTrue();
            assertThat(password.chars().anyMatch(c -> PasswordGenerator.DIGITS.indexOf(c) >= 0))
                    .isTrue();
            assertThat(password.chars().anyMatch(c -> PasswordGenerator.SYMBOLS.indexOf(c) >= 0))
                    .isTrue();
        }
    }

    @Test
    void next_neverRepeatsAndDoesNotFixClassPositions() {
        Set<String> seen = new HashSet<>();
        Set<Character> firstCharacters = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String password = generator.next();
            assertThat(seen.add(password)).isTrue();
            firstCharacters.add(password.charAt(0));
        }
        assertThat(firstCharacters).anyMatch(Character::isDigit).anyMatch(Character::isLowerCase);
    }
}
