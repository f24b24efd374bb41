package dev.dirsync.core.model;

import java.util.Objects;

/**
 * What became of one change. {@code cloudId} is set when known (always for a successful create);
 * {@code errorCode} and {@code message} are the target's own words for a failure.
 */
public record ChangeResult(Change change, Outcome outcome, String cloudId, String errorCode, String message) {

    public enum Outcome {
        /** Applied. */
        OK,
        /** Not applied for a passing reason (throttled, unavailable); a later run retries it. */
        RETRYABLE,
        /** A uniqueness conflict with another cloud object. */
        CONFLICT,
        /** The target refused this object's data. */
        REJECTED
    }

    public ChangeResult {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static ChangeResult ok(Change change, String cloudId) {
        return new ChangeResult(change, Outcome.OK, cloudId, null, null);
    }

    public static ChangeResult failed(Change change, Outcome outcome, String errorCode, String message) {
        if (outcome == Outcome.OK) {
            throw new IllegalArgumentException("a failure needs a failing outcome");
        }
        return new ChangeResult(change, outcome, null, errorCode, message);
    }

    public boolean succeeded() {
        return outcome == Outcome.OK;
    }
}
