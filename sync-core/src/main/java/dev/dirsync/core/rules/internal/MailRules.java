package dev.dirsync.core.rules.internal;

import static dev.dirsync.core.rules.internal.AttributeNames.MAIL;

import java.util.List;

/**
 * mail: Length 256, then the address rules and UnverifiedDomain. Dedicated adds Character for
 * whitespace (removed) before the address rules.
 */
final class MailRules implements AttributeRules {
    private static final int MAX = 256;
    private static final CharacterRule WHITESPACE = new CharacterRule(CharSet.whitespaceAnd(""));

    private final AddressCheck addressCheck;
    private final boolean dedicated;

    private MailRules(AddressCheck addressCheck, boolean dedicated) {
        this.addressCheck = addressCheck;
        this.dedicated = dedicated;
    }

    static MailRules multiTenant(AddressCheck addressCheck) {
        return new MailRules(addressCheck, false);
    }

    static MailRules dedicated(AddressCheck addressCheck) {
        return new MailRules(addressCheck, true);
    }

    @Override
    public void check(CheckedEntry entry, List<ValueCheck> out) {
        String value = entry.first(MAIL);
        if (value == null) {
            return;
        }
        ValueCheck check = new ValueCheck(MAIL, 0, value);
        if (!EncodingRule.apply(check)) {
            out.add(check);
            return;
        }
        LengthRule.truncate(check, MAX);
        if (dedicated) {
            WHITESPACE.apply(check, 0);
        }
        addressCheck.apply(check, 0, false);
        check.smtpAddressAt(0);
        out.add(check);
    }
}
