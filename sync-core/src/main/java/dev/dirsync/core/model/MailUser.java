package dev.dirsync.core.model;

import java.util.List;
import java.util.Objects;

/**
 * The cloud shape of one person: a mail user (an account with credentials and an external e-mail
 * address). Optional text properties are null when absent. Values are compared by
 * {@link MailUserField}.
 */
public record MailUser(
        Anchor anchor,
        String userPrincipalName,
        String displayName,
        String givenName,
        String surname,
        String mailNickname,
        String mail,
        List<String> otherMails,
        boolean accountEnabled,
        String usageLocation) {

    public MailUser {
        Objects.requireNonNull(anchor, "anchor");
        otherMails = otherMails == null ? List.of() : List.copyOf(otherMails);
    }
}
