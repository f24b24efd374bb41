package dev.dirsync.core.rules.internal;

import static dev.dirsync.core.rules.internal.AttributeNames.SAM_ACCOUNT_NAME;

import java.util.List;

/**
 * sAMAccountName: Length 20 on users, 256 on other objects; Character for
 * {@code [ ] \ " | , / : < > + = ; ? * '} (fix: removed).
 */
final class SamAccountNameRules implements AttributeRules {
    private static final int MAX_USER = 20;
    private static final int MAX_OTHER = 256;
    private static final CharacterRule CHARACTERS = new CharacterRule(CharSet.of("[]\\\"|,/:<>+=;?*'"));

    @Override
    public void check(CheckedEntry entry, List<ValueCheck> out) {
        String value = entry.first(SAM_ACCOUNT_NAME);
        if (value == null) {
            return;
        }
        ValueCheck check = new ValueCheck(SAM_ACCOUNT_NAME, 0, value);
        if (EncodingRule.apply(check)) {
            LengthRule.truncate(check, entry.isUser() ? MAX_USER : MAX_OTHER);
            CHARACTERS.apply(check, 0);
        }
        out.add(check);
    }
}
