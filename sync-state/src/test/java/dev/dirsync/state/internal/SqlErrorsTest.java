package dev.dirsync.state.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.core.CredentialsRejectedException;
import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.UnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {
    private final SqlErrors errors = new SqlErrors("jdbc:postgresql://db/x?password=***");

    @Test
    void connectionStates_areUnavailable() {
        assertThat(errors.translate("connect", new SQLException("refused", "08001")))
                .isExactlyInstanceOf(UnavailableException.class)
                .hasMessage("state store jdbc:postgresql://db/x?password=***: connect failed: refused");
        assertThat(errors.translate("save object", new SQLException("terminating connection", "57P01")))
                .isExactlyInstanceOf(UnavailableException.class);
        assertThat(errors.translate("save object", new SQLException("too many clients", "53300")))
                .isExactlyInstanceOf(UnavailableException.class);
    }

    @Test
    void poolTimeout_isUnavailable_andShowsTheDriversReason() {
        SQLException driver = new SQLException("Connection to db:5432 refused", "08001");
        SQLException timeout =
                new SQLTransientConnectionException("dirsync-state - Connection is not available", "08001", driver);

        assertThat(errors.translate("read run 1", timeout))
                .isExactlyInstanceOf(UnavailableException.class)
                .hasMessageEndingWith("Connection is not available (Connection to db:5432 refused)");
    }

    @Test
    void h2FileInUse_isUnavailable() {
        assertThat(errors.translate("connect", new SQLException("Database may be already in use", "90020", 90020)))
                .isExactlyInstanceOf(UnavailableException.class);
    }

    @Test
    void authorizationStates_areCredentialsRejected() {
        assertThat(errors.translate("connect", new SQLException("password authentication failed", "28P01")))
                .isExactlyInstanceOf(CredentialsRejectedException.class);
    }

    @Test
    void otherStates_areDirsyncExceptions() {
        assertThat(errors.translate("record error", new SQLException("foreign key violation", "23503")))
                .isExactlyInstanceOf(DirsyncException.class)
                .hasMessageContaining("record error failed: foreign key violation");
    }
}
