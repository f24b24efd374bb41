package dev.dirsync.core.engine;

import static dev.dirsync.core.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.core.mapping.MailUserMapper;
import dev.dirsync.core.mapping.MappingSettings;
import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.CloudAddresses;
import dev.dirsync.core.model.CloudUser;
import dev.dirsync.core.port.CloudDirectory;
import dev.dirsync.core.port.DirectorySource;
import dev.dirsync.core.port.EntryHandler;
import dev.dirsync.core.port.SyncCursor;
import dev.dirsync.core.rules.Profile;
import dev.dirsync.core.rules.ReadinessPolicy;
import dev.dirsync.core.rules.RuleSettings;
import dev.dirsync.core.state.InMemoryStateStore;
import dev.dirsync.core.state.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A cloud that deferred the export: the run says until when, and keeps its cursor. */
class SyncEngineDeferralTest {
    private static final Instant UNTIL = Instant.parse("2024-05-06T07:06:40Z");

    private final InMemoryStateStore state = new InMemoryStateStore();

    private RunResult run(CloudDirectory cloud) {
        DirectorySource source = new DirectorySource() {
            @Override
            public SyncCursor read(Optional<SyncCursor> since, EntryHandler handler) {
                handler.accept(user("anna"));
                handler.accept(user("ben"));
                return new SyncCursor("seq", "1");
            }

            @Override
            public String describe() {
                return "two people";
            }

            @Override
            public void close() {}
        };
        return SyncEngine.builder()
                .source(source, "test-source")
                .cloud(cloud)
                .state(state)
                .rules(new RuleSettings(
                        Profile.MULTI_TENANT, Set.of(), "example.com", ReadinessPolicy.defaults(), label -> true))
                .mapper(new MailUserMapper(new MappingSettings("example.com", "DE")))
                .build()
                .run(RunOptions.APPLY);
    }

    @Test
    void deferredByTheService_theResultNamesTheTime_andTheCursorStays() {
        RunResult result = run(new DeferringCloud(Optional.of(UNTIL)));

        assertThat(result.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(result.deferredUntil()).isEqualTo(UNTIL);
        assertThat(result.note()).contains("no writes before 2024-05-06T07:06:40Z");
        assertThat(state.cursor("test-source")).isEmpty();
    }

    @Test
    void notDeferred_noTime() {
        RunResult result = run(new DeferringCloud(Optional.empty()));

        assertThat(result.deferredUntil()).isNull();
    }

    /** Answers every change deferred (or applied, when not deferring). */
    private record DeferringCloud(Optional<Instant> until) implements CloudDirectory {
        @Override
        public void listUsers(Consumer<CloudUser> handler) {}

        @Override
        public void listAddresses(Consumer<CloudAddresses> handler) {}

        @Override
        public Optional<CloudUser> findByAnchor(Anchor anchor) {
            return Optional.empty();
        }

        @Override
        public void apply(List<Change> changes, Consumer<ChangeResult> results) {
            for (Change change : changes) {
                results.accept(
                        until.isPresent()
                                ? ChangeResult.failed(change, ChangeResult.Outcome.RETRYABLE, "deferred", "later")
                                : ChangeResult.ok(
                                        change, "id-" + change.anchor().value()));
            }
        }

        @Override
        public Optional<Instant> writesDeferredUntil() {
            return until;
        }

        @Override
        public String describe() {
            return "deferring";
        }

        @Override
        public void close() {}
    }
}
