package dev.dirsync.core.engine;

import static dev.dirsync.core.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dirsync.core.UnavailableException;
import dev.dirsync.core.mapping.MailUserMapper;
import dev.dirsync.core.mapping.MappingSettings;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.Attributes;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.CloudAddresses;
import dev.dirsync.core.model.CloudUser;
import dev.dirsync.core.model.MailUser;
import dev.dirsync.core.model.MailUserField;
import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.port.CloudDirectory;
import dev.dirsync.core.port.DirectorySource;
import dev.dirsync.core.port.EntryHandler;
import dev.dirsync.core.port.ReadResult;
import dev.dirsync.core.port.SyncCursor;
import dev.dirsync.core.removal.RemovalAction;
import dev.dirsync.core.removal.RemovalSettings;
import dev.dirsync.core.rules.Profile;
import dev.dirsync.core.rules.ReadinessPolicy;
import dev.dirsync.core.rules.RuleSettings;
import dev.dirsync.core.state.InMemoryStateStore;
import dev.dirsync.core.state.RunStatus;
import dev.dirsync.core.state.RunSummary;
import dev.dirsync.core.state.RunType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The engine's flow against in-memory ports: counting, batching, idempotence, failures. */
class SyncEngineTest {
    private static final RuleSettings RULES =
            new RuleSettings(Profile.MULTI_TENANT, Set.of(), "example.com", ReadinessPolicy.defaults(), label -> Set.of(
                            "com", "net", "org")
                    .contains(label.toLowerCase()));

    private final List<SourceEntry> directory = new ArrayList<>();
    private final FakeCloud cloud = new FakeCloud();
    private final InMemoryStateStore state = new InMemoryStateStore();
    private RemovalSettings removal = RemovalSettings.defaults();
    private ListSource source = new ListSource(directory);

    private final List<String> reported = new ArrayList<>();

    private RunResult runResult(RunOptions options) {
        return runResult(options, state);
    }

    private RunResult runResult(RunOptions options, dev.dirsync.core.port.StateStore store) {
        return SyncEngine.builder()
                .source(source, "test-source")
                .cloud(cloud)
                .state(store)
                .findings((entry, finding) -> reported.add(
                        entry.dn() + " " + finding.attribute() + " " + finding.errorText() + " " + finding.detail()))
                .rules(RULES)
                .mapper(new MailUserMapper(new MappingSettings("example.com", "DE")))
                .removal(removal)
                .build()
                .run(options);
    }

    private RunSummary run(RunOptions options) {
        return runResult(options).summary();
    }

    @Test
    void firstRunCreates_secondRunWritesNothing() {
        for (int i = 0; i < 45; i++) {
            directory.add(user("user" + i));
        }
        RunSummary first = run(RunOptions.APPLY);
        assertThat(first.line())
                .isEqualTo("read=45 skipped=0 blocked=0 created=45 updated=0 deleted=0 unchanged=0 failed=0");
        assertThat(cloud.batchSizes).containsExactly(20, 20, 5);

        int writes = cloud.applied.size();
        RunSummary second = run(RunOptions.APPLY);
        assertThat(second.line())
                .isEqualTo("read=45 skipped=0 blocked=0 created=0 updated=0 deleted=0 unchanged=45 failed=0");
        assertThat(cloud.applied).hasSize(writes);
    }

    @Test
    void changedAttribute_updatesOnlyThatAttribute() {
        directory.add(user("anna"));
        run(RunOptions.APPLY);
        directory.set(0, user("anna", Attributes.builder().add("displayName", "Anna Schmidt")));
        RunSummary summary = run(RunOptions.APPLY);
        assertThat(summary.updated()).isEqualTo(1);
        Change.Update update = (Change.Update) cloud.applied.get(cloud.applied.size() - 1);
        assertThat(update.changed()).extracting(f -> f.graphName()).containsExactly("displayName");
    }

    @Test
    void dryRun_plansButWritesNothing() {
        directory.add(user("anna"));
        RunSummary summary = run(RunOptions.DRY_RUN);
        assertThat(summary.created()).isEqualTo(1);
        assertThat(cloud.applied).isEmpty();
    }

