package dev.dirsync.state.internal;

import dev.dirsync.core.DirsyncException;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the version this build expects, with the SQL scripts in
 * {@code db/migration} (history in Flyway's {@code flyway_schema_history} table).
 */
public final class Migrations {
    static final String LOCATION = "classpath:db/migration";

    private Migrations() {}

    /** @return the schema version now in force */
    public static String apply(DataSource dataSource, SqlErrors errors) {
        try {
            MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        } catch (FlywayException e) {
            SQLException cause = sqlCause(e);
            if (cause != null) {
                throw errors.translate("schema migration", cause);
            }
            throw new DirsyncException(errors.prefix() + "schema migration failed: " + e.getMessage(), e);
        }
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
