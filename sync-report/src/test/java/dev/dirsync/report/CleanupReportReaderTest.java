package dev.dirsync.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dirsync.core.fix.FixAction;
import dev.dirsync.core.fix.FixRow;
import dev.dirsync.core.rules.ErrorClass;
import dev.dirsync.core.rules.Finding;
import dev.dirsync.core.rules.ProposedAction;
import dev.dirsync.report.internal.CsvCells;
import dev.dirsync.report.internal.NeutralisedCell;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CleanupReportReaderTest {
    private static final String HEADER =
            "DISTINGUISHEDNAME,COMMONNAME,OBJECTCLASS,ATTRIBUTE,ERROR,VALUE,UPDATE,PROPOSEDACTION,ACTION,DETAIL";
    private static final String ANNA_CELL = "\"CN=Anna Schmidt,OU=Staff,DC=corp,DC=example,DC=com\"";

    @TempDir
    Path dir;

    @Test
    void reportAsWritten_readsBackEveryValueExactly_withTheByteOrderMarkSkipped() throws IOException {
        List<Finding> findings = List.of(
                finding("displayName", "  Anna, \"the\" Boss ", "Anna, \"the\" Boss"),
                finding("mailNickname", "=cmd|' /C calc'!A0", "cmd_' _C calc'_A0"),
                finding("proxyAddresses", "smtp:-anna@corp.example.com", "+anna@corp.example.com"),
                finding("sn", "line1\r\nline2", "@line"),
                finding("givenName", "\tTab", "'quoted"),
                finding("userPrincipalName", "jörg@corp.example.com", "jorg@corp.example.com"));
        Path file = dir.resolve("cleanup-report.csv");
        Files.write(file, csv(findings));
        assertThat(Files.readAllBytes(file)).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);

        List<FixRow> rows = readAll(file);

        assertThat(rows)
                .extracting(FixRow::attribute)
                .containsExactly(
                        "displayName", "mailNickname", "proxyAddresses", "sn", "givenName", "userPrincipalName");
        for (int i = 0; i < findings.size(); i++) {
            assertThat(rows.get(i).dn()).isEqualTo(ReportFixtures.ALICE.dn());
            assertThat(rows.get(i).value()).isEqualTo(findings.get(i).value());
            assertThat(rows.get(i).update()).isEqualTo(findings.get(i).suggested());
            assertThat(rows.get(i).action()).isNull();
        }
        assertThat(rows).extracting(FixRow::row).containsExactly(2, 3, 4, 5, 7, 8);
    }

    @Test
    void action_isReadIgnoringCase_andEmptyMeansNotApproved() {
        String csv = HEADER + "\r\n"
                + ANNA_CELL + ",Anna,user,mail,Format,a@b,a@b.com,EDIT, edit ,\r\n"
                + ANNA_CELL + ",Anna,user,proxyAddresses,Duplicate,smtp:a@b.com,,REMOVE,Remove,\r\n"
                + ANNA_CELL + ",Anna,user,sn,Length,x,x,COMPLETE,COMPLETE,\r\n"
                + ANNA_CELL + ",Anna,user,givenName,Length,x,y,EDIT,,\r\n";

        List<FixRow> rows = readAll(csv);

        assertThat(rows)
                .extracting(FixRow::action)
                .containsExactly(FixAction.EDIT, FixAction.REMOVE, FixAction.COMPLETE, null);
        assertThat(rows.get(1).update()).isNull();
    }

    @Test
    void idFixHeaderWithoutDetail_andLowerCaseNames_areAccepted() {
        String csv = HEADER.toLowerCase().replace(",detail", "") + "\n" + ANNA_CELL
                + ",Anna,user,mail,Format,a@b,a@b.com,EDIT,EDIT\n";

        assertThat(readAll(csv)).singleElement().satisfies(row -> {
            assertThat(row.value()).isEqualTo("a@b");
            assertThat(row.action()).isEqualTo(FixAction.EDIT);
        });
    }

    @Test
    void blankLinesAndRowsOfEmptyCells_areSkipped() {
        String csv =
                HEADER + "\r\n\r\n,,,,,,,,,\r\n" + ANNA_CELL + ",Anna,user,mail,Format,a@b,a@b.com,EDIT,EDIT,\r\n\r\n";

        assertThat(readAll(csv)).singleElement().extracting(FixRow::row).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"=", "+", "-", "@", "\t", "\r"})
    void neutralising_isUndoneForEveryFormulaStart(String start) {
        String value = start + "x";

        assertThat(NeutralisedCell.undo(CsvCells.encode(value).replace("\"", "")))
                .isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'", "'x", "'a=b", "''=x", "'o'brien"})
    void aLeadingApostropheBeforeAnythingElse_isPartOfTheValue(String cell) {
        assertThat(NeutralisedCell.undo(cell)).isEqualTo(cell);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " | ",
            quoteCharacter = '`',
            textBlock =
                    """
            not a report                | NAME,MAIL                         | line 1: not a cleanup report header
            columns in another order    | `COMMONNAME,DISTINGUISHEDNAME,OBJECTCLASS,ATTRIBUTE,ERROR,VALUE,UPDATE,PROPOSEDACTION,ACTION,DETAIL` | line 1: not a cleanup report header: expected DISTINGUISHEDNAME,COMMONNAME
            """)
    void badHeader_isRefusedNamingLineOne(String what, String header, String message) {
        assertThatThrownBy(() -> readAll(header + "\r\n" + ANNA_CELL + ",a\r\n"))
                .isInstanceOf(ReportInputException.class)
                .hasMessageStartingWith("cleanup report test.csv " + message);
    }

    @Test
    void emptyFile_isRefused() {
        assertThatThrownBy(() -> readAll("\uFEFF"))
                .isInstanceOf(ReportInputException.class)
                .hasMessage("cleanup report test.csv is empty: expected the header " + HEADER);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " | ",
            quoteCharacter = '`',
            textBlock =
                    """
            too few cells          | `CN=x,x,user,mail,Format,a,b,EDIT\r\n`                   | line 5: expected 10 cells, like the header, got 8
            unknown action         | `CN=x,x,user,mail,Format,a,b,EDIT,DELETE,\r\n`           | line 5: ACTION must be EDIT, REMOVE, COMPLETE or empty, got 'DELETE'
            empty dn               | `,x,user,mail,Format,a,b,EDIT,EDIT,\r\n`                 | line 5: DISTINGUISHEDNAME is empty
            empty attribute        | `CN=x,x,user,,Format,a,b,EDIT,EDIT,\r\n`                 | line 5: ATTRIBUTE is empty
            quote in unquoted cell | `CN=x,x,user,mail,Format,a"b,b,EDIT,EDIT,\r\n`           | line 5: cell 6 holds a quote but is not quoted
            text after a quote     | `CN=x,x,user,mail,Format,"a"b,b,EDIT,EDIT,\r\n`          | line 5: cell 6 has text after its closing quote
            quote never closed     | `CN=x,x,user,mail,Format,"a,b,EDIT,EDIT,\r\n`            | line 5: cell 6 opens a quote that is never closed
            """)
    void malformedRow_isOneErrorNamingItsLine(String what, String row, String message) {
        String good = ANNA_CELL + ",Anna,user,mail,Format,a@b,a@b.com,EDIT,EDIT,\r\n";
        String csv = HEADER + "\r\n" + good + ANNA_CELL + ",Anna,user,sn,Length,\"two\r\nlines\",x,EDIT,,\r\n"
                + row.replace("\\r\\n", "\r\n");

        assertThatThrownBy(() -> readAll(csv))
                .isInstanceOf(ReportInputException.class)
                .hasMessageStartingWith("cleanup report test.csv " + message);
    }

    @Test
    void malformedRow_isReportedOnlyWhenReached_soEarlierRowsStream() {
        String csv = HEADER + "\r\n" + ANNA_CELL + ",Anna,user,mail,Format,a@b,a@b.com,EDIT,EDIT,\r\nbroken\r\n";

        try (CleanupReportReader reader = CleanupReportReader.of(new StringReader(csv), "cleanup report test.csv")) {
            assertThat(reader.next()).isPresent();
            assertThatThrownBy(reader::next)
                    .hasMessage("cleanup report test.csv line 3: expected 10 cells, like the " + "header, got 1");
        }
    }

    @Test
    void missingFile_isNamed() {
        Path missing = dir.resolve("nope.csv");

        assertThatThrownBy(() -> CleanupReportReader.open(missing))
                .isInstanceOf(ReportInputException.class)
                .hasMessage("cleanup report " + missing + ": no such file");
    }

    @Test
    void fileThatIsNotUtf8_isRefusedWithAHint() throws IOException {
        Path file = dir.resolve("ansi.csv");
        Files.write(
                file,
                (HEADER + "\r\nCN=J\u00f6rg,x,user,mail,Format,a,b,EDIT,EDIT,\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(ReportInputException.class)
                .hasMessageContaining("is not UTF-8 text");
    }

    private static Finding finding(String attribute, String value, String suggested) {
        return new Finding(attribute, value, List.of(ErrorClass.CHARACTER), suggested, ProposedAction.EDIT, null);
    }

    private static byte[] csv(List<Finding> findings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportWriter writer = ReportWriters.open(ReportFormat.CSV, out, ReportFixtures.CONTEXT)) {
            findings.forEach(f -> writer.accept(ReportFixtures.ALICE, f));
        }
        return out.toByteArray();
    }

    private static List<FixRow> readAll(Path file) {
        try (CleanupReportReader reader = CleanupReportReader.open(file)) {
            return drain(reader);
        }
    }

    private static List<FixRow> readAll(String csv) {
        try (CleanupReportReader reader = CleanupReportReader.of(new StringReader(csv), "cleanup report test.csv")) {
            return drain(reader);
        }
    }

    private static List<FixRow> drain(CleanupReportReader reader) {
        List<FixRow> rows = new ArrayList<>();
        for (Optional<FixRow> row = reader.next(); row.isPresent(); row = reader.next()) {
            rows.add(row.get());
        }
        return rows;
    }
}
