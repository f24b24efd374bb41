package dev.dirsync.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldif.LDIFChangeRecord;
import com.unboundid.ldif.LDIFModifyChangeRecord;
import com.unboundid.ldif.LDIFReader;
import dev.dirsync.core.fix.FixAction;
import dev.dirsync.core.fix.FixRow;
import dev.dirsync.ldap.embedded.EmbeddedDirectory;
import dev.dirsync.report.CleanupReportReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dirsync fix} end to end on a running directory: check writes the cleanup report, the admin
 * fills ACTION with the proposed action, fix previews, applies exactly those changes and writes an
 * undo file that restores the directory byte for byte.
 */
class FixCommandTest {
    private static final String BASE = "DC=corp,DC=example,DC=com";
    private static final String STAFF = "OU=Staff," + BASE;
    private static final String BIND_DN = "CN=dirsync,OU=Service," + BASE;
    private static final String PASSWORD = "fix-test-secret-value";
    private static final String ANNA = "CN=Anna Schmidt," + STAFF;
    private static final String JOERG = "CN=J\u00f6rg M\u00fcller," + STAFF;
    private static final String BEN = "CN=Ben Berger," + STAFF;
    /** The end of a report row: PROPOSEDACTION, an empty ACTION, and DETAIL (quoted when it holds a DN). */
    private static final String UNFILLED = ",(EDIT|REMOVE|COMPLETE),,(\"(?:[^\"]|\"\")*\"|[^,\"]*)$";

    private static final String FILLED =
            ",(EDIT|REMOVE|COMPLETE),(EDIT|REMOVE|COMPLETE),(\"(?:[^\"]|\"\")*\"|[^,\"]*)$";

    @TempDir
    Path dir;

    private EmbeddedDirectory directory;
    private Path config;
    private Path reports;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws IOException {
        directory = EmbeddedDirectory.builder()
                .ldif(directoryLdif())
                .bindCredentials(BIND_DN, PASSWORD)
                .start();
        reports = dir.resolve("reports");
        config = writeConfig(directory.ldapUrl());
    }

    @AfterEach
    void stop() {
        directory.close();
    }

    @Test
    void dryRun_printsEveryChangeRowByRow_andChangesNothing() throws Exception {
        Path report = approvedReport();
        Map<String, Map<String, List<String>>> before = snapshot();

        int code = run("fix", "--config", config.toString(), "--input", report.toString());

        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        assertThat(lines()).anySatisfy(line -> assertThat(line)
                .startsWith("change")
                .endsWith(ANNA + "  mailNickname: 'anna..schmidt' -> 'anna.schmidt'"));
        assertThat(lines()).anySatisfy(line -> assertThat(line)
                .startsWith("change")
                .endsWith(BEN + "  proxyAddresses: 'smtp:anna@example.com' -> (removed)"));
        assertThat(lines()).anySatisfy(line -> assertThat(line)
                .startsWith("change")
                .endsWith(JOERG + "  userPrincipalName: 'j\u00f6rg@example.com' -> 'jorg@example.com'"));
        assertThat(out.toString()).contains("dry run: nothing was written");
        assertThat(lines()).last().asString().matches("rows=\\d+ planned=\\d+ complete=\\d+ skipped=0 failed=0");
        assertThat(snapshot()).isEqualTo(before);
        try (Stream<Path> files = Files.list(reports)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("cleanup-report.csv");
        }
    }

    @Test
    void apply_changesExactlyTheApprovedValues_andUndoRestoresTheExactEarlierState() throws Exception {
        Path report = approvedReport();
        List<FixRow> rows = rows(report);
        assertThat(rows).extracting(FixRow::action).contains(FixAction.EDIT, FixAction.REMOVE, FixAction.COMPLETE);
        Map<String, Map<String, List<String>>> before = snapshot();

        int code = run("fix", "--config", config.toString(), "--input", report.toString(), "--apply");

        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        assertThat(snapshot()).isEqualTo(expectedAfter(before, rows));
        Path undo = fileIn(reports, "fix-undo-", ".ldif");
        Path result = fileIn(reports, "fix-result-", ".csv");
        assertThat(out.toString()).contains("undo file: " + undo, "result file: " + result);
        List<String> resultLines = Files.readAllLines(result, StandardCharsets.UTF_8);
        assertThat(resultLines.get(0)).isEqualTo("\uFEFFROW,DISTINGUISHEDNAME,ATTRIBUTE,STATUS,REASON");
        assertThat(resultLines).hasSize(rows.size() + 1);
        assertThat(resultLines.subList(1, resultLines.size()))
                .allSatisfy(line -> assertThat(line).contains(",applied,"));

        out = new StringWriter();
        int undone = run(
                "fix",
                "--config",
                config.toString(),
                "--undo",
                undo.toString(),
                "--apply",
                "--undo-file",
                dir.resolve("redo.ldif").toString(),
                "--result",
                dir.resolve("undo-result.csv").toString());

        assertThat(err.toString()).isEmpty();
        assertThat(undone).isZero();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(out.toString()).contains("undo file: " + dir.resolve("redo.ldif"));
    }

