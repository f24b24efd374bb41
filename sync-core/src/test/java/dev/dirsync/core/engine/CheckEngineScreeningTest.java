package dev.dirsync.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.core.Fixtures;
import dev.dirsync.core.model.Attributes;
import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.model.SourceEntry.AnchorProblem;
import dev.dirsync.core.port.DirectorySource;
import dev.dirsync.core.port.EntryHandler;
import dev.dirsync.core.port.SyncCursor;
import dev.dirsync.core.rules.ErrorClass;
import dev.dirsync.core.rules.Finding;
import dev.dirsync.core.rules.TestSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Objects that cannot be mail users (no usable anchor, no address, text that may not reach the
 * cloud) are counted among the checked objects, reported, and never exportable.
 */
class CheckEngineScreeningTest {
    private static final List<String> USER = List.of("top", "person", "organizationalPerson", "user");
    private static final AnchorProblem SHORT_GUID = new AnchorProblem("objectGUID", "AQID", "3 bytes; a GUID has 16");

    @Test
    void unanchoredAddresslessAndUnreadableObjects_countedAndReported_neverExportable() {
        List<SourceEntry> entries = List.of(
                Fixtures.user("clean"),
                unanchored("CN=short,OU=Staff,DC=corp,DC=example,DC=com", USER),
                unanchored("CN=partner,OU=Contacts,DC=corp,DC=example,DC=com", List.of("top", "contact")),
                unanchored("CN=ws01$,OU=Computers,DC=corp,DC=example,DC=com", List.of("top", "user", "computer")),
                Fixtures.user("noaddress", Attributes.builder().add("mail", " ")),
                Fixtures.user("bell", Attributes.builder().add("displayName", "Bell\u0007")),
                Fixtures.user("latin1", Attributes.builder().add("displayName", "Ren\uFFFD M\uFFFDller")));
        List<String> reported = new ArrayList<>();

        CheckSummary summary = new CheckEngine(
                        new ListSource(entries),
                        TestSettings.multiTenant().build(),
                        (entry, finding) -> reported.add(entry.commonName() + " " + labels(finding)),
                        new SyncListener() {})
                .run();

        assertThat(summary.line()).isEqualTo("checked=7 skipped=2 blocked=4 exportable=1");
        assertThat(summary.checked()).isEqualTo(summary.skipped() + summary.blocked() + summary.exportable());
        assertThat(reported)
                .contains("short Anchor", "partner Anchor", "noaddress NoAddress", "bell Character", "latin1 Character")
                .noneMatch(line -> line.startsWith("ws01$"));
    }

    private static String labels(Finding finding) {
        return String.join(
                ",", finding.classes().stream().map(ErrorClass::label).toList());
    }

    private static SourceEntry unanchored(String dn, List<String> objectClasses) {
        String cn = dn.substring(3, dn.indexOf(','));
        return SourceEntry.unanchored(
                dn,
                SHORT_GUID,
                objectClasses,
                Attributes.builder()
                        .add("cn", cn)
                        .add("displayName", cn)
                        .add("userPrincipalName", cn.replace("$", "") + "@example.com")
                        .add("mail", cn.replace("$", "") + "@example.com")
                        .build(),
                false);
    }

    private record ListSource(List<SourceEntry> entries) implements DirectorySource {
        @Override
        public SyncCursor read(Optional<SyncCursor> since, EntryHandler handler) {
            entries.forEach(handler::accept);
            return null;
        }

        @Override
        public String describe() {
            return "list";
        }

        @Override
        public void close() {}
    }
}