    @Test
    void dryRun_writesNothingToTheStateButItsRunRecord_markedPlanned() {
        removal = new RemovalSettings(RemovalAction.DELETE, 500, 100);
        directory.add(user("anna"));
        directory.add(user("ben"));
        directory.add(user("bad"));
        cloud.rejectUpn = "bad@example.com";
        run(RunOptions.APPLY);
        directory.set(0, user("anna", Attributes.builder().add("displayName", "Anna Schmidt")));
        directory.remove(1);
        directory.add(user("carl"));
        String before = stateSnapshot();
        int writes = cloud.applied.size();

        RunResult planned = runResult(RunOptions.DRY_RUN);

        assertThat(planned.summary().line())
                .isEqualTo("read=3 skipped=0 blocked=0 created=2 updated=1 deleted=1 unchanged=0 failed=0");
        assertThat(cloud.applied).hasSize(writes);
        assertThat(stateSnapshot()).isEqualTo(before);
        assertThat(state.run(planned.runId())).hasValueSatisfying(r -> {
            assertThat(r.planned()).isTrue();
            assertThat(r.summary()).isEqualTo(planned.summary());
        });
        assertThat(state.run(planned.runId() - 1))
                .hasValueSatisfying(r -> assertThat(r.planned()).isFalse());
    }

    @Test
    void disabledRemoval_isRecorded_laterRunsWriteNothing_andAPersonWhoComesBackIsEnabledAgain() {
        removal = new RemovalSettings(RemovalAction.DISABLE, 500, 50);
        directory.add(user("anna"));
        directory.add(user("ben"));
        run(RunOptions.APPLY);
        SourceEntry ben = directory.remove(1);

        RunSummary disabling = run(RunOptions.APPLY);
        int writes = cloud.applied.size();
        RunSummary after = run(RunOptions.APPLY);

        assertThat(disabling.line())
                .isEqualTo("read=1 skipped=0 blocked=0 created=0 updated=0 deleted=1 unchanged=1 failed=0");
        assertThat(after.line())
                .isEqualTo("read=1 skipped=0 blocked=0 created=0 updated=0 deleted=0 unchanged=1 failed=0");
        assertThat(cloud.applied).hasSize(writes);
        assertThat(state.object(ben.anchor()))
                .hasValueSatisfying(o -> assertThat(o.disabled()).isTrue());

        directory.add(ben);
        RunSummary back = run(RunOptions.APPLY);
        assertThat(back.updated()).isEqualTo(1);
        assertThat(cloud.users.get(ben.anchor()).user().accountEnabled()).isTrue();
        assertThat(state.object(ben.anchor()))
                .hasValueSatisfying(o -> assertThat(o.disabled()).isFalse());
    }

    @Test
    void anchorCarriedTwice_blocksTheSecondCarrier_thenEveryCarrier_andLeavesTheCloudCopyAsItIs() {
        directory.add(user("anna"));
        SourceEntry annaCopy = copyWithAnchorOf("bert", directory.get(0));
        directory.add(annaCopy);

        RunSummary first = run(RunOptions.APPLY);
        assertThat(first.created()).isEqualTo(1);
        assertThat(first.blocked()).isEqualTo(1);
        assertThat(reported)
                .containsExactly(annaCopy.dn() + " anchor DuplicateAnchor "
                        + directory.get(0).dn());
        MailUser cloudCopy = cloud.users.get(annaCopy.anchor()).user();

        reported.clear();
        int writes = cloud.applied.size();
        RunSummary second = run(RunOptions.APPLY);
        assertThat(second.blocked()).isEqualTo(2);
        assertThat(cloud.applied).hasSize(writes);
        assertThat(cloud.users.get(annaCopy.anchor()).user()).isEqualTo(cloudCopy);
        assertThat(reported)
                .containsExactly(
                        directory.get(0).dn() + " anchor DuplicateAnchor " + annaCopy.dn(),
                        annaCopy.dn() + " anchor DuplicateAnchor "
                                + directory.get(0).dn());

        directory.remove(1);
        run(RunOptions.APPLY);
        RunSummary resolved = run(RunOptions.APPLY);
        assertThat(resolved.blocked()).isZero();
        assertThat(resolved.unchanged()).isEqualTo(1);
    }

