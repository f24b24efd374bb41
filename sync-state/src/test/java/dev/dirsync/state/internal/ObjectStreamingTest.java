package dev.dirsync.state.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.state.SyncedObject;
import dev.dirsync.state.JdbcStateStore;
import dev.dirsync.state.StateStoreSettings;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@link ObjectDao#forEach} asks the driver to stream: inside a transaction (PostgreSQL keeps
 * a cursor only there), forward-only and read-only, with a fetch size, and on H2 with lazy query
 * execution for that query only. Recorded on the JDBC calls made against a real H2 database.
 */
class ObjectStreamingTest {
    private static final Set<String> RECORDED =
            Set.of("setAutoCommit", "prepareStatement", "setFetchSize", "executeQuery", "commit", "rollback");

    @TempDir
    Path dir;

    private JdbcStateStore store;
    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void fill() {
        store = JdbcStateStore.open(StateStoreSettings.h2File(dir.resolve("state")));
        for (int i = 0; i < 3; i++) {
            store.saveObject(new SyncedObject(new Anchor("anchor-" + i), "cloud-" + i, null, new long[9]));
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void h2_streamsInATransaction_forwardOnly_withFetchSize_andLazyExecution() {
        List<SyncedObject> seen = stream(Dialect.H2);

        assertThat(seen).hasSize(3);
        assertThat(calls)
                .containsExactly(
                        "setAutoCommit(false)",
                        "prepareStatement(SET LAZY_QUERY_EXECUTION TRUE)",
                        "prepareStatement(SELECT anchor, cloud_id, dn, digests, disabled FROM synced_object, 1003, 1007)",
                        "setFetchSize(1000)",
                        "executeQuery()",
                        "prepareStatement(SET LAZY_QUERY_EXECUTION FALSE)",
                        "commit()");
    }

    @Test
    void postgresql_streamsInATransaction_forwardOnly_withFetchSize() {
        List<SyncedObject> seen = stream(Dialect.POSTGRESQL);

        assertThat(seen).hasSize(3);
        assertThat(calls)
                .containsExactly(
                        "setAutoCommit(false)",
                        "prepareStatement(SELECT anchor, cloud_id, dn, digests, disabled FROM synced_object, 1003, 1007)",
                        "setFetchSize(1000)",
                        "executeQuery()",
                        "commit()");
    }

    private List<SyncedObject> stream(Dialect dialect) {
        Database db = new Database(recording(store.dataSource()), dialect, "test");
        ObjectDao dao = new ObjectDao(dialect);
        List<SyncedObject> seen = new ArrayList<>();
        db.stream("read objects", c -> {
            dao.forEach(c, seen::add);
            return null;
        });
        return seen;
    }

    private DataSource recording(DataSource target) {
        return proxy(DataSource.class, target);
    }

    @SuppressWarnings("unchecked")
    private <T> T proxy(Class<T> type, T target) {
        InvocationHandler handler = (self, method, args) -> {
            if (RECORDED.contains(method.getName())) {
                String arguments = args == null
                        ? ""
                        : Arrays.stream(args).map(String::valueOf).collect(Collectors.joining(", "));
                calls.add(method.getName() + "(" + arguments + ")");
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Connection connection) {
                return proxy(Connection.class, connection);
            }
            if (result instanceof PreparedStatement statement) {
                return proxy(PreparedStatement.class, statement);
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
