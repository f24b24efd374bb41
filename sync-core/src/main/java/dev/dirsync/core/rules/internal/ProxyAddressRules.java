package dev.dirsync.core.rules.internal;

import static dev.dirsync.core.rules.internal.AttributeNames.PROXY_ADDRESSES;

import dev.dirsync.core.rules.ErrorClass;
import java.util.List;

/**
 * proxyAddresses, value by value, by prefix. Every value: Length 256, Character for a colon after
 * the prefix's. SMTP/smtp: Character for whitespace and {@code <>();,[]"}, Character for non-ASCII,
 * the address rules, Format for a second upper-case {@code SMTP:} primary (fix: prefix
 * {@code smtp:}), UnverifiedDomain. X400/X500: Character for {@code \f \n \r \t \v [ ] "} only
 * (apostrophes, parentheses and spaces are legal there). Other prefixes (SIP, EUM, ...):
 * Character for whitespace and {@code <>(),[]"}.
 * The dedicated profile keeps Length, the colon rule, the address rules, the primary rule and
 * UnverifiedDomain, and has no character rules.
 */
final class ProxyAddressRules implements AttributeRules {
    private static final int MAX = 256;
    private static final CharacterRule SMTP_CHARACTERS = new CharacterRule(CharSet.whitespaceAnd("<>();,[]\""));
    private static final CharacterRule X400_X500_CHARACTERS = new CharacterRule(CharSet.of("\f\n\r\t\u000B[]\""));
    private static final CharacterRule OTHER_CHARACTERS = new CharacterRule(CharSet.whitespaceAnd("<>(),[]\""));

    private final AddressCheck addressCheck;
    private final boolean characterRules;

    private ProxyAddressRules(AddressCheck addressCheck, boolean characterRules) {
        this.addressCheck = addressCheck;
        this.characterRules = characterRules;
    }

    static ProxyAddressRules multiTenant(AddressCheck addressCheck) {
        return new ProxyAddressRules(addressCheck, true);
    }

    static ProxyAddressRules dedicated(AddressCheck addressCheck) {
        return new ProxyAddressRules(addressCheck, false);
    }

    @Override
    public void check(CheckedEntry entry, List<ValueCheck> out) {
        List<String> values = entry.all(PROXY_ADDRESSES);
        boolean primarySeen = false;
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            ValueCheck check = new ValueCheck(PROXY_ADDRESSES, i, value);
            if (!EncodingRule.apply(check)) {
                primarySeen |= AddressType.isPrimarySmtp(value);
                out.add(check);
                continue;
            }
            LengthRule.truncate(check, MAX);
            ExtraColonRule.apply(check);
            int start = ExtraColonRule.addressStart(check.current());
            switch (AddressType.of(check.current())) {
                case SMTP -> {
                    boolean primary = AddressType.isPrimarySmtp(value);
                    checkSmtp(check, start, primary && primarySeen);
                    primarySeen |= primary;
                }
                case X400, X500 -> characters(X400_X500_CHARACTERS, check, start);
                case OTHER -> characters(OTHER_CHARACTERS, check, start);
            }
            out.add(check);
        }
    }

    private void checkSmtp(ValueCheck check, int start, boolean extraPrimary) {
        if (characterRules) {
            SMTP_CHARACTERS.apply(check, start);
            NonAsciiRule.apply(check, start);
        }
        boolean hasSingleAt = addressCheck.addressRules(check, start, false);
        if (extraPrimary) {
            check.fail(ErrorClass.FORMAT, "smtp:" + check.current().substring(start));
        }
        if (hasSingleAt) {
            addressCheck.unverifiedDomain(check, start, false);
        }
        check.smtpAddressAt(start);
    }

    private void characters(CharacterRule rule, ValueCheck check, int start) {
        if (characterRules) {
            rule.apply(check, start);
        }
    }
}
