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
import dev.dirsync.core.model.CloudUser;
import dev.dirsync.core.model.MailUser;
import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.port.CloudDirectory;
import dev.dirsync.core.port.DirectorySource;
import dev.dirsync.core.port.EntryHandler;
import dev.dirsync.core.port.FindingSink;
import dev.dirsync.core.port.SyncCursor;
import dev.dirsync.core.rules.Profile;
import dev.dirsync.core.rules.ReadinessPolicy;
import dev.dirsync.core.rules.RuleSettings;
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
    private static final RuleSettings RULES = new RuleSettings(Profile.MULTI_TENANT, Set.of(), "example.com",
            ReadinessPolicy.defaults(), label -> Set.of("com", "net", "org").contains(label.toLowerCase()));

    private final List<SourceEntry> directory = new ArrayList<>();
    private final FakeCloud cloud = new FakeCloud();

    private RunSummary run(RunOptions options) {
        SyncEngine engine = new SyncEngine(new ListSource(directory), cloud, RULES,
                new MailUserMapper(new MappingSettings("example.com", "DE")), FindingSink.NONE, SyncListener.NONE);
        return engine.run(options).summary();
    }

    @Test
    void firstRunCreates_secondRunWritesNothing() {
        for (int i = 0; i < 45; i++) {
            directory.add(user("user" + i));
        }
        RunSummary first = run(RunOptions.APPLY);
        assertThat(first.line()).isEqualTo("read=45 skipped=0 blocked=0 created=45 updated=0 deleted=0 unchanged=0 failed=0");
        assertThat(cloud.batchSizes).containsExactly(20, 20, 5);

        int writes = cloud.applied.size();
        RunSummary second = run(RunOptions.APPLY);
        assertThat(second.line()).isEqualTo("read=45 skipped=0 blocked=0 created=0 updated=0 deleted=0 unchanged=45 failed=0");
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
        directory.add(SourceEntry.live("CN=Desk,OU=Contacts,DC=corp", dev.dirsync.core.Fixtures.anchor("desk"),
                List.of("top", "contact"), Attributes.builder().add("cn", "Desk").add("mail", "desk@example.net").build()));
        RunSummary summary = run(RunOptions.APPLY);
        assertThat(summary.skipped()).isEqualTo(1);
        assertThat(summary.created()).isEqualTo(1);
    }

    @Test
    void cloudLost_midRun_endsTheRunWithUnavailable() {
        directory.add(user("anna"));
        cloud.unavailable = true;
        assertThatThrownBy(() -> run(RunOptions.APPLY)).isInstanceOf(UnavailableException.class);
    }

    private record ListSource(List<SourceEntry> entries) implements DirectorySource {
        @Override
        public SyncCursor read(Optional<SyncCursor> since, EntryHandler handler) {
            entries.forEach(handler::accept);
            return new SyncCursor("full", "t");
        }

        @Override
        public String describe() {
            return "list";
        }

        @Override
        public void close() {
        }
    }

    /** Holds users by anchor; records every applied change and batch size. */
    private static final class FakeCloud implements CloudDirectory {
        final Map<Anchor, CloudUser> users = new LinkedHashMap<>();
        final List<Change> applied = new ArrayList<>();
        final List<Integer> batchSizes = new ArrayList<>();
        String rejectUpn;
        boolean unavailable;

        @Override
        public void listUsers(Consumer<CloudUser> handler) {
            users.values().forEach(handler);
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
                MailUser user = change instanceof Change.Create c ? c.user() : ((Change.Update) change).user();
                if (user.userPrincipalName().equals(rejectUpn)) {
                    results.accept(ChangeResult.failed(change, ChangeResult.Outcome.REJECTED, "Request_BadRequest", "no"));
                    continue;
                }
                applied.add(change);
                String id = change instanceof Change.Update u ? u.cloudId() : "id-" + users.size();
                users.put(user.anchor(), new CloudUser(id, user));
                results.accept(ChangeResult.ok(change, id));
            }
        }

        @Override
        public String describe() {
            return "fake";
        }

        @Override
        public void close() {
        }
    }
}
