package dev.dirsync.core.engine.internal;

import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.CloudAddresses;
import dev.dirsync.core.model.CloudUser;
import dev.dirsync.core.port.CloudDirectory;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The cloud of a dry run: reads go to the real cloud, changes are answered as applied without
 * being sent. A planned create gets the cloud id {@link #PLANNED_ID}. Does not close the cloud it
 * wraps.
 */
public final class PlanningCloud implements CloudDirectory {
    public static final String PLANNED_ID = "(planned)";

    private final CloudDirectory cloud;

    public PlanningCloud(CloudDirectory cloud) {
        this.cloud = cloud;
    }

    @Override
    public void listUsers(Consumer<CloudUser> handler) {
        cloud.listUsers(handler);
    }

    @Override
    public void listAddresses(Consumer<CloudAddresses> handler) {
        cloud.listAddresses(handler);
    }

    @Override
    public boolean matchesUnanchoredUsers() {
        return cloud.matchesUnanchoredUsers();
    }

    @Override
    public Optional<CloudUser> findByAnchor(Anchor anchor) {
        return cloud.findByAnchor(anchor);
    }

    @Override
    public void apply(List<Change> changes, Consumer<ChangeResult> results) {
        for (Change change : changes) {
            results.accept(ChangeResult.ok(change, cloudIdOf(change)));
        }
    }

    private static String cloudIdOf(Change change) {
        if (change instanceof Change.Update update) {
            return update.cloudId();
        }
        if (change instanceof Change.Remove remove) {
            return remove.cloudId();
        }
        return PLANNED_ID;
    }

    @Override
    public int preferredBatchSize() {
        return cloud.preferredBatchSize();
    }

    @Override
    public String describe() {
        return "dry run against " + cloud.describe();
    }

    @Override
    public void close() {}
}
