package dev.dirsync.daemon.ad;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPException;
import dev.dirsync.core.engine.RunResult;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.port.StateStore;
import dev.dirsync.core.port.SyncCursor;
import dev.dirsync.core.state.PendingRemoval;
import dev.dirsync.core.state.RunRecord;
import dev.dirsync.core.state.RunStatus;
import dev.dirsync.core.state.RunSummary;
import dev.dirsync.core.state.RunType;
import dev.dirsync.daemon.cli.ExitCode;
import dev.dirsync.daemon.config.DirsyncConfig;
import dev.dirsync.daemon.it.Cli;
import dev.dirsync.daemon.run.Adapters;
import dev.dirsync.daemon.run.StateStores;
import dev.dirsync.daemon.run.SyncRunner;
import dev.dirsync.emulator.CloudEmulator;
import dev.dirsync.emulator.EmulatorStats;
import dev.dirsync.ldap.LdapDirectorySource;
import dev.dirsync.ldap.internal.AdUsnCursor;
import dev.dirsync.ldap.internal.DcState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end against a real Active Directory DC (Samba AD DC, {@code .ci/setup-samba-ad}): the
 * LDAP source with failover URLs, scoping (excluded OU, scoping group) and USN deltas, the engine
 * through {@link SyncRunner} and the command line, an H2 file state store, and the cloud emulator,
 * whose users each scenario checks. Every scenario gets its own OU of people, emulator and state
 * ({@link AdSyncFixture}) and starts from the state it needs, so any of them runs alone.
 */
class SambaAdSyncIT {
    private static final int PEOPLE = 300;
    /** The deletion threshold: more removals than this in one run are held. */
    private static final int THRESHOLD = 3;
    /** Deleted in the threshold scenarios: more than {@link #THRESHOLD}. */
    private static final List<Integer> MASS_DELETED = List.of(10, 11, 12, 13, 14);

    private static final TestAd AD = TestAd.fromEnv();

    @TempDir
    Path dir;

    private AdSyncFixture fixture;
    private AdPeople people;
    private CloudEmulator cloud;
    private Path configFile;
    private DirsyncConfig config;
    /** Persons no longer in scope. */
    private final Set<Integer> gone = new HashSet<>();

    @BeforeEach
    void setUp() throws LDAPException, IOException {
        AD.requireReachable();
        fixture = AdSyncFixture.create(AD, dir, PEOPLE, THRESHOLD);
        people = fixture.people();
        cloud = fixture.cloud();
        configFile = fixture.configFile();
        config = fixture.config();
    }

