package dev.dirsync.cloud.graph.internal;

import dev.dirsync.core.model.ChangeResult;
import java.util.List;

/** Sends writes: one request each, or in a JSON batch. */
public interface RequestWriter {

    /** Exactly one result per write, in its order. */
    List<ChangeResult> send(List<WriteRequest> writes);
}
