package dev.dirsync.daemon.config;

import dev.dirsync.core.Secret;
import dev.dirsync.state.StateStoreSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads {@code state.*} and has the state store's settings check it now, rather than when the first
 * run opens the store.
 */
final class StateSection {
    private StateSection() {}

    /** The default is an embedded H2 database in data/ beside the configuration file. */
    static StateConfig read(ConfigNode node, Problems problems, Path base) {
        node.rejectUnknown(List.of("url", "user", "password"));
        String url = node.text(
                        "url",
                        "jdbc:h2:file:"
                                + base.resolve("data").resolve("dirsync").toAbsolutePath())
                .strip();
        String user = node.text("user", null);
        Secret password = node.secret("password", false);
        try {
            new StateStoreSettings(url, user, password, StateStoreSettings.DEFAULT_POOL_SIZE);
        } catch (IllegalArgumentException e) {
            // the settings quote the URL with its passwords masked; a URL from a reference is not quoted at all
            if (e.getMessage().startsWith("state.url") && node.referenced("url")) {
                problems.add(node.path("url"), "must be a jdbc:h2: or jdbc:postgresql: URL, " + node.got("url", ""));
            } else {
                problems.add(e.getMessage());
            }
        }
        return new StateConfig(url, user, password);
    }
}
