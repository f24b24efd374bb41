package dev.dirsync.core.rules.internal;

import static dev.dirsync.core.rules.internal.AttributeNames.MAIL;
import static dev.dirsync.core.rules.internal.AttributeNames.PROXY_ADDRESSES;
import static dev.dirsync.core.rules.internal.AttributeNames.TARGET_ADDRESS;

import dev.dirsync.core.rules.ErrorClass;
import java.util.List;

/**
 * NoAddress, on a user with no targetAddress, no mail and no SMTP proxy address (values as read,
 * blank ones not counting): a mail user needs an external address. Reported on mail, the
 * attribute an administrator would complete; the class always blocks.
 */
final class AddressPresenceRules implements AttributeRules {
    static final String DETAIL = "no targetAddress, mail or SMTP proxy address: the user cannot be a mail user";

    @Override
    public void check(CheckedEntry entry, List<ValueCheck> out) {
        if (!entry.isUser() || hasAddress(entry)) {
            return;
        }
        ValueCheck check = new ValueCheck(MAIL, 0, entry.first(MAIL));
        check.fail(ErrorClass.NO_ADDRESS);
        check.detail(DETAIL);
        out.add(check);
    }

    private static boolean hasAddress(CheckedEntry entry) {
        if (!Text.isBlank(entry.first(TARGET_ADDRESS)) || !Text.isBlank(entry.first(MAIL))) {
            return true;
        }
        for (String proxy : entry.all(PROXY_ADDRESSES)) {
            if (AddressType.of(proxy) == AddressType.SMTP
                    && !Text.isBlank(proxy.substring(ExtraColonRule.addressStart(proxy)))) {
                return true;
            }
        }
        return false;
    }
}
