package dev.dirsync.state.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with one connection; {@link Database} decides the transaction and maps failures. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
