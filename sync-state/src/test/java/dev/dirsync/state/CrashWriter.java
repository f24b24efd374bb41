package dev.dirsync.state;

import dev.dirsync.core.state.RunType;

/**
 * A child process for {@link H2CrashSafetyTest}: opens the store, begins a run, then saves objects
 * one after another and prints "saved N" after each save returned, until it is killed.
 */
public final class CrashWriter {
    private CrashWriter() {}

    public static void main(String[] args) {
        StateStoreSettings settings = new StateStoreSettings(args[0], null, null);
        JdbcStateStore store = JdbcStateStore.open(settings);
        long runId = store.beginRun(RunType.FULL, "cli").id();
        System.out.println("run " + runId);
        System.out.flush();
        for (int i = 0; ; i++) {
            store.saveObject(StateFixtures.object(i));
            System.out.println("saved " + i);
            System.out.flush();
        }
    }
}
