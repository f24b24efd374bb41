package dev.dirsync.core.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.core.rules.internal.DuplicateKeys.Namespace;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DuplicateKeysTest {

    @Test
    void key_ignoresCase_includingNonAscii() {
        assertThat(DuplicateKeys.key(Namespace.SMTP, "John.Müller@Contoso.COM", 0))
                .isEqualTo(DuplicateKeys.key(Namespace.SMTP, "john.MÜLLER@contoso.com", 0));
    }

    @Test
    void key_fromOffset_skipsThePrefix() {
        assertThat(DuplicateKeys.key(Namespace.SMTP, "SMTP:john@contoso.com", 5))
                .isEqualTo(DuplicateKeys.key(Namespace.SMTP, "john@contoso.com", 0));
    }

    @Test
    void key_sameTextInAnotherNamespace_differs() {
        assertThat(DuplicateKeys.key(Namespace.MAIL_NICKNAME, "john", 0))
                .isNotEqualTo(DuplicateKeys.key(Namespace.SAM_ACCOUNT_NAME, "john", 0));
    }

    @Test
    void key_similarValues_noCollisions() {
        Set<Long> keys = new HashSet<>();
        for (int i = 0; i < 1_000_000; i++) {
            keys.add(DuplicateKeys.key(Namespace.SMTP, "user" + i + "@contoso.com", 0));
        }

        assertThat(keys).hasSize(1_000_000);
    }
}
