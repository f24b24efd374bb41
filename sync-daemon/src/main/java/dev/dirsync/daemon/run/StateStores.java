package dev.dirsync.daemon.run;

import dev.dirsync.core.port.StateStore;
import dev.dirsync.daemon.config.DirsyncConfig;
import dev.dirsync.daemon.config.StateConfig;
import dev.dirsync.state.JdbcStateStore;
import dev.dirsync.state.StateStoreSettings;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/** Opens the state store a configuration names: an H2 file (the default) or PostgreSQL. */
public final class StateStores {
    /** Room for the runs' own work plus a clustered scheduler's job store, which shares the pool. */
    private static final int POSTGRES_POOL_SIZE = 8;

    private StateStores() {}

    public static StateStore open(DirsyncConfig config) {
        return JdbcStateStore.open(settings(config.state()));
    }

    /** The store's connection pool, for the scheduler's job store; empty for stores without one. */
    public static Optional<DataSource> dataSource(StateStore store) {
        return store instanceof JdbcStateStore jdbc ? Optional.of(jdbc.dataSource()) : Optional.empty();
    }

    /** Whether the configuration's state lives in PostgreSQL (shared by several daemons). */
    public static boolean isPostgres(DirsyncConfig config) {
        return config.state().url().toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
    }

    static StateStoreSettings settings(StateConfig state) {
        String url = state.url();
        // H2 would close the database from its own shutdown hook, under a run that is still recording
        // how it stopped; the store closes it after the run instead.
        if (url.startsWith("jdbc:h2:") && !url.toUpperCase(Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
            url = url + ";DB_CLOSE_ON_EXIT=FALSE";
        }
        int poolSize = url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")
                ? POSTGRES_POOL_SIZE
                : StateStoreSettings.DEFAULT_POOL_SIZE;
        return new StateStoreSettings(url, state.user(), state.password(), poolSize);
    }
}
