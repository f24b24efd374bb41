package dev.dirsync.daemon.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.fix.AttributeChange;
import dev.dirsync.core.fix.FixableAttribute;
import dev.dirsync.core.fix.ValueChange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The undo file: LDIF as RFC 2849 writes it, appended durably, read back exactly. */
class UndoFileTest {
    private static final String DN = "CN=Anna Schmidt,OU=Staff,DC=corp,DC=example,DC=com";
    private static final FixableAttribute PROXY =
            FixableAttribute.find("proxyAddresses").orElseThrow();
    private static final FixableAttribute NAME =
            FixableAttribute.find("displayName").orElseThrow();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void record_isAStandardModifyRecord() {
        AttributeChange change = AttributeChange.guarded(
                DN,
                PROXY,
                List.of(ValueChange.delete("smtp:new@example.com"), ValueChange.add("smtp:old@example.com")));

        assertThat(UndoLdif.modifyRecord(change))
                .isEqualTo(
                        """
                dn: CN=Anna Schmidt,OU=Staff,DC=corp,DC=example,DC=com
                changetype: modify
                delete: proxyAddresses
                proxyAddresses: smtp:new@example.com
                -
                add: proxyAddresses
                proxyAddresses: smtp:old@example.com
                -
                """);
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(
            delimiterString = " | ",
            quoteCharacter = '`',
            textBlock =
                    """
            plain value          | displayName: plain value
            J\u00f6rg                 | displayName:: SsO2cmc=
            ` leading space`     | displayName:: IGxlYWRpbmcgc3BhY2U=
            `trailing space `    | displayName:: dHJhaWxpbmcgc3BhY2Ug
            :colon first         | displayName:: OmNvbG9uIGZpcnN0
            <less-than first     | displayName:: PGxlc3MtdGhhbiBmaXJzdA==
            a: colon inside      | displayName: a: colon inside
            """)
    void values_thatAreNotSafeStrings_areBase64(String value, String line) {
        AttributeChange change = AttributeChange.guarded(DN, NAME, List.of(ValueChange.add(value)));

        assertThat(UndoLdif.modifyRecord(change).lines().toList().get(3)).isEqualTo(line);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "J\u00f6rg M\u00fcller",
                " lead",
                "trail ",
                ":x",
                "<x",
                "a\nb",
                "a\rb",
                "\u00e9\u00e8",
                "plain",
                "x:: y"
            })
    void everyValue_readsBackExactly(String value) {
        AttributeChange change = AttributeChange.guarded(
                "CN=" + value.strip().replace(",", "") + ",DC=x",
                NAME,
                List.of(ValueChange.delete("new"), ValueChange.add(value)));

        List<UndoRecord> records = UndoFileReader.parse(
                "undo file u.ldif",
                (UndoJournal.HEADER + "\n" + UndoLdif.modifyRecord(change))
                        .lines()
                        .toList());

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.dn()).isEqualTo(change.dn());
            assertThat(record.attribute()).isEqualTo("displayName");
            assertThat(record.changes()).isEqualTo(change.changes());
        });
    }

    @Test
    void foldedLinesAndComments_areUnderstood() {
        List<UndoRecord> records = UndoFileReader.parse(
                "undo file u.ldif",
                List.of(
                        "version: 1",
                        "# a comment",
                        "",
                        "# reverses line 2",
                        "dn: CN=Anna Schmidt,OU=Staff,",
                        " DC=corp,DC=example,DC=com",
                        "changetype: modify",
                        "add: displayName",
                        "displayName: Anna",
                        "  Schmidt",
                        "-",
                        "",
                        "",
                        "dn: CN=Ben,DC=x",
                        "changetype: modify",
                        "delete: mail",
                        "mail: b@x.com",
                        "-"));

        assertThat(records).hasSize(2);
        assertThat(records.get(0))
                .isEqualTo(new UndoRecord(5, DN, "displayName", List.of(ValueChange.add("Anna Schmidt"))));
        assertThat(records.get(1).line()).isEqualTo(14);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " | ",
            textBlock =
                    """
            another change type      | dn: CN=x;changetype: add;cn: x                                                 | line 2: only changetype: modify records can be replayed
            a control                | dn: CN=x;control: 1.3.6.1.1.12 true;changetype: modify                         | line 2: only changetype: modify records can be replayed
            whole attribute deleted  | dn: CN=x;changetype: modify;delete: mail;-                                     | line 3: only changes of single values can be replayed
            two attributes           | dn: CN=x;changetype: modify;add: mail;mail: a;-;add: sn;sn: b;-                | line 6: a record may change only one attribute
            value of another one     | dn: CN=x;changetype: modify;add: mail;sn: b;-                                  | line 4: expected a value of mail
            missing dash             | dn: CN=x;changetype: modify;add: mail;mail: a                                  | line 4: the mail change is not ended by a line holding -
            value from a URL         | dn: CN=x;changetype: modify;add: mail;mail:< file:///etc/passwd;-              | line 4: values read from URLs are not supported
            no dn                    | changetype: modify;add: mail;mail: a;-                                         | line 1: a record must start with dn:
            bad base64               | dn:: ###;changetype: modify                                                    | line 1: the base64 value is not valid
            """)
    void malformedRecord_isOneErrorNamingTheLine(String what, String lines, String message) {
        assertThatThrownBy(() -> UndoFileReader.parse("undo file u.ldif", List.of(lines.split(";"))))
                .isInstanceOf(DirsyncException.class)
                .hasMessageStartingWith("undo file u.ldif " + message);
    }

    @Test
    void journal_createsTheFileOnTheFirstRecord_withTheHeaderOnce_andAppends() throws IOException {
        Path file = dir.resolve("sub/undo.ldif");
        AttributeChange first =
                AttributeChange.guarded(DN, NAME, List.of(ValueChange.delete("B"), ValueChange.add("A")));
        AttributeChange second = AttributeChange.guarded(DN, PROXY, List.of(ValueChange.add("smtp:x@example.com")));

        try (UndoJournal journal = new UndoJournal(file, "cleanup-report.csv", CLOCK)) {
            assertThat(file).doesNotExist();
            journal.append(first, 2);
            journal.append(second, 5);
            assertThat(journal.written()).isTrue();
        }
        try (UndoJournal journal = new UndoJournal(file, "cleanup-report.csv", CLOCK)) {
            journal.append(first, 7);
        }

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith(UndoJournal.HEADER + "\n# reverses line 2 of cleanup-report.csv, changed "
                        + "2025-01-02T03:04:05Z\ndn: " + DN + "\n");
        assertThat(text.split("version: 1", -1)).hasSize(2);
        assertThat(UndoFileReader.read(file))
                .extracting(UndoRecord::changes)
                .containsExactly(first.changes(), second.changes(), first.changes());
    }

    @Test
    void journal_writesNothing_whenNoChangeWasMade() {
        Path file = dir.resolve("undo.ldif");

        try (UndoJournal journal = new UndoJournal(file, "r.csv", CLOCK)) {
            assertThat(journal.written()).isFalse();
        }

        assertThat(file).doesNotExist();
    }

    @Test
    void undoItems_areReplayedLastFirst() throws IOException {
        Path file = dir.resolve("undo.ldif");
        try (UndoJournal journal = new UndoJournal(file, "r.csv", CLOCK)) {
            journal.append(
                    AttributeChange.guarded(DN, NAME, List.of(ValueChange.delete("B"), ValueChange.add("A"))), 2);
            journal.append(
                    AttributeChange.guarded(DN, NAME, List.of(ValueChange.delete("C"), ValueChange.add("B"))), 3);
        }
        UndoItems items = new UndoItems(file);

        assertThat(items.validate()).isEqualTo(2);
        List<FixItem> order = new java.util.ArrayList<>();
        items.forEach(order::add);
        assertThat(order).extracting(FixItem::row).containsExactly(18, 8);
    }
}
