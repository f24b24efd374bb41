package dev.dirsync.state.internal;

import dev.dirsync.core.CredentialsRejectedException;
import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.UnavailableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Turns a {@link SQLException} into the failure dirsync understands: the database could not be
 * reached or stopped answering ({@link UnavailableException}), refused the credentials
 * ({@link CredentialsRejectedException}), or refused the statement ({@link DirsyncException}).
 * Messages name the database by its URL with credentials masked.
 */
public final class SqlErrors {
    /** PostgreSQL: shutting down, crash shutdown, starting up, too many connections (class 08 is checked apart). */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");
    /** H2 vendor codes: file in use by another process, database closed, file I/O failures, disk full, shutting down. */
    private static final Set<Integer> H2_UNAVAILABLE_CODES = Set.of(90020, 90098, 90028, 90031, 90100, 90121);

    private final String displayUrl;

    public SqlErrors(String displayUrl) {
        this.displayUrl = displayUrl;
    }

    /** "state store URL: " - how every message of this store begins. */
    public String prefix() {
        return "state store " + displayUrl + ": ";
    }

    public DirsyncException translate(String operation, SQLException e) {
        String message = prefix() + operation + " failed: " + describe(e);
        String state = sqlState(e);
        if (state.startsWith("28")) {
            return new CredentialsRejectedException(message, e);
        }
        if (isUnavailable(e, state)) {
            return new UnavailableException(message, e);
        }
        return new DirsyncException(message, e);
    }

    private static boolean isUnavailable(SQLException e, String state) {
        return e instanceof SQLTransientException
                || e instanceof SQLNonTransientConnectionException
                || state.startsWith("08")
                || state.startsWith("53")
                || UNAVAILABLE_STATES.contains(state)
                || isH2Unavailable(e);
    }

    private static boolean isH2Unavailable(SQLException e) {
        return H2_UNAVAILABLE_CODES.contains(e.getErrorCode())
                && String.valueOf(e.getErrorCode()).equals(e.getSQLState());
    }

    /** The exception's state, else that of the first SQLException it wraps (a pool timeout wraps the driver's). */
    private static String sqlState(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }

    private static String describe(SQLException e) {
        String text = String.valueOf(e.getMessage());
        if (e.getCause() instanceof SQLException cause
                && cause.getMessage() != null
                && !text.contains(cause.getMessage())) {
            text += " (" + cause.getMessage() + ")";
        }
        return text;
    }
}
