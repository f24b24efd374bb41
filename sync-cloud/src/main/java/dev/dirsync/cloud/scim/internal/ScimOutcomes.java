package dev.dirsync.cloud.scim.internal;

import dev.dirsync.cloud.internal.Exchange;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.ChangeResult.Outcome;

/** The results a SCIM error or an exhausted request become. */
final class ScimOutcomes {
    private ScimOutcomes() {}

    /** CONFLICT for a uniqueness violation, REJECTED for any other refusal; the service's scimType and detail. */
    static ChangeResult refused(Change change, ScimError error) {
        Outcome outcome = error.isUniquenessConflict() ? Outcome.CONFLICT : Outcome.REJECTED;
        return ChangeResult.failed(change, outcome, error.code(), error.detail());
    }

    static ChangeResult retryable(Change change, Exchange.GaveUp<?> gaveUp) {
        String code;
        String last;
        if (gaveUp.lastReply() != null) {
            ScimError error = ScimError.of(gaveUp.lastReply());
            code = error.code();
            last = error.summary();
        } else if (gaveUp.lastFailure() != null) {
            code = gaveUp.lastFailure().getClass().getSimpleName();
            last = gaveUp.lastFailure().toString();
        } else {
            code = "INTERRUPTED";
            last = "";
        }
        return ChangeResult.failed(
                change, Outcome.RETRYABLE, code, gaveUp.reason() + (last.isEmpty() ? "" : ": " + last));
    }

    static ChangeResult interrupted(Change change) {
        return ChangeResult.failed(change, Outcome.RETRYABLE, "INTERRUPTED", "not sent: the run was interrupted");
    }
}
