package dev.dirsync.daemon.config;

import java.util.ArrayList;
import java.util.List;

/** Collects configuration problems as "key.path: what is wrong". */
final class Problems {
    private final List<String> list = new ArrayList<>();

    void add(String keyPath, String message) {
        list.add(keyPath + ": " + message);
    }

    /** A problem whose message names its key path itself (a settings type's refusal). */
    void add(String problem) {
        list.add(problem);
    }

    int size() {
        return list.size();
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    List<String> list() {
        return List.copyOf(list);
    }
}
