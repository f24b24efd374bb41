package dev.dirsync.core.rules.internal;

import static dev.dirsync.core.rules.internal.AttributeNames.GIVEN_NAME;
import static dev.dirsync.core.rules.internal.AttributeNames.MAIL_NICKNAME;
import static dev.dirsync.core.rules.internal.AttributeNames.SAM_ACCOUNT_NAME;
import static dev.dirsync.core.rules.internal.AttributeNames.SN;

import dev.dirsync.core.model.ObjectKind;
import dev.dirsync.core.rules.ErrorClass;
import java.util.List;

/**
 * mailNickname. Multi-tenant: Length 64; Character for a leading, trailing or doubled dot (fix:
 * dots trimmed and collapsed, cn when nothing is left); Character for anything but ASCII letters,
 * digits and {@code !#$%&'*+-/=?^_`{|}~.} (fix: each replaced by {@code _}).
 * Dedicated: Blank on contacts, missing or empty (fix: givenName.sn, else sAMAccountName, else cn); Length 64;
 * Character for whitespace and {@code \!#$%&*+/=?^`{}|~<>()';:,[]"@} (fix: removed, cn when
 * nothing is left); then the dot rule.
 */
final class MailNicknameRules implements AttributeRules {
    private static final int MAX = 64;
    private static final CharSet ALLOWED_SYMBOLS = CharSet.of("!#$%&'*+-/=?^_`{|}~.");
    private static final CharacterRule DEDICATED_CHARACTERS =
            new CharacterRule(CharSet.whitespaceAnd("\\!#$%&*+/=?^`{}|~<>()';:,[]\"@"));

    private final boolean dedicated;

    private MailNicknameRules(boolean dedicated) {
        this.dedicated = dedicated;
    }

    static MailNicknameRules multiTenant() {
        return new MailNicknameRules(false);
    }

    static MailNicknameRules dedicated() {
        return new MailNicknameRules(true);
    }

    @Override
    public void check(CheckedEntry entry, List<ValueCheck> out) {
        String value = entry.first(MAIL_NICKNAME);
        boolean blank = dedicated && entry.kind() == ObjectKind.CONTACT && (value == null || value.isEmpty());
        if (value == null && !blank) {
            return;
        }
        ValueCheck check = new ValueCheck(MAIL_NICKNAME, 0, value);
        if (blank) {
            check.fail(ErrorClass.BLANK, nicknameFor(entry));
        }
        if (!EncodingRule.apply(check)) {
            out.add(check);
            return;
        }
        LengthRule.truncate(check, MAX);
        if (dedicated) {
            DEDICATED_CHARACTERS.applyOrElse(check, 0, entry.commonName());
            dots(check, entry);
        } else {
            dots(check, entry);
            allowedCharacters(check);
        }
        out.add(check);
    }

    private static String nicknameFor(CheckedEntry entry) {
        String givenName = entry.first(GIVEN_NAME);
        String sn = entry.first(SN);
        StringBuilder nickname = new StringBuilder();
        if (givenName != null) {
            nickname.append(givenName);
        }
        if (sn != null) {
            if (nickname.length() > 0) {
                nickname.append('.');
            }
            nickname.append(sn);
        }
        if (nickname.length() > 0) {
            return nickname.toString();
        }
        String sam = entry.first(SAM_ACCOUNT_NAME);
        return sam != null ? sam : entry.commonName();
    }

    private static void dots(ValueCheck check, CheckedEntry entry) {
        String current = check.current();
        if (!current.startsWith(".") && !current.endsWith(".") && !current.contains("..")) {
            return;
        }
        StringBuilder fixed = new StringBuilder(current.length());
        for (int i = 0; i < current.length(); i++) {
            char c = current.charAt(i);
            if (c != '.' || (fixed.length() > 0 && fixed.charAt(fixed.length() - 1) != '.')) {
                fixed.append(c);
            }
        }
        if (fixed.length() > 0 && fixed.charAt(fixed.length() - 1) == '.') {
            fixed.setLength(fixed.length() - 1);
        }
        check.fail(ErrorClass.CHARACTER, fixed.length() == 0 ? entry.commonName() : fixed.toString());
    }

    private static void allowedCharacters(ValueCheck check) {
        String current = check.current();
        int i = 0;
        while (i < current.length() && isAllowed(current.charAt(i))) {
            i++;
        }
        if (i == current.length()) {
            return;
        }
        StringBuilder fixed = new StringBuilder(current.length()).append(current, 0, i);
        while (i < current.length()) {
            int c = current.codePointAt(i);
            fixed.append(c < 128 && isAllowed((char) c) ? (char) c : '_');
            i += Character.charCount(c);
        }
        check.fail(ErrorClass.CHARACTER, fixed.toString());
    }

    private static boolean isAllowed(char c) {
        return Text.isAsciiLetterOrDigit(c) || ALLOWED_SYMBOLS.contains(c);
    }
}