    @Test
    void deltaRun_addressAnotherPersonHolds_isBlocked_andTheFirstHolderKeepsItInTheNextFullRun() {
        removal = new RemovalSettings(RemovalAction.DELETE, 500, 100);
        directory.add(user("anna", Attributes.builder().add("proxyAddresses", "smtp:team@example.com")));
        directory.add(user("ben"));
        run(RunOptions.APPLY);
        SourceEntry benWithTeam = user("ben", Attributes.builder().add("proxyAddresses", "smtp:team@example.com"));
        source.delta.add(benWithTeam);
        int writes = cloud.applied.size();

        RunResult delta = runResult(new RunOptions(RunType.DELTA, false, "cli"));

        assertThat(delta.type()).isEqualTo(RunType.DELTA);
        assertThat(delta.summary().blocked()).isEqualTo(1);
        assertThat(cloud.applied).hasSize(writes);
        assertThat(reported)
                .containsExactly(benWithTeam.dn() + " proxyAddresses Duplicate "
                        + directory.get(0).dn());

        reported.clear();
        directory.set(1, directory.get(0));
        directory.set(0, benWithTeam);
        RunSummary full = run(RunOptions.APPLY);
        assertThat(full.line())
                .isEqualTo("read=2 skipped=0 blocked=1 created=0 updated=0 deleted=0 unchanged=1 failed=0");
        assertThat(cloud.applied).hasSize(writes);
        assertThat(reported)
                .containsExactly(benWithTeam.dn() + " proxyAddresses Duplicate "
                        + directory.get(1).dn());
    }

    @Test
    void entryWithoutAnchor_isCountedAndReported_andExportsNothing() {
        directory.add(user("anna"));
        SourceEntry noAnchor = user("nobody");
        directory.add(SourceEntry.unanchored(
                noAnchor.dn(),
                new SourceEntry.AnchorProblem("anchor", null, "no anchor attribute"),
                List.of("top", "person", "organizationalPerson", "user"),
                noAnchor.attributes(),
                false));

        RunSummary summary = run(RunOptions.APPLY);

        assertThat(summary.line())
                .isEqualTo("read=2 skipped=0 blocked=1 created=1 updated=0 deleted=0 unchanged=0 failed=0");
        assertThat(reported).singleElement().asString().startsWith(noAnchor.dn() + " anchor Anchor ");
    }

    @Test
    void fullRun_addressACloudOnlyObjectHolds_blocksTheCreate_namingTheHolder() {
        cloud.others.add(new CloudAddresses("grp-1", "group", null, "Sales", List.of(), List.of("Sales@Example.com")));
        directory.add(user("carl", Attributes.builder().add("mail", "sales@example.com")));
        directory.add(user("dora"));

        RunSummary summary = run(RunOptions.APPLY);

        assertThat(summary.created()).isEqualTo(1);
        assertThat(summary.blocked()).isEqualTo(1);
        assertThat(reported).containsExactly(directory.get(0).dn() + " mail Duplicate cloud group Sales (grp-1)");
        assertThat(state.openErrors()).singleElement().satisfies(e -> assertThat(e.message())
                .isEqualTo("mail 'sales@example.com' is already held by cloud group Sales (grp-1)"));
    }

    @Test
    void stateLost_theNextFullRunManagesTheCloudUsersItReads_andListsTheOthers_removalsFollowAdoption() {
        removal = new RemovalSettings(RemovalAction.DELETE, 500, 100);
        directory.add(user("anna"));
        directory.add(user("ben"));
        directory.add(user("zoe"));
        run(RunOptions.APPLY);
        SourceEntry zoe = directory.remove(2);
        InMemoryStateStore rebuilt = new InMemoryStateStore();

        RunSummary adopting = runResult(RunOptions.APPLY, rebuilt).summary();

        assertThat(adopting.line())
                .isEqualTo("read=2 skipped=0 blocked=0 created=0 updated=0 deleted=0 unchanged=2 failed=0");
        assertThat(rebuilt.objectCount()).isEqualTo(2);
        assertThat(rebuilt.unmanagedUsers()).singleElement().satisfies(u -> {
            assertThat(u.object().anchor()).isEqualTo(zoe.anchor());
            assertThat(u.userPrincipalName()).isEqualTo("zoe@example.com");
        });
        assertThat(cloud.users).containsKey(zoe.anchor());

        directory.remove(1);
        RunSummary removing = runResult(RunOptions.APPLY, rebuilt).summary();
        assertThat(removing.deleted()).isEqualTo(1);
        assertThat(cloud.users).hasSize(2).containsKey(zoe.anchor());

        assertThat(rebuilt.adopt(zoe.anchor())).isPresent();
        RunSummary afterAdoption = runResult(RunOptions.APPLY, rebuilt).summary();
        assertThat(afterAdoption.deleted()).isEqualTo(1);
        assertThat(cloud.users).doesNotContainKey(zoe.anchor());
        assertThat(rebuilt.unmanagedUsers()).isEmpty();
    }

