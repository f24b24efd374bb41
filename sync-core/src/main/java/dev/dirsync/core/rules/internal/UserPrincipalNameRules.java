package dev.dirsync.core.rules.internal;

import static dev.dirsync.core.rules.internal.AttributeNames.SAM_ACCOUNT_NAME;
import static dev.dirsync.core.rules.internal.AttributeNames.USER_PRINCIPAL_NAME;

import dev.dirsync.core.rules.ErrorClass;
import java.util.List;

/**
 * userPrincipalName (multi-tenant only): Blank on users (fix: sAMAccountName@upnSuffix when both
 * are known); Length over 113, or over 64 before the {@code @}, or over 48 after it (no fix: an
 * identity is never truncated); Character for whitespace and
 * {@code \%&*+/=?{}|<>();:,[]"} (the apostrophe is legal); Character for non-ASCII; the address
 * rules (TopLevelDomain fixed to upnSuffix when set) and UnverifiedDomain.
 */
final class UserPrincipalNameRules implements AttributeRules {
    private static final int MAX = 113;
    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 48;
    private static final CharacterRule CHARACTERS = new CharacterRule(CharSet.whitespaceAnd("\\%&*+/=?{}|<>();:,[]\""));

    private final AddressCheck addressCheck;
    private final String upnSuffix;

    UserPrincipalNameRules(AddressCheck addressCheck, String upnSuffix) {
        this.addressCheck = addressCheck;
        this.upnSuffix = upnSuffix;
    }

    @Override
    public void check(CheckedEntry entry, List<ValueCheck> out) {
        String value = entry.first(USER_PRINCIPAL_NAME);
        boolean blank = Text.isBlank(value);
        if (blank && !entry.isUser()) {
            return;
        }
        ValueCheck check = new ValueCheck(USER_PRINCIPAL_NAME, 0, value);
        out.add(check);
        if (blank) {
            String sam = entry.first(SAM_ACCOUNT_NAME);
            check.fail(ErrorClass.BLANK, sam != null && upnSuffix != null ? sam + "@" + upnSuffix : null);
            if (check.current() == null) {
                return;
            }
        }
        if (!EncodingRule.apply(check)) {
            return;
        }
        if (tooLong(check.current())) {
            check.fail(ErrorClass.LENGTH);
        }
        CHARACTERS.apply(check, 0);
        NonAsciiRule.apply(check, 0);
        addressCheck.apply(check, 0, true);
    }

    private static boolean tooLong(String upn) {
        int at = upn.lastIndexOf('@');
        int localEnd = at < 0 ? upn.length() : at;
        return Text.longerThan(upn, MAX)
                || upn.codePointCount(0, localEnd) > MAX_LOCAL
                || (at >= 0 && upn.codePointCount(at + 1, upn.length()) > MAX_DOMAIN);
    }
}
