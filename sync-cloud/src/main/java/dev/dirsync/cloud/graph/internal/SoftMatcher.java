package dev.dirsync.cloud.graph.internal;

import dev.dirsync.core.CredentialsRejectedException;
import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.ChangeResult.Outcome;
import dev.dirsync.core.model.MailUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Soft matching: before a create, looks for a cloud user that already stands for the person, found
 * by userPrincipalName or by SMTP address (primary proxy address first, then mail).
 * <ul>
 *   <li>one user without an anchor: adopted (the caller patches the anchor and properties onto it);</li>
 *   <li>a user that already carries this anchor: the create is done;</li>
 *   <li>one user with another anchor, or several users: a CONFLICT; nobody is adopted;</li>
 *   <li>nobody: the user is created.</li>
 * </ul>
 */
public final class SoftMatcher {
    private static final Logger log = LoggerFactory.getLogger(SoftMatcher.class);

    /** The value a create is matched by. */
    public enum By {
        UPN("userPrincipalName"),
        SMTP("SMTP address");

        private final String label;

        By(String label) {
            this.label = label;
        }
    }

    /** What the look-up decided. */
    public sealed interface Match permits None, Adopt, Decided {}

    /** Nobody stands for the person: create. */
    public record None() implements Match {}

    /** Adopt {@code user}. */
    public record Adopt(UserRef user) implements Match {}

    /** The change's result without writing: done, conflicting, or the look-up failed. */
    public record Decided(ChangeResult result) implements Match {}

    private final By by;
    private final GraphUserReader reader;
    private final GraphEndpoints endpoints;

    public SoftMatcher(By by, GraphUserReader reader, GraphEndpoints endpoints) {
        this.by = by;
        this.reader = reader;
        this.endpoints = endpoints;
    }

    public Match match(Change.Create create) {
        MailUser user = create.user();
        String value = by == By.UPN ? user.userPrincipalName() : user.mail();
        if (value == null || value.isBlank()) {
            return new None();
        }
        List<UserRef> candidates;
        try {
            candidates = candidates(value);
        } catch (CredentialsRejectedException e) {
            throw e;
        } catch (DirsyncException e) {
            return new Decided(ChangeResult.failed(
                    create,
                    Outcome.RETRYABLE,
                    "LOOKUP_FAILED",
                    "not created: the soft match by " + by.label + " '" + value + "' failed: " + e.getMessage()));
        }
        String anchor = user.anchor().value();
        for (UserRef candidate : candidates) {
            if (anchor.equals(candidate.anchor())) {
                log.info(
                        "create {}: {} already carries the anchor; nothing to write",
                        create.anchor(),
                        candidate.describe());
                return new Decided(ChangeResult.ok(create, candidate.id()));
            }
        }
        if (candidates.isEmpty()) {
            return new None();
        }
        if (candidates.size() > 1) {
            return new Decided(ChangeResult.failed(
                    create,
                    Outcome.CONFLICT,
                    "AMBIGUOUS_MATCH",
                    by.label + " '" + value + "' matches " + candidates.size() + " cloud users ("
                            + candidates.stream().map(UserRef::describe).collect(Collectors.joining(", "))
                            + "); none is adopted"));
        }
        UserRef only = candidates.get(0);
        if (only.anchor() != null) {
            return new Decided(ChangeResult.failed(
                    create,
                    Outcome.CONFLICT,
                    "ANCHOR_MISMATCH",
                    by.label + " '" + value + "' is held by " + only.describe()
                            + ", which already carries another onPremisesImmutableId (" + only.anchor()
                            + "); it is never adopted"));
        }
        log.info("create {}: adopting {} matched by {} '{}'", create.anchor(), only.describe(), by.label, value);
        return new Adopt(only);
    }

    private List<UserRef> candidates(String value) {
        if (by == By.UPN) {
            return reader.find(endpoints.findUsers(GraphEndpoints.eq("userPrincipalName", value), false), false);
        }
        Map<String, UserRef> found = new LinkedHashMap<>();
        reader.find(endpoints.findUsers(GraphEndpoints.primarySmtp(value), true), true)
                .forEach(user -> found.put(user.id(), user));
        if (found.isEmpty()) {
            reader.find(endpoints.findUsers(GraphEndpoints.eq("mail", value), false), false)
                    .forEach(user -> found.put(user.id(), user));
        }
        return new ArrayList<>(found.values());
    }
}