    private static SourceEntry copyWithAnchorOf(String account, SourceEntry original) {
        SourceEntry other = user(account);
        return SourceEntry.live(
                other.dn(),
                original.anchor(),
                List.of("top", "person", "organizationalPerson", "user"),
                other.attributes());
    }

    /** Everything the store holds but the run records. */
    private String stateSnapshot() {
        List<String> objects = new ArrayList<>();
        state.forEachObject(o -> objects.add(
                o.anchor() + " " + o.cloudId() + " " + o.dn() + " " + java.util.Arrays.toString(o.digests())));
        return state.cursor("test-source") + "\n" + objects + "\n" + state.openErrors() + "\n" + state.pendingRemovals()
                + "\n" + state.approvedRemovals();
    }

    @Test
    void oneObjectFailing_isCountedAndTheOthersStillApply() {
        directory.add(user("good1"));
        directory.add(user("bad"));
        directory.add(user("good2"));
        cloud.rejectUpn = "bad@example.com";
        RunSummary summary = run(RunOptions.APPLY);
        assertThat(summary.created()).isEqualTo(2);
        assertThat(summary.failed()).isEqualTo(1);
    }

    @Test
    void contactsAndGroups_areSkipped_notExported() {
        directory.add(user("anna"));
        directory.add(SourceEntry.live(
                "CN=Desk,OU=Contacts,DC=corp",
                dev.dirsync.core.Fixtures.anchor("desk"),
                List.of("top", "contact"),
                Attributes.builder()
                        .add("cn", "Desk")
                        .add("mail", "desk@example.net")
                        .build()));
        RunSummary summary = run(RunOptions.APPLY);
        assertThat(summary.skipped()).isEqualTo(1);
        assertThat(summary.created()).isEqualTo(1);
    }

    @Test
    void fullRun_removesManagedObjectsTheReadNoLongerReturns() {
        removal = new RemovalSettings(RemovalAction.DELETE, 500, 10);
        for (int i = 0; i < 20; i++) {
            directory.add(user("user" + i));
        }
        run(RunOptions.APPLY);
        directory.remove(3);
        RunResult result = runResult(RunOptions.APPLY);
        assertThat(result.summary().deleted()).isEqualTo(1);
        assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(cloud.users).hasSize(19);
        assertThat(state.objectCount()).isEqualTo(19);
    }

    @Test
    void cloudOnlyUsers_areNeverRemoved() {
        directory.add(user("anna"));
        run(RunOptions.APPLY);
        MailUser foreign = new MailUser(
                dev.dirsync.core.Fixtures.anchor("foreign"),
                "f@example.com",
                "F",
                null,
                null,
                "f",
                null,
                List.of(),
                true,
                null);
        cloud.users.put(foreign.anchor(), new CloudUser("foreign-id", foreign));
        RunSummary summary = run(RunOptions.APPLY);
        assertThat(summary.deleted()).isZero();
        assertThat(cloud.users).containsKey(foreign.anchor());
    }

