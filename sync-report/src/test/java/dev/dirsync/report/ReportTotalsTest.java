package dev.dirsync.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dirsync.core.rules.ErrorClass;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTotalsTest {

    @Test
    void count_ofAbsentClass_isZero() {
        ReportTotals totals = new ReportTotals(3, 2, Map.of("Length", 3L), Map.of("mail", 3L));

        assertThat(totals.count(ErrorClass.LENGTH)).isEqualTo(3);
        assertThat(totals.count(ErrorClass.DUPLICATE)).isZero();
    }

    @Test
    void maps_keepTheirOrder_andAreImmutable() {
        Map<String, Long> classes = new LinkedHashMap<>();
        classes.put("Length", 1L);
        classes.put("Blank", 2L);
        ReportTotals totals = new ReportTotals(3, 1, classes, Map.of());
        classes.put("Format", 9L);

        assertThat(totals.byErrorClass()).containsExactly(Map.entry("Length", 1L), Map.entry("Blank", 2L));
        assertThatThrownBy(() -> totals.byErrorClass().put("Format", 1L))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void moreObjectsThanFindings_isRejected() {
        assertThatThrownBy(() -> new ReportTotals(1, 2, Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
