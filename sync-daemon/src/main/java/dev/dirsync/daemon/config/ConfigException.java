package dev.dirsync.daemon.config;

import dev.dirsync.core.DirsyncException;
import java.util.List;

/** The configuration is unusable. Each problem names the key path and what is wrong. */
public final class ConfigException extends DirsyncException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigException(String source, List<String> problems) {
        super(source + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