    @Test
    void removalsAboveThreshold_areHeld_untilApproved() {
        removal = new RemovalSettings(RemovalAction.DELETE, 3, 100);
        for (int i = 0; i < 10; i++) {
            directory.add(user("user" + i));
        }
        run(RunOptions.APPLY);
        directory.subList(0, 5).clear();

        RunResult held = runResult(RunOptions.APPLY);
        assertThat(held.status()).isEqualTo(RunStatus.DELETION_THRESHOLD_EXCEEDED);
        assertThat(held.pendingRemovals()).isEqualTo(5);
        assertThat(cloud.users).hasSize(10);
        assertThat(state.pendingRemovals()).hasSize(5);

        state.approveRemovals(Optional.of(held.runId()));
        RunResult approved = runResult(RunOptions.APPLY);
        assertThat(approved.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(approved.summary().deleted()).isEqualTo(5);
        assertThat(cloud.users).hasSize(5);
        assertThat(state.pendingRemovals()).isEmpty();
    }

    @Test
    void tombstonesHeldByTheThreshold_areRemovedByTheDeltaRunAfterApproval() {
        removal = new RemovalSettings(RemovalAction.DELETE, 1, 100);
        for (int i = 0; i < 5; i++) {
            directory.add(user("user" + i));
        }
        run(RunOptions.APPLY);
        for (int i = 0; i < 3; i++) {
            SourceEntry gone = directory.get(i);
            source.delta.add(new SourceEntry(gone.dn(), gone.anchor(), List.of("user"), Attributes.empty(), true));
        }
        RunResult held = runResult(new RunOptions(RunType.DELTA, false, "schedule"));
        assertThat(held.status()).isEqualTo(RunStatus.DELETION_THRESHOLD_EXCEEDED);
        assertThat(cloud.users).hasSize(5);

        state.approveRemovals(Optional.empty());
        assertThat(state.pendingRemovals())
                .as("approved removals no longer await approval")
                .isEmpty();
        source.delta.clear();
        RunResult approved = runResult(new RunOptions(RunType.DELTA, false, "schedule"));
        assertThat(approved.summary().deleted()).isEqualTo(3);
        assertThat(cloud.users).hasSize(2);
    }

    @Test
    void disableAction_disablesInsteadOfDeleting_andSendsOnlyAccountEnabled() {
        removal = new RemovalSettings(RemovalAction.DISABLE, 500, 50);
        directory.add(user("anna"));
        directory.add(user("ben"));
        run(RunOptions.APPLY);
        directory.remove(1);
        RunSummary summary = run(RunOptions.APPLY);
        assertThat(summary.deleted()).isEqualTo(1);
        Change.Update disable = (Change.Update) cloud.applied.get(cloud.applied.size() - 1);
        assertThat(disable.changed()).containsExactly(MailUserField.ACCOUNT_ENABLED);
        assertThat(disable.user().accountEnabled()).isFalse();
    }

    @Test
    void readFailingMidway_yieldsNoRemovals_andStoresNoCursor() {
        for (int i = 0; i < 10; i++) {
            directory.add(user("user" + i));
        }
        run(RunOptions.APPLY);
        source.failAfter = 4;
        assertThatThrownBy(() -> run(RunOptions.APPLY)).isInstanceOf(UnavailableException.class);
        assertThat(cloud.users).hasSize(10);
        assertThat(state.recentRuns(1).get(0).status()).isEqualTo(RunStatus.FAILED);
        assertThat(state.cursor("test-source")).contains(new SyncCursor("seq", "1"));
    }

    @Test
    void emptyRead_neverRemovesAnything() {
        directory.add(user("anna"));
        run(RunOptions.APPLY);
        directory.clear();
        RunResult result = runResult(RunOptions.APPLY);
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.note()).contains("removals suppressed");
        assertThat(cloud.users).hasSize(1);
    }

    @Test
    void deltaRun_readsOnlyChanges_plansAgainstState_andRemovesTombstones() {
        removal = new RemovalSettings(RemovalAction.DELETE, 500, 100);
        for (int i = 0; i < 5; i++) {
            directory.add(user("user" + i));
        }
        run(RunOptions.APPLY);
        int listings = cloud.listings;
        source.delta.add(user("user1", Attributes.builder().add("displayName", "Renamed")));
        source.delta.add(new SourceEntry(
                directory.get(2).dn(), directory.get(2).anchor(), List.of("user"), Attributes.empty(), true));

        RunResult result = runResult(new RunOptions(RunType.DELTA, false, "schedule"));
        assertThat(result.type()).isEqualTo(RunType.DELTA);
        assertThat(cloud.listings).as("a delta run needs no cloud read").isEqualTo(listings);
        assertThat(source.reads.get(source.reads.size() - 1)).contains(new SyncCursor("seq", "1"));
        assertThat(result.summary().updated()).isEqualTo(1);
        assertThat(result.summary().deleted()).isEqualTo(1);
        assertThat(result.summary().read()).isEqualTo(2);
        assertThat(cloud.users).hasSize(4);
    }

