package dev.dirsync.core.model;

import java.util.List;
import java.util.Objects;

/**
 * The addresses one cloud object holds that the tenant requires to be unique: for the uniqueness
 * check before a create or an update that introduces an address.
 *
 * @param cloudId the object's id in the cloud
 * @param kind what the object is: {@code user}, {@code group} or {@code contact}
 * @param anchor the object's anchor; null for objects without one
 * @param name how a finding names the holder (its user principal name or display name)
 * @param userPrincipalNames the user principal name of a user; empty for other kinds
 * @param smtpAddresses its SMTP addresses without the {@code smtp:} prefix: mail, the SMTP
 *     proxyAddresses, and for users without proxy addresses their otherMails
 */
public record CloudAddresses(
        String cloudId,
        String kind,
        Anchor anchor,
        String name,
        List<String> userPrincipalNames,
        List<String> smtpAddresses) {

    public CloudAddresses {
        Objects.requireNonNull(cloudId, "cloudId");
        Objects.requireNonNull(kind, "kind");
        userPrincipalNames = userPrincipalNames == null ? List.of() : List.copyOf(userPrincipalNames);
        smtpAddresses = smtpAddresses == null ? List.of() : List.copyOf(smtpAddresses);
    }
}
