package dev.dirsync.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The properties dirsync owns on a cloud user, with their Graph names. Comparison rules: text is
 * compared exactly (a case change is a change the cloud should see), except the addresses in
 * otherMails, which are compared as a case-insensitive set (the cloud may reorder them).
 */
public enum MailUserField {
    USER_PRINCIPAL_NAME("userPrincipalName", MailUser::userPrincipalName),
    DISPLAY_NAME("displayName", MailUser::displayName),
    GIVEN_NAME("givenName", MailUser::givenName),
    SURNAME("surname", MailUser::surname),
    MAIL_NICKNAME("mailNickname", MailUser::mailNickname),
    MAIL("mail", MailUser::mail),
    OTHER_MAILS("otherMails", MailUser::otherMails),
    ACCOUNT_ENABLED("accountEnabled", MailUser::accountEnabled),
    USAGE_LOCATION("usageLocation", MailUser::usageLocation);

    private final String graphName;
    private final Function<MailUser, Object> getter;

    MailUserField(String graphName, Function<MailUser, Object> getter) {
        this.graphName = graphName;
        this.getter = getter;
    }

    public String graphName() {
        return graphName;
    }

    /** The raw value: String, Boolean or List&lt;String&gt;; null when absent. */
    public Object valueOf(MailUser user) {
        return getter.apply(user);
    }

    /** The value in the form used for comparison and digests. */
    public Object comparable(MailUser user) {
        Object value = valueOf(user);
        if (value instanceof List<?> list) {
            List<String> normalized = new ArrayList<>();
            for (Object item : list) {
                normalized.add(String.valueOf(item).toLowerCase(Locale.ROOT));
            }
            normalized.sort(null);
            return normalized;
        }
        if (value instanceof String text && text.isEmpty()) {
            return null;
        }
        return value;
    }

    public boolean differs(MailUser a, MailUser b) {
        return !Objects.equals(comparable(a), comparable(b));
    }

    /**
     * A compact 64-bit digest (FNV-1a) of this field's value, for indexes that must not hold whole
     * objects. Absent and empty values share one digest.
     */
    public long digest(MailUser user) {
        Object value = comparable(user);
        String text = value == null ? "\u0000absent" : value.toString();
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
