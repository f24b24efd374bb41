package dev.dirsync.cloud.graph.internal;

import dev.dirsync.core.CredentialsRejectedException;
import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.model.Change;
import dev.dirsync.core.model.ChangeResult;
import dev.dirsync.core.model.ChangeResult.Outcome;
import dev.dirsync.core.model.MailUser;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns Graph's uniqueness refusal into a conflict that names the value and the object holding it,
 * looked up by that value: {@code userPrincipalName 'alice@contoso.example' is already held by user
 * 1f0e... (alice.old@contoso.example): Another object with the same value ...}. The change is
 * reported, not retried now; a later run tries again once someone has resolved it.
 */
public final class ConflictExplainer {
    private static final int NAMED_HOLDERS = 3;

    private final GraphUserReader reader;
    private final GraphEndpoints endpoints;

    public ConflictExplainer(GraphUserReader reader, GraphEndpoints endpoints) {
        this.reader = reader;
        this.endpoints = endpoints;
    }

    public ChangeResult explain(WriteRequest write, GraphError error) {
        Optional<Contested> contested =
                error.conflictProperty().flatMap(property -> contested(property, write.change()));
        if (contested.isEmpty()) {
            return ChangeResult.failed(write.change(), Outcome.CONFLICT, error.code(), error.message());
        }
        Contested value = contested.get();
        String holders;
        try {
            List<UserRef> found =
                    reader.find(endpoints.findUsers(value.filter(), value.advanced()), value.advanced()).stream()
                            .filter(user -> !user.id().equals(write.cloudId()))
                            .toList();
            holders = found.isEmpty()
                    ? "an object Graph does not list as a user (a deleted user, a group or a contact)"
                    : describe(found);
        } catch (CredentialsRejectedException e) {
            throw e;
        } catch (DirsyncException e) {
            holders = "another object (looking it up failed: " + e.getMessage() + ")";
        }
        return ChangeResult.failed(
                write.change(),
                Outcome.CONFLICT,
                error.code(),
                value.property() + " '" + value.value() + "' is already held by " + holders + ": " + error.message());
    }

    private static String describe(List<UserRef> users) {
        String named =
                users.stream().limit(NAMED_HOLDERS).map(UserRef::describe).collect(Collectors.joining(", "));
        return users.size() > NAMED_HOLDERS ? named + " and " + (users.size() - NAMED_HOLDERS) + " more" : named;
    }

    /** The value of {@code property} that {@code change} writes, and the filter that finds its holder. */
    private static Optional<Contested> contested(String property, Change change) {
        MailUser user = change instanceof Change.Create create
                ? create.user()
                : change instanceof Change.Update update ? update.user() : null;
        if (user == null) {
            return Optional.empty();
        }
        String value;
        String filter;
        boolean advanced = false;
        switch (property.toLowerCase(Locale.ROOT)) {
            case "userprincipalname" -> {
                value = user.userPrincipalName();
                filter = value == null ? null : GraphEndpoints.eq("userPrincipalName", value);
            }
            case "mail" -> {
                value = user.mail();
                filter = value == null ? null : GraphEndpoints.eq("mail", value);
            }
            case "mailnickname" -> {
                value = user.mailNickname();
                filter = value == null ? null : GraphEndpoints.eq("mailNickname", value);
            }
            case "proxyaddresses" -> {
                value = user.mail() != null ? user.mail() : user.userPrincipalName();
                filter = value == null ? null : GraphEndpoints.primarySmtp(value);
                advanced = true;
            }
            case "onpremisesimmutableid" -> {
                value = user.anchor().value();
                filter = GraphEndpoints.eq("onPremisesImmutableId", value);
            }
            default -> {
                value = null;
                filter = null;
            }
        }
        return value == null || value.isEmpty()
                ? Optional.empty()
                : Optional.of(new Contested(property, value, filter, advanced));
    }

    private record Contested(String property, String value, String filter, boolean advanced) {}
}
