/**
 * The state store: what dirsync remembers between runs (source cursors, the objects it manages,
 * run history, per-object errors and removals held for approval), kept in an embedded H2 file or
 * in PostgreSQL. {@link dev.dirsync.state.JdbcStateStore#open} applies the schema, then serves the
 * {@link dev.dirsync.core.port.StateStore} port.
 */
package dev.dirsync.state;