    @Test
    void deltaTheSourceAnsweredInFull_removesWhatTheReadDidNotReturn() {
        removal = new RemovalSettings(RemovalAction.DELETE, 500, 100);
        for (int i = 0; i < 4; i++) {
            directory.add(user("user" + i));
        }
        run(RunOptions.APPLY);
        directory.remove(0);
        source.deltaFallsBackToFull = true;
        RunResult result = runResult(new RunOptions(RunType.DELTA, false, "schedule"));
        assertThat(result.type()).isEqualTo(RunType.FULL);
        assertThat(result.summary().deleted()).isEqualTo(1);
    }

    @Test
    void tombstoneWithoutTheManagedAnchor_isMatchedByItsObjectGuidAnchor() {
        removal = new RemovalSettings(RemovalAction.DELETE, 500, 100);
        directory.add(user("anna"));
        run(RunOptions.APPLY);
        SourceEntry anna = directory.get(0);
        source.delta.add(new SourceEntry(
                anna.dn(),
                dev.dirsync.core.Fixtures.anchor("guid-of-anna"),
                List.of("user"),
                Attributes.builder()
                        .add(SourceEntry.OBJECT_GUID_ANCHOR, anna.anchor().value())
                        .build(),
                true));
        RunResult result = runResult(new RunOptions(RunType.DELTA, false, "schedule"));
        assertThat(result.summary().deleted()).isEqualTo(1);
        assertThat(cloud.users).isEmpty();
    }

    @Test
    void deltaWithoutCursor_readsInFull() {
        directory.add(user("anna"));
        RunResult result = runResult(new RunOptions(RunType.DELTA, false, "schedule"));
        assertThat(result.type()).isEqualTo(RunType.FULL);
        assertThat(result.summary().created()).isEqualTo(1);
    }

    @Test
    void cloudUserDeletedByHand_isCreatedAgainOnTheNextFullRun() {
        directory.add(user("anna"));
        run(RunOptions.APPLY);
        cloud.users.clear();
        RunSummary summary = run(RunOptions.APPLY);
        assertThat(summary.created()).isEqualTo(1);
        assertThat(summary.deleted()).isZero();
    }

