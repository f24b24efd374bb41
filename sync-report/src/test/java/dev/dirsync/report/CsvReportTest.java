package dev.dirsync.report;

import static dev.dirsync.report.ReportFixtures.ALICE;
import static dev.dirsync.report.ReportFixtures.finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.core.rules.ErrorClass;
import dev.dirsync.core.rules.ProposedAction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReportTest {
    private static final String HEADER =
            "DISTINGUISHEDNAME,COMMONNAME,OBJECTCLASS,ATTRIBUTE,ERROR,VALUE,UPDATE,PROPOSEDACTION,ACTION,DETAIL";

    @Test
    void sample_matchesGoldenFile() throws IOException {
        Golden.assertMatches("report.csv", ReportFixtures.render(ReportFormat.CSV, ReportFixtures.sample()));
    }

    @Test
    void output_startsWithByteOrderMarkThenHeader_andEndsLinesWithCrLf() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportWriter writer = ReportWriters.open(ReportFormat.CSV, out, ReportFixtures.CONTEXT)) {
            ReportFixtures.feed(writer, ReportFixtures.sample().subList(0, 1));
        }
        byte[] bytes = out.toByteArray();

        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("\uFEFF" + HEADER + "\r\n"
                        + "\"CN=Alice Andersen,OU=Staff,DC=corp,DC=example,DC=com\",Alice Andersen,user,displayName,Blank,,"
                        + "Alice Andersen,EDIT,,\r\n");
    }

    @Test
    void emptyReport_isHeaderOnly() {
        assertThat(ReportFixtures.render(ReportFormat.CSV, List.of())).isEqualTo("\uFEFF" + HEADER + "\r\n");
    }

    @Test
    void formulaLikeValues_arePrefixedWithApostrophe_beforeQuoting() {
        String csv = ReportFixtures.render(
                ReportFormat.CSV,
                List.of(new ReportFixtures.Item(
                        ALICE,
                        finding(
                                "mail",
                                "=HYPERLINK(\"http://x.example\",\"y\")",
                                "+1@corp.example.com",
                                ProposedAction.COMPLETE,
                                "@other",
                                ErrorClass.FORMAT,
                                ErrorClass.LOCAL_PART))));

        String row = csv.split("\r\n")[1];
        assertThat(row)
                .isEqualTo("\"CN=Alice Andersen,OU=Staff,DC=corp,DC=example,DC=com\",Alice Andersen,user,mail,"
                        + "\"Format, LocalPart\",\"'=HYPERLINK(\"\"http://x.example\"\",\"\"y\"\")\",'+1@corp.example.com,"
                        + "COMPLETE,,'@other");
    }

    @Test
    void totals_areAvailableAfterClose() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriter writer = ReportWriters.open(ReportFormat.CSV, out, ReportFixtures.CONTEXT);
        ReportFixtures.feed(writer, ReportFixtures.sample());
        writer.close();

        assertThat(writer.totals().findings()).isEqualTo(9);
        assertThat(writer.totals().objectsWithFindings()).isEqualTo(7);
        assertThat(writer.totals().count(ErrorClass.CHARACTER)).isEqualTo(5);
    }
}
