package dev.dirsync.daemon.run;

import dev.dirsync.core.port.StateStore;
import dev.dirsync.core.state.InMemoryStateStore;
import dev.dirsync.daemon.config.DirsyncConfig;

/** Opens the state store a configuration names. */
public final class StateStores {
    private StateStores() {
    }

    public static StateStore open(DirsyncConfig config) {
        return new InMemoryStateStore();
    }
}
