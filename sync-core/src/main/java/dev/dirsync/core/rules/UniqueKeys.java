package dev.dirsync.core.rules;

import dev.dirsync.core.model.CloudAddresses;
import dev.dirsync.core.model.MailUser;
import dev.dirsync.core.rules.internal.ValueKeys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * 64-bit keys of the values the tenant requires to be unique, case-insensitive: a user principal
 * name (compared with user principal names) and an SMTP address (compared with every object's
 * mail and SMTP proxy addresses). The same keys as the readiness check's duplicate index uses.
 */
public final class UniqueKeys {

    /** One value of a mail user that must be unique, with the cloud property that holds it. */
    public record UniqueValue(String property, String value, long key) {}

    private UniqueKeys() {}

    public static long userPrincipalName(String value) {
        return ValueKeys.userPrincipalName(value);
    }

    /** @param address without an {@code smtp:} prefix */
    public static long smtp(String address) {
        return ValueKeys.smtp(address);
    }

    /** What a mail user holds in the cloud that must be unique: its UPN, mail and otherMails. */
    public static List<UniqueValue> valuesOf(MailUser user) {
        List<UniqueValue> values = new ArrayList<>();
        if (isSet(user.userPrincipalName())) {
            values.add(new UniqueValue(
                    "userPrincipalName", user.userPrincipalName(), userPrincipalName(user.userPrincipalName())));
        }
        if (isSet(user.mail())) {
            values.add(new UniqueValue("mail", user.mail(), smtp(user.mail())));
        }
        for (String other : user.otherMails()) {
            if (isSet(other)) {
                values.add(new UniqueValue("otherMails", other, smtp(other)));
            }
        }
        return values;
    }

    /** The keys of {@link #valuesOf}, each once. */
    public static long[] of(MailUser user) {
        return valuesOf(user).stream().mapToLong(UniqueValue::key).distinct().toArray();
    }

    /** The keys of what one cloud object holds. */
    public static long[] of(CloudAddresses holder) {
        long[] keys = new long
                [holder.userPrincipalNames().size() + holder.smtpAddresses().size()];
        int n = 0;
        for (String upn : holder.userPrincipalNames()) {
            if (isSet(upn)) {
                keys[n++] = userPrincipalName(upn);
            }
        }
        for (String address : holder.smtpAddresses()) {
            if (isSet(address)) {
                keys[n++] = smtp(address);
            }
        }
        return distinct(keys, n);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static long[] distinct(long[] keys, int n) {
        return Arrays.stream(keys, 0, n).distinct().toArray();
    }
}
