package dev.dirsync.core.rules.internal;

import static dev.dirsync.core.rules.internal.AttributeNames.HOME_MDB;
import static dev.dirsync.core.rules.internal.AttributeNames.MAIL;
import static dev.dirsync.core.rules.internal.AttributeNames.TARGET_ADDRESS;

import dev.dirsync.core.model.ObjectKind;
import dev.dirsync.core.rules.ErrorClass;
import java.util.List;

/**
 * targetAddress. Multi-tenant: Length 256; Character for a colon after the prefix's; on SMTP
 * addresses Character for whitespace and {@code \<>();,[]"} and the address rules. Dedicated:
 * Blank on users and contacts without homeMDB (fix on contacts: {@code SMTP:} + mail); Length 256;
 * on SMTP addresses the address rules.
 *
 * <p>UnverifiedDomain does not apply: a mail user's targetAddress is its external address, outside
 * the tenant's domains by definition (the cloud refuses an external address in an accepted
 * domain). Flagging it would block every mail user once verified domains are configured.
 */
final class TargetAddressRules implements AttributeRules {
    private static final int MAX = 256;
    private static final CharacterRule SMTP_CHARACTERS = new CharacterRule(CharSet.whitespaceAnd("\\<>();,[]\""));

    private final AddressCheck addressCheck;
    private final boolean dedicated;

    private TargetAddressRules(AddressCheck addressCheck, boolean dedicated) {
        this.addressCheck = addressCheck;
        this.dedicated = dedicated;
    }

    static TargetAddressRules multiTenant(AddressCheck addressCheck) {
        return new TargetAddressRules(addressCheck, false);
    }

    static TargetAddressRules dedicated(AddressCheck addressCheck) {
        return new TargetAddressRules(addressCheck, true);
    }

    @Override
    public void check(CheckedEntry entry, List<ValueCheck> out) {
        String value = entry.first(TARGET_ADDRESS);
        if (value == null && !(dedicated && mustHaveTarget(entry))) {
            return;
        }
        ValueCheck check = new ValueCheck(TARGET_ADDRESS, 0, value);
        out.add(check);
        if (value == null) {
            String mail = entry.first(MAIL);
            check.fail(
                    ErrorClass.BLANK,
                    entry.kind() == ObjectKind.CONTACT && mail != null ? Text.truncate("SMTP:" + mail, MAX) : null);
            if (check.current() == null) {
                return;
            }
        }
        if (!EncodingRule.apply(check)) {
            return;
        }
        LengthRule.truncate(check, MAX);
        if (!dedicated) {
            ExtraColonRule.apply(check);
        }
        if (AddressType.of(check.current()) != AddressType.SMTP) {
            return;
        }
        int start = ExtraColonRule.addressStart(check.current());
        if (!dedicated) {
            SMTP_CHARACTERS.apply(check, start);
        }
        addressCheck.addressRules(check, start, false);
    }

    /** Dedicated: a user or contact without a mailbox (homeMDB) needs a targetAddress. */
    private static boolean mustHaveTarget(CheckedEntry entry) {
        return (entry.isUser() || entry.kind() == ObjectKind.CONTACT) && Text.isBlank(entry.first(HOME_MDB));
    }
}