    @Test
    void undoFile_isStandardLdif_withNonAsciiValuesInBase64() throws Exception {
        Path report = approvedReport();
        Path undo = dir.resolve("undo.ldif");

        run(
                "fix",
                "--config",
                config.toString(),
                "--input",
                report.toString(),
                "--apply",
                "--undo-file",
                undo.toString());

        String text = Files.readString(undo, StandardCharsets.UTF_8);
        assertThat(text).startsWith("version: 1\n");
        assertThat(text.chars()).allMatch(c -> c < 0x80);
        assertThat(text).contains("dn:: " + base64(JOERG), "userPrincipalName:: " + base64("j\u00f6rg@example.com"));
        List<LDIFChangeRecord> records = new ArrayList<>();
        try (LDIFReader reader = new LDIFReader(undo.toFile())) {
            for (LDIFChangeRecord record = reader.readChangeRecord();
                    record != null;
                    record = reader.readChangeRecord()) {
                records.add(record);
            }
        }
        long changes = rows(report).stream()
                .filter(r -> r.action() != FixAction.COMPLETE)
                .count();
        assertThat(records).hasSize((int) changes).allSatisfy(r -> assertThat(r)
                .isInstanceOf(LDIFModifyChangeRecord.class));
        assertThat(records).anySatisfy(r -> {
            assertThat(r.getDN()).isEqualTo(JOERG);
            assertThat(((LDIFModifyChangeRecord) r).getModifications())
                    .containsExactly(
                            new Modification(ModificationType.DELETE, "userPrincipalName", "jorg@example.com"),
                            new Modification(ModificationType.ADD, "userPrincipalName", "j\u00f6rg@example.com"));
        });
    }

    @Test
    void rowChangedAfterTheReport_isSkippedWithTheReason_andTheRestIsApplied() throws Exception {
        Path report = approvedReport();
        modify(ANNA, new Modification(ModificationType.REPLACE, "mailNickname", "anna.s"));

        int code = run("fix", "--config", config.toString(), "--input", report.toString(), "--apply");

        assertThat(code).isEqualTo(ExitCode.PARTIAL);
        assertThat(lines()).anySatisfy(line -> assertThat(line)
                .startsWith("skipped")
                .endsWith(ANNA + "  mailNickname: mailNickname is now 'anna.s', not 'anna..schmidt'"));
        assertThat(values(ANNA, "mailNickname")).containsExactly("anna.s");
        assertThat(values(JOERG, "userPrincipalName")).containsExactly("jorg@example.com");
        assertThat(Files.readString(fileIn(reports, "fix-result-", ".csv"), StandardCharsets.UTF_8))
                .contains(
                        "\"" + ANNA + "\",mailNickname,skipped,\"mailNickname is now 'anna.s', not 'anna..schmidt'\"");
        assertThat(lines()).last().asString().matches("rows=\\d+ applied=\\d+ complete=\\d+ skipped=1 failed=0");
    }