    @AfterEach
    void tearDown() throws LDAPException {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void fullRun_createsEveryPersonWithTheirObjectGuidAsAnchor() {
        RunResult result = run(RunType.FULL);

        assertThat(result.type()).isEqualTo(RunType.FULL);
        assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(result.summary().read()).isEqualTo(PEOPLE);
        assertThat(result.summary().created()).isEqualTo(PEOPLE);
        assertThat(result.summary().blocked() + result.summary().failed()).isZero();
        assertThat(result.cursor().kind()).isEqualTo(LdapDirectorySource.AD_USN_CURSOR);
        assertThat(cloudAnchors()).containsExactlyInAnyOrderElementsOf(people.anchors());
        Map<String, Object> first = cloudUser(people.anchor(0));
        assertThat(first.get("mail")).isEqualTo(people.account(0) + "@mail.example.net");
        assertThat(first.get("mailNickname")).isEqualTo(people.account(0));
        assertThat(first.get("userPrincipalName")).isEqualTo(people.account(0) + "@corp.example.com");
        assertThat(first.get("otherMails"))
                .as("mail is targetAddress; every proxy address is another")
                .isEqualTo(List.of(
                        people.account(0) + "@corp.example.com", people.account(0) + ".alias@corp.example.com"));
    }

    @Test
    void oneAttributeModified_deltaUpdatesExactlyThatPerson() throws LDAPException {
        everyoneSynced();
        people.replace(0, "displayName", "Renamed Person");
        cloud.resetStats();

        RunResult result = run(RunType.DELTA);

        assertThat(result.type()).isEqualTo(RunType.DELTA);
        assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(result.summary().read()).isEqualTo(1);
        assertThat(result.summary().updated()).isEqualTo(1);
        EmulatorStats stats = cloud.stats();
        assertThat(stats.updates()).isEqualTo(1);
        assertThat(stats.creates()).isZero();
        assertThat(stats.deletes()).isZero();
        assertThat(cloudUser(people.anchor(0)).get("displayName")).isEqualTo("Renamed Person");
        assertThat(cloud.users()).hasSize(PEOPLE);
    }

    @Test
    void personDeleted_itsTombstoneRemovesItFromTheCloud() throws LDAPException {
        everyoneSynced();
        people.delete(1);

        RunSummary summary = removedByDelta(1);

        assertThat(summary.read()).as("the tombstone").isEqualTo(1);
    }

    @Test
    void personMovedIntoTheExcludedOu_isRemoved() throws LDAPException {
        everyoneSynced();
        people.moveTo(2, people.excluded());

        removedByDelta(2);
    }

    @Test
    void personMovedOutOfTheBase_isRemoved() throws LDAPException {
        everyoneSynced();
        people.moveTo(3, people.outside());

        removedByDelta(3);
    }

    @Test
    void personRemovedFromTheScopingGroup_isRemoved() throws LDAPException {
        everyoneSynced();
        people.removeFromGroup(4);

        removedByDelta(4);
    }

    @Test
    void removalsAboveTheThreshold_areHeld_exitCode4_andListedAsPending() throws LDAPException {
        everyoneSynced();
        for (int i : MASS_DELETED) {
            people.delete(i);
        }
        cloud.resetStats();

        Cli cli = Cli.run("sync", "--config", configFile.toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCode.THRESHOLD_EXCEEDED);
        assertThat(cli.err()).contains("deletion-threshold-exceeded");
        assertThat(cli.out() + cli.err()).doesNotContain(AD.password());
        assertThat(cloud.stats().deletes()).isZero();
        assertThat(cloudAnchors()).containsAll(anchorsOf(MASS_DELETED));
        try (StateStore state = StateStores.open(config)) {
            assertThat(state.pendingRemovals())
                    .extracting(PendingRemoval::anchor)
                    .containsExactlyInAnyOrderElementsOf(
                            anchorsOf(MASS_DELETED).stream().map(Anchor::new).toList());
            assertThat(state.recentRuns(1).get(0).status()).isEqualTo(RunStatus.DELETION_THRESHOLD_EXCEEDED);
        }
    }

    @Test
    void approvedRemovals_areExportedByTheNextRun() throws LDAPException {
        everyoneSynced();
        for (int i : MASS_DELETED) {
            people.delete(i);
        }
        assertThat(run(RunType.DELTA).status()).as("held").isEqualTo(RunStatus.DELETION_THRESHOLD_EXCEEDED);
        Cli approve = Cli.run("removals", "approve", "--config", configFile.toString());
        assertThat(approve.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(approve.out()).contains("approved " + MASS_DELETED.size());
        cloud.resetStats();

        RunResult result = run(RunType.DELTA);

        assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(result.summary().deleted()).isEqualTo(MASS_DELETED.size());
        assertThat(cloud.stats().deletes()).isEqualTo(MASS_DELETED.size());
        gone.addAll(MASS_DELETED);
        assertThat(cloudAnchors()).containsExactlyInAnyOrderElementsOf(remainingAnchors());
        try (StateStore state = StateStores.open(config)) {
            assertThat(state.pendingRemovals()).isEmpty();
        }
    }

    @Test
    void watermarkDcRestored_readsInFull_withoutDuplicates() {
        everyoneSynced();
        String sourceKey = Adapters.sourceKey(config);
        try (StateStore state = StateStores.open(config)) {
            AdUsnCursor stored =
                    AdUsnCursor.parse(state.cursor(sourceKey).orElseThrow()).orElseThrow();
            DcState dc = stored.dc();
            SyncCursor restored = new AdUsnCursor(
                            new DcState(
                                    dc.host(),
                                    dc.dsServiceName(),
                                    "00112233445566778899aabbccddeeff",
                                    dc.highestCommittedUsn()),
                            stored.scope())
                    .toCursor();
            state.saveCursor(sourceKey, restored);
        }
        cloud.resetStats();

        RunResult result = run(RunType.DELTA);

        int remaining = PEOPLE - gone.size();
        assertThat(result.type()).as("a delta from a restored DC reads in full").isEqualTo(RunType.FULL);
        assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(result.summary().read()).isEqualTo(remaining);
        assertThat(result.summary().unchanged()).isEqualTo(remaining);
        assertThat(cloud.stats().writes()).isZero();
        List<String> anchors = cloudAnchorList();
        assertThat(anchors).hasSize(remaining).doesNotHaveDuplicates();
        assertThat(cloud.users()).extracting(u -> u.get("userPrincipalName")).doesNotHaveDuplicates();
        assertThat(AdUsnCursor.parse(result.cursor()).orElseThrow().dc().invocationId())
                .isNotEqualTo("00112233445566778899aabbccddeeff");
    }

    @Test
    void dcKilledMidRead_failsWithExitCode3_andRemovesNothing() throws IOException {
        everyoneSynced();
        int before = cloud.users().size();
        cloud.resetStats();
        // the directory's answer to a full read is well over 100 kB: cut it a little way in
        try (CuttingProxy proxy = CuttingProxy.start(AD.host(), AD.port(), 40_000)) {
            Path viaProxy = fixture.writeConfig("via-proxy.yaml", "ldap://127.0.0.1:" + proxy.port());

            Cli cli = Cli.run("sync", "--config", viaProxy.toString());

            assertThat(proxy.wasCut()).isTrue();
            assertThat(cli.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
            assertThat(cli.err()).contains("unavailable").doesNotContain(AD.password());
        }
        assertThat(cloud.stats().writes()).isZero();
        assertThat(cloud.users()).hasSize(before);
        try (StateStore state = StateStores.open(config)) {
            RunRecord last = state.recentRuns(1).get(0);
            assertThat(last.status()).isEqualTo(RunStatus.FAILED);
            assertThat(last.summary().read()).as("entries read before the cut").isBetween(1L, (long) before - 1);
            assertThat(last.summary().deleted()).isZero();
            assertThat(state.pendingRemovals()).isEmpty();
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** A delta run that removes exactly person {@code i} from the cloud, and nothing else. */
    private RunSummary removedByDelta(int i) {
        cloud.resetStats();

        RunResult result = run(RunType.DELTA);

        gone.add(i);
        assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(result.summary().deleted()).isEqualTo(1);
        assertThat(result.summary().created() + result.summary().updated()).isZero();
        EmulatorStats stats = cloud.stats();
        assertThat(stats.deletes()).isEqualTo(1);
        assertThat(stats.creates() + stats.updates()).isZero();
        assertThat(cloudAnchors())
                .doesNotContain(people.anchor(i))
                .containsExactlyInAnyOrderElementsOf(remainingAnchors());
        return result.summary();
    }

    /** The state most scenarios start from: a full run has created every person in the cloud. */
    private void everyoneSynced() {
        RunResult result = run(RunType.FULL);
        assertThat(result.status())
                .as("the full run every scenario starts from")
                .isEqualTo(RunStatus.SUCCESS);
        assertThat(cloud.users()).hasSize(PEOPLE);
    }

    private RunResult run(RunType type) {
        return fixture.run(type);
    }

    private Map<String, Object> cloudUser(String anchor) {
        return cloud.users().stream()
                .filter(u -> anchor.equals(u.get("onPremisesImmutableId")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cloud user with anchor " + anchor));
    }

    private List<String> cloudAnchorList() {
        return cloud.users().stream()
                .map(u -> (String) u.get("onPremisesImmutableId"))
                .toList();
    }

    private Set<String> cloudAnchors() {
        return new HashSet<>(cloudAnchorList());
    }

    private List<String> remainingAnchors() {
        return IntStream.range(0, PEOPLE)
                .filter(i -> !gone.contains(i))
                .mapToObj(people::anchor)
                .toList();
    }

    private List<String> anchorsOf(List<Integer> indexes) {
        return indexes.stream().map(people::anchor).toList();
    }
}
