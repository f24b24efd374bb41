package dev.dirsync.daemon.fix;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldif.LDIFModifyChangeRecord;
import dev.dirsync.core.fix.AttributeChange;
import dev.dirsync.core.fix.ValueChange;

/**
 * An {@link AttributeChange} as an LDIF (RFC 2849) {@code changetype: modify} record, one
 * modification per value, as the LDAP SDK writes it: values that are not safe as they are
 * (non-ASCII, line breaks, a leading space, colon or less-than, a trailing space) base64-encoded,
 * lines not folded, each ending with LF whatever the platform.
 */
final class UndoLdif {
    private UndoLdif() {}

    static String modifyRecord(AttributeChange change) {
        String attribute = change.attribute().name();
        Modification[] modifications = change.changes().stream()
                .map(step -> new Modification(type(step.operation()), attribute, step.value()))
                .toArray(Modification[]::new);
        return String.join("\n", new LDIFModifyChangeRecord(change.dn(), modifications).toLDIF(0)) + "\n";
    }

    static ValueChange.Operation operation(ModificationType type) {
        if (type == ModificationType.ADD) {
            return ValueChange.Operation.ADD;
        }
        if (type == ModificationType.DELETE) {
            return ValueChange.Operation.DELETE;
        }
        if (type == ModificationType.REPLACE) {
            return ValueChange.Operation.REPLACE;
        }
        throw new IllegalArgumentException("no value change is a " + type);
    }

    private static ModificationType type(ValueChange.Operation operation) {
        return switch (operation) {
            case ADD -> ModificationType.ADD;
            case DELETE -> ModificationType.DELETE;
            case REPLACE -> ModificationType.REPLACE;
        };
    }
}