    @Test
    void rowsWithoutAction_areSkippedAsNotApproved() throws Exception {
        Path report = reports.resolve("cleanup-report.csv");
        assertThat(run("check", "--config", config.toString())).isEqualTo(ExitCode.PARTIAL);
        Map<String, Map<String, List<String>>> before = snapshot();
        out = new StringWriter();

        int code = run("fix", "--config", config.toString(), "--input", report.toString(), "--apply");

        assertThat(code).isEqualTo(ExitCode.PARTIAL);
        assertThat(lines().subList(0, rows(report).size()))
                .allSatisfy(line ->
                        assertThat(line).startsWith("skipped").endsWith("ACTION is empty: the row was not approved"));
        assertThat(out.toString()).contains("undo file: none (nothing was changed)");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void malformedReport_changesNothing_andNamesTheLine() throws Exception {
        Path report = approvedReport();
        List<String> lines = new ArrayList<>(Files.readAllLines(report, StandardCharsets.UTF_8));
        assertThat(lines.get(3)).containsPattern(FILLED);
        lines.set(3, lines.get(3).replaceFirst(FILLED, ",$1,DELETE,$3"));
        Files.write(report, String.join("\r\n", lines).concat("\r\n").getBytes(StandardCharsets.UTF_8));
        Map<String, Map<String, List<String>>> before = snapshot();

        int code = run("fix", "--config", config.toString(), "--input", report.toString(), "--apply");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString())
                .isEqualTo("error: cleanup report " + report
                        + " line 4: ACTION must be EDIT, REMOVE, COMPLETE or empty, got 'DELETE'"
                        + System.lineSeparator());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void inputAndUndoTogether_isAUsageError() throws Exception {
        int code = run("fix", "--config", config.toString(), "--input", "a.csv", "--undo", "b.ldif");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("mutually exclusive");
    }

    @Test
    void unreachableDirectory_exitsThree_andListsEveryRowInTheResultFile() throws Exception {
        Path report = approvedReport();
        int rows = rows(report).size();
        Path unreachable = writeConfig("ldap://127.0.0.1:" + closedPort());
        Path result = dir.resolve("result.csv");

        int code = run(
                "fix",
                "--config",
                unreachable.toString(),
                "--input",
                report.toString(),
                "--apply",
                "--result",
                result.toString());

        assertThat(code).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(err.toString()).startsWith("error: unavailable: ").doesNotContain(PASSWORD);
        assertThat(out.toString()).doesNotContain(PASSWORD);
        assertThat(Files.readAllLines(result, StandardCharsets.UTF_8)).hasSize(rows + 1);
        assertThat(out.toString()).contains("not attempted: the directory was lost");
    }

    /** Runs check, then fills every ACTION with the proposed action, as an admin accepting them does. */
    private Path approvedReport() throws IOException {
        assertThat(run("check", "--config", config.toString())).isEqualTo(ExitCode.PARTIAL);
        out = new StringWriter();
        Path report = reports.resolve("cleanup-report.csv");
        String csv = Files.readString(report, StandardCharsets.UTF_8);
        StringBuilder filled = new StringBuilder();
        for (String line : csv.split("\r\n", -1)) {
            if (line.isEmpty() || line.startsWith("\uFEFF")) {
                filled.append(line).append(line.isEmpty() ? "" : "\r\n");
                continue;
            }
            assertThat(line).as("a row with PROPOSEDACTION and no ACTION").containsPattern(UNFILLED);
            filled.append(line.replaceFirst(UNFILLED, ",$1,$1,$2")).append("\r\n");
        }
        Files.writeString(report, filled, StandardCharsets.UTF_8);
        return report;
    }

    /** What the approved rows should leave: each EDIT's value replaced, each REMOVE's value gone. */
    private static Map<String, Map<String, List<String>>> expectedAfter(
            Map<String, Map<String, List<String>>> before, List<FixRow> rows) {
        Map<String, Map<String, List<String>>> expected = new TreeMap<>();
        before.forEach((dn, attributes) -> {
            Map<String, List<String>> copy = new TreeMap<>();
            attributes.forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
            expected.put(dn, copy);
        });
        for (FixRow row : rows) {
            if (row.action() == FixAction.COMPLETE) {
                continue;
            }
            Map<String, List<String>> entry = expected.get(row.dn().toLowerCase(Locale.ROOT));
            String name = row.attribute().toLowerCase(Locale.ROOT);
            List<String> values = entry.computeIfAbsent(name, n -> new ArrayList<>());
            if (row.value() != null) {
                values.remove(base64(row.value()));
            }
            if (row.action() == FixAction.EDIT) {
                values.add(base64(row.update()));
            }
            values.sort(null);
            if (values.isEmpty()) {
                entry.remove(name);
            }
        }
        return expected;
    }

    /** Every entry's every attribute, values as base64 of their bytes, sorted: the directory's exact state. */
    private Map<String, Map<String, List<String>>> snapshot() throws LDAPException {
        Map<String, Map<String, List<String>>> state = new TreeMap<>();
        try (LDAPConnection connection = connect()) {
            for (SearchResultEntry entry : connection
                    .search(BASE, SearchScope.SUB, "(objectClass=*)", "*", "+")
                    .getSearchEntries()) {
                Map<String, List<String>> attributes = new TreeMap<>();
                for (Attribute attribute : entry.getAttributes()) {
                    List<String> values = new ArrayList<>();
                    for (byte[] value : attribute.getValueByteArrays()) {
                        values.add(Base64.getEncoder().encodeToString(value));
                    }
                    values.sort(null);
                    attributes.put(attribute.getName().toLowerCase(Locale.ROOT), values);
                }
                state.put(entry.getDN().toLowerCase(Locale.ROOT), attributes);
            }
        }
        return state;
    }

    private List<String> values(String dn, String attribute) throws LDAPException {
        try (LDAPConnection connection = connect()) {
            String[] values = connection.getEntry(dn, attribute).getAttributeValues(attribute);
            return values == null ? List.of() : List.of(values);
        }
    }

    private void modify(String dn, Modification modification) throws LDAPException {
        try (LDAPConnection connection = connect()) {
            connection.modify(dn, modification);
        }
    }

    private LDAPConnection connect() throws LDAPException {
        LDAPURL url = new LDAPURL(directory.ldapUrl());
        return new LDAPConnection(url.getHost(), url.getPort(), BIND_DN, PASSWORD);
    }

    private static List<FixRow> rows(Path report) {
        List<FixRow> rows = new ArrayList<>();
        try (CleanupReportReader reader = CleanupReportReader.open(report)) {
            for (Optional<FixRow> row = reader.next(); row.isPresent(); row = reader.next()) {
                rows.add(row.get());
            }
        }
        return rows;
    }

    private int run(String... args) {
        return DirsyncCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private List<String> lines() {
        return out.toString().lines().toList();
    }

    private static Path fileIn(Path directory, String prefix, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.getFileName().toString().endsWith(suffix))
                    .toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Path writeConfig(String url) throws IOException {
        Path file = dir.resolve("fix-" + Math.abs(url.hashCode()) + ".yaml");
        Files.writeString(
                file,
                """
                source:
                  url: %s
                  bindDn: %s
                  password: %s
                  baseDn: %s
                target:
                  url: http://127.0.0.1:1
                  tokenUrl: http://127.0.0.1:1/t/oauth2/v2.0/token
                  tenantId: t
                  clientId: cli
                  clientSecret: cli-secret-value
                report:
                  directory: reports
                """
                        .formatted(url, BIND_DN, PASSWORD, BASE));
        return file;
    }

    private static String directoryLdif() {
        return """
                dn: DC=corp,DC=example,DC=com
                objectClass: top
                objectClass: domain
                dc: corp

                dn: OU=Staff,DC=corp,DC=example,DC=com
                objectClass: top
                objectClass: organizationalUnit
                ou: Staff

                """
                + user(
                        "Anna Schmidt",
                        "8zbwMwTpS0Se9hjgAKbKAQ==",
                        "displayName: Anna Schmidt",
                        "sAMAccountName: anna",
                        "mailNickname: anna..schmidt",
                        "userPrincipalName: anna@example.com",
                        "mail: anna@example.com",
                        "proxyAddresses: SMTP:anna@example.com",
                        "proxyAddresses: smtp:anna schmidt@example.com")
                + user(
                        "J\u00f6rg M\u00fcller",
                        "8zbwMwTpS0Se9hjgAKbKAg==",
                        "displayName: J\u00f6rg M\u00fcller",
                        "sAMAccountName: joerg",
                        "userPrincipalName: j\u00f6rg@example.com",
                        "mail: joerg@example.com")
                + user(
                        "Ben Berger",
                        "8zbwMwTpS0Se9hjgAKbKAw==",
                        "displayName: Ben Berger",
                        "sAMAccountName: ben",
                        "userPrincipalName: ben@example.com",
                        "mail: ben@example.com",
                        "proxyAddresses: SMTP:ben@example.com",
                        "proxyAddresses: smtp:anna@example.com")
                + user(
                        "Carl Clark",
                        "8zbwMwTpS0Se9hjgAKbKBA==",
                        "displayName: Carl Clark",
                        "sAMAccountName: carl.clark.from.accounting",
                        "userPrincipalName: carl@example.com")
                + user(
                        "Dora Diaz",
                        "8zbwMwTpS0Se9hjgAKbKBg==",
                        "sAMAccountName: dora",
                        "userPrincipalName: dora@example.com")
                + user(
                        "Eve Evans",
                        "8zbwMwTpS0Se9hjgAKbKBQ==",
                        "displayName: Eve Evans",
                        "sAMAccountName: eve",
                        "userPrincipalName: " + "e".repeat(65) + "@example.com");
    }

    private static String user(String cn, String guid, String... lines) {
        StringBuilder ldif = new StringBuilder()
                .append("dn: CN=")
                .append(cn)
                .append(',')
                .append(STAFF)
                .append('\n')
                .append("objectClass: top\nobjectClass: person\nobjectClass: organizationalPerson\nobjectClass: user\n")
                .append("objectCategory: CN=Person,CN=Schema,CN=Configuration,")
                .append(BASE)
                .append('\n')
                .append("cn: ")
                .append(cn)
                .append('\n')
                .append("objectGUID:: ")
                .append(guid)
                .append('\n');
        for (String line : lines) {
            ldif.append(line).append('\n');
        }
        return ldif.append('\n').toString();
    }
}
