package dev.dirsync.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.report.ReportTotals;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TotalsCounterTest {

    @Test
    void nothingCounted_isAllZero() {
        assertThat(new TotalsCounter().totals()).isEqualTo(ReportTotals.EMPTY);
    }

    @Test
    void counts_findingsObjectsClassesAndAttributes() {
        TotalsCounter counter = new TotalsCounter();
        counter.add(row("cn=a", "mail", "Format"));
        counter.add(row("cn=a", "proxyAddresses", "Character", "Format"));
        counter.add(row("cn=b", "Mail", "Duplicate"));
        counter.add(row("cn=c", "displayName", "Length"));

        ReportTotals totals = counter.totals();

        assertThat(totals.findings()).isEqualTo(4);
        assertThat(totals.objectsWithFindings()).isEqualTo(3);
        assertThat(totals.byErrorClass())
                .containsExactly(
                        Map.entry("Length", 1L),
                        Map.entry("Character", 1L),
                        Map.entry("Format", 2L),
                        Map.entry("Duplicate", 1L));
        assertThat(totals.byAttribute())
                .containsExactly(Map.entry("displayName", 1L), Map.entry("mail", 2L), Map.entry("proxyAddresses", 1L));
    }

    @Test
    void totals_areSnapshots() {
        TotalsCounter counter = new TotalsCounter();
        counter.add(row("cn=a", "mail", "Format"));
        ReportTotals before = counter.totals();

        counter.add(row("cn=b", "mail", "Format"));

        assertThat(before.findings()).isEqualTo(1);
        assertThat(counter.totals().findings()).isEqualTo(2);
    }

    private static ReportRow row(String dn, String attribute, String... errors) {
        return new ReportRow(dn, dn.substring(3), "user", attribute, List.of(errors), "v", "u", "EDIT", null);
    }
}
