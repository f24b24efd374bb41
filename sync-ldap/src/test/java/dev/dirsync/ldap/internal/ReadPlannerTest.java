package dev.dirsync.ldap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.core.port.SyncCursor;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a delta is possible, and why a read is full otherwise. */
class ReadPlannerTest {
    private static final String SCOPE = "00112233aabbccdd";
    private static final String NTDS =
            "CN=NTDS Settings,CN=DC1,CN=Servers,CN=Site,CN=Sites,CN=Configuration,DC=corp,DC=com";
    private static final DcState THEN = new DcState("dc1.corp.example.com", NTDS, "aa".repeat(16), 1000);
    private static final DcState NOW = new DcState("DC1.corp.example.com", NTDS.toLowerCase(), "aa".repeat(16), 1200);

    @Test
    void activeDirectory_sameDcInstanceAndScope_isADelta() {
        ReadPlan plan = ReadPlanner.forActiveDirectory(cursor(THEN, SCOPE), NOW, SCOPE);

        assertThat(plan).isInstanceOf(ReadPlan.AdDelta.class);
        assertThat(((ReadPlan.AdDelta) plan).since().dc()).isEqualTo(THEN);
    }

    @Test
    void activeDirectory_noCursorOrAnotherKind_isFull() {
        assertThat(reason(ReadPlanner.forActiveDirectory(Optional.empty(), NOW, SCOPE)))
                .isEqualTo("no cursor");
        assertThat(reason(ReadPlanner.forActiveDirectory(Optional.of(new SyncCursor("full", "x")), NOW, SCOPE)))
                .contains("kind 'full'");
        assertThat(reason(
                        ReadPlanner.forActiveDirectory(Optional.of(new SyncCursor("ad-usn", "nonsense")), NOW, SCOPE)))
                .contains("cannot be read");
    }

    @Test
    void activeDirectory_anotherDc_isFull() {
        DcState other = new DcState("dc2.corp.example.com", NTDS.replace("DC1", "DC2"), NOW.invocationId(), 5000);

        assertThat(reason(ReadPlanner.forActiveDirectory(cursor(THEN, SCOPE), other, SCOPE)))
                .contains("dc1.corp.example.com", "dc2.corp.example.com");
    }

    @Test
    void activeDirectory_sameHostAnotherNtdsSettings_isFull() {
        DcState rebuilt = new DcState(THEN.host(), NTDS.replace("DC1", "DC1-NEW"), THEN.invocationId(), 1200);

        assertThat(ReadPlanner.forActiveDirectory(cursor(THEN, SCOPE), rebuilt, SCOPE))
                .isInstanceOf(ReadPlan.Full.class);
    }

    @Test
    void activeDirectory_invocationIdChanged_isFullNamingTheRestore() {
        DcState restored = new DcState(THEN.host(), NTDS, "bb".repeat(16), 1200);

        assertThat(reason(ReadPlanner.forActiveDirectory(cursor(THEN, SCOPE), restored, SCOPE)))
                .contains("invocationId changed", "restored from a backup");
    }

    @Test
    void activeDirectory_usnBelowTheWatermarkOrScopeChanged_isFull() {
        DcState behind = new DcState(THEN.host(), NTDS, THEN.invocationId(), 999);

        assertThat(reason(ReadPlanner.forActiveDirectory(cursor(THEN, SCOPE), behind, SCOPE)))
                .contains("below");
        assertThat(reason(ReadPlanner.forActiveDirectory(cursor(THEN, "ffffffffffffffff"), NOW, SCOPE)))
                .contains("scope settings");
    }

    @Test
    void otherServers_modifyTimestampCursorOfTheSameScope_isADelta() {
        SyncCursor since = new ModifyTimestampCursor(Instant.parse("2025-01-01T00:00:00Z"), SCOPE).toCursor();

        assertThat(ReadPlanner.forOtherServers(Optional.of(since), SCOPE)).isInstanceOf(ReadPlan.TimestampDelta.class);
        assertThat(ReadPlanner.forOtherServers(Optional.of(since), "other")).isInstanceOf(ReadPlan.Full.class);
        assertThat(ReadPlanner.forOtherServers(Optional.of(new AdUsnCursor(THEN, SCOPE).toCursor()), SCOPE))
                .isInstanceOf(ReadPlan.Full.class);
        assertThat(ReadPlanner.forOtherServers(Optional.empty(), SCOPE)).isInstanceOf(ReadPlan.Full.class);
    }

    private static Optional<SyncCursor> cursor(DcState dc, String scope) {
        return Optional.of(new AdUsnCursor(dc, scope).toCursor());
    }

    private static String reason(ReadPlan plan) {
        assertThat(plan).isInstanceOf(ReadPlan.Full.class);
        return ((ReadPlan.Full) plan).reason();
    }
}
