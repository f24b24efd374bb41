package dev.dirsync.daemon.fix;

import dev.dirsync.core.fix.AttributeChange;
import dev.dirsync.core.fix.ValueChange;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Writes LDIF (RFC 2849) change records. A value that is not a SAFE-STRING (non-ASCII, NUL, CR or
 * LF anywhere, a leading space, colon or less-than, or a trailing space) is written base64-encoded
 * as UTF-8 ({@code name:: ...}); others as they are. Lines are not folded.
 */
final class LdifText {
    private LdifText() {
    }

    /** One {@code changetype: modify} record, its operations in order, ending with its last {@code -}. */
    static String modifyRecord(AttributeChange change) {
        String attribute = change.attribute().name();
        StringBuilder out = new StringBuilder();
        out.append(line("dn", change.dn())).append('\n');
        out.append("changetype: modify\n");
        for (ValueChange step : change.changes()) {
            out.append(step.operation().name().toLowerCase(Locale.ROOT)).append(": ").append(attribute).append('\n');
            out.append(line(attribute, step.value())).append('\n');
            out.append("-\n");
        }
        return out.toString();
    }

    /** {@code name: value}, or {@code name:: base64} when the value is not safe as it is. */
    static String line(String name, String value) {
        if (safe(value)) {
            return name + ": " + value;
        }
        return name + ":: " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A comment line's text: printable ASCII only, so the file stays 7-bit outside base64 values. */
    static String comment(String text) {
        StringBuilder out = new StringBuilder("# ");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return out.toString();
    }

    static boolean safe(String value) {
        if (value.isEmpty()) {
            return true;
        }
        char first = value.charAt(0);
        if (first == ' ' || first == ':' || first == '<' || value.charAt(value.length() - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0' || c == '\n' || c == '\r' || c > 0x7F) {
                return false;
            }
        }
        return true;
    }
}
