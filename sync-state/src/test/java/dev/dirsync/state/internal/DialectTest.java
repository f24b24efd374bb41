package dev.dirsync.state.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DialectTest {

    @Test
    void of_picksTheDialectByUrl() {
        assertThat(Dialect.of("jdbc:h2:file:./data/dirsync")).isEqualTo(Dialect.H2);
        assertThat(Dialect.of("jdbc:postgresql://db/x")).isEqualTo(Dialect.POSTGRESQL);
    }

    @Test
    void upsert_h2_isMergeByKey() {
        assertThat(Dialect.H2.upsert("t", List.of("k"), List.of("k", "a", "b")))
                .isEqualTo("MERGE INTO t (k, a, b) KEY (k) VALUES (?, ?, ?)");
    }

    @Test
    void upsert_postgresql_isInsertOnConflictUpdatingTheOtherColumns() {
        assertThat(Dialect.POSTGRESQL.upsert("t", List.of("k1", "k2"), List.of("k1", "k2", "a")))
                .isEqualTo(
                        "INSERT INTO t (k1, k2, a) VALUES (?, ?, ?) ON CONFLICT (k1, k2) DO UPDATE SET a = EXCLUDED.a");
    }

    @Test
    void h2Connections_writeEachCommitBeforeItReturns() {
        assertThat(Dialect.H2.connectionInitSql()).contains("SET WRITE_DELAY 0");
        assertThat(Dialect.POSTGRESQL.connectionInitSql()).isEmpty();
    }
}