    @Test
    void retryableFailure_keepsTheCursor_rejectedDoesNot() {
        directory.add(user("anna"));
        run(RunOptions.APPLY);
        cloud.retryableUpn = "anna@example.com";
        directory.set(0, user("anna", Attributes.builder().add("displayName", "Anna S")));
        RunResult result = runResult(RunOptions.APPLY);
        assertThat(result.summary().failed()).isEqualTo(1);
        assertThat(result.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(state.cursor("test-source")).contains(new SyncCursor("seq", "1"));
        assertThat(state.openErrors()).singleElement().satisfies(e -> assertThat(e.kind())
                .isEqualTo("retryable"));
    }

    @Test
    void cloudLost_midRun_endsTheRunWithUnavailable() {
        directory.add(user("anna"));
        cloud.unavailable = true;
        assertThatThrownBy(() -> run(RunOptions.APPLY)).isInstanceOf(UnavailableException.class);
    }

    @Test
    void stopSignal_exportsTheBatchInFlight_recordsFailed_storesNoCursor_removesNothing() {
        for (int i = 0; i < 30; i++) {
            directory.add(user("user" + i));
        }
        run(RunOptions.APPLY);
        directory.subList(0, 5).clear();
        for (int i = 30; i < 60; i++) {
            directory.add(user("user" + i));
        }
        int[] seen = {0};
        long[] startedRun = {0};
        SyncEngine engine = SyncEngine.builder()
                .source(source, "test-source")
                .cloud(cloud)
                .state(state)
                .rules(RULES)
                .mapper(new MailUserMapper(new MappingSettings("example.com", "DE")))
                .removal(new RemovalSettings(RemovalAction.DELETE, 500, 100))
                .listener(new SyncListener() {
                    @Override
                    public void started(long runId, RunType type) {
                        startedRun[0] = runId;
                    }

                    @Override
                    public void progress(RunSummary soFar) {
                        seen[0] = (int) soFar.read();
                    }
                })
                .stopSignal(() -> seen[0] >= 40)
                .build();

        assertThatThrownBy(() -> engine.run(RunOptions.APPLY))
                .isInstanceOf(dev.dirsync.core.RunStoppedException.class)
                .hasMessage("stopped by shutdown");

        assertThat(startedRun[0]).isEqualTo(2);
        assertThat(cloud.users)
                .as("the 15 new users planned before the stop were exported, none removed")
                .hasSize(45);
        assertThat(state.run(2)).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.FAILED);
            assertThat(r.errorSummary()).isEqualTo("stopped by shutdown");
            assertThat(r.summary().created()).isEqualTo(15);
        });
        assertThat(state.cursor("test-source")).contains(new SyncCursor("seq", "1"));
    }

    /**
     * Serves the list in full, or (with a cursor) only the entries in {@code delta}; can fail after
     * some entries to imitate a directory lost mid-read.
     */
    private static final class ListSource implements DirectorySource {
        private final List<SourceEntry> entries;
        final List<SourceEntry> delta = new ArrayList<>();
        int failAfter = -1;
        boolean deltaFallsBackToFull;
        final List<Optional<SyncCursor>> reads = new ArrayList<>();

        ListSource(List<SourceEntry> entries) {
            this.entries = entries;
        }

        @Override
        public SyncCursor read(Optional<SyncCursor> since, EntryHandler handler) {
            return readFrom(since, handler).cursor();
        }

        @Override
        public ReadResult readFrom(Optional<SyncCursor> since, EntryHandler handler) {
            reads.add(since);
            boolean full = since.isEmpty() || deltaFallsBackToFull;
            List<SourceEntry> served = full ? entries : delta;
            int n = 0;
            for (SourceEntry entry : served) {
                if (n++ == failAfter) {
                    throw new UnavailableException("directory stopped answering");
                }
                handler.accept(entry);
            }
            return new ReadResult(new SyncCursor("seq", String.valueOf(reads.size())), full);
        }

        @Override
        public String describe() {
            return "list";
        }

        @Override
        public void close() {}
    }

    /** Holds users by anchor; records every applied change and batch size. */
    private static final class FakeCloud implements CloudDirectory {
        final Map<Anchor, CloudUser> users = new LinkedHashMap<>();
        final List<Change> applied = new ArrayList<>();
        final List<Integer> batchSizes = new ArrayList<>();
        final List<CloudAddresses> others = new ArrayList<>();
        String rejectUpn;
        String retryableUpn;
        boolean unavailable;
        int listings;

        @Override
        public void listUsers(Consumer<CloudUser> handler) {
            listings++;
            users.values().forEach(handler);
        }

        @Override
        public void listAddresses(Consumer<CloudAddresses> handler) {
            for (CloudUser cloudUser : users.values()) {
                MailUser user = cloudUser.user();
                List<String> smtp = new ArrayList<>(user.otherMails());
                if (user.mail() != null) {
                    smtp.add(user.mail());
                }
                handler.accept(new CloudAddresses(
                        cloudUser.id(),
                        "user",
                        user.anchor(),
                        user.userPrincipalName(),
                        user.userPrincipalName() == null ? List.of() : List.of(user.userPrincipalName()),
                        smtp));
            }
            others.forEach(handler);
        }

        @Override
        public Optional<CloudUser> findByAnchor(Anchor anchor) {
            return Optional.ofNullable(users.get(anchor));
        }

        @Override
        public void apply(List<Change> changes, Consumer<ChangeResult> results) {
            if (unavailable) {
                throw new UnavailableException("cloud gone");
            }
            batchSizes.add(changes.size());
            for (Change change : changes) {
                if (change instanceof Change.Remove remove) {
                    applied.add(change);
                    users.remove(remove.anchor());
                    results.accept(ChangeResult.ok(change, remove.cloudId()));
                    continue;
                }
                MailUser user = change instanceof Change.Create c ? c.user() : ((Change.Update) change).user();
                String upn = String.valueOf(user.userPrincipalName());
                if (upn.equals(rejectUpn) || upn.equals(retryableUpn)) {
                    results.accept(ChangeResult.failed(
                            change,
                            upn.equals(rejectUpn) ? ChangeResult.Outcome.REJECTED : ChangeResult.Outcome.RETRYABLE,
                            "E",
                            "no"));
                    continue;
                }
                applied.add(change);
                String id = change instanceof Change.Update u ? u.cloudId() : "id-" + user.anchor();
                users.put(user.anchor(), new CloudUser(id, user));
                results.accept(ChangeResult.ok(change, id));
            }
        }

        @Override
        public String describe() {
            return "fake";
        }

        @Override
        public void close() {}
    }
}
