package dev.dirsync.state.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.dirsync.core.DirsyncException;
import dev.dirsync.state.StateStoreSettings;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The connection pool in front of the state database: a few long-lived connections, created at
 * start-up so that a wrong URL or password fails there.
 */
public final class Pool {
    static final String NAME = "dirsync-state";
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(10);

    private Pool() {}

    /** @throws DirsyncException (or a subclass) naming the URL without credentials when no connection can be made */
    public static HikariDataSource open(StateStoreSettings settings, Dialect dialect, SqlErrors errors) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(NAME);
        config.setJdbcUrl(settings.url());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password().reveal());
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        dialect.connectionInitSql().ifPresent(config::setConnectionInitSql);
        if (dialect == Dialect.POSTGRESQL) {
            config.addDataSourceProperty("ApplicationName", "dirsync");
        }
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            if (e.getCause() instanceof SQLException cause) {
                throw errors.translate("connect", cause);
            }
            throw new DirsyncException(errors.prefix() + "connect failed: " + e.getMessage(), e);
        }
    }
}
