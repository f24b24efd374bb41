package dev.dirsync.ldap.internal;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.controls.AssertionRequestControl;
import dev.dirsync.core.fix.AttributeChange;
import dev.dirsync.core.fix.Precondition;
import dev.dirsync.core.fix.ValueChange;
import java.util.List;

/**
 * Turns an {@link AttributeChange} into one LDAP modify request: one modification per value
 * operation, in order, and the change's precondition as a critical assertion control (RFC 4528),
 * so the server makes the whole modify only while the precondition holds and refuses it otherwise.
 */
public final class ModifyRequests {
    private ModifyRequests() {
    }

    public static ModifyRequest of(AttributeChange change) {
        String attribute = change.attribute().name();
        List<Modification> modifications = change.changes().stream()
                .map(step -> new Modification(type(step.operation()), attribute, step.value()))
                .toList();
        ModifyRequest request = new ModifyRequest(change.dn(), modifications);
        request.addControl(new AssertionRequestControl(assertion(attribute, change.precondition()), true));
        return request;
    }

    /** The filter the server evaluates against the entry before modifying it. */
    public static Filter assertion(String attribute, Precondition precondition) {
        if (precondition instanceof Precondition.Holds holds) {
            return Filter.createEqualityFilter(attribute, holds.value());
        }
        if (precondition instanceof Precondition.HoldsOnly holdsOnly) {
            return Filter.createEqualityFilter(attribute, holdsOnly.value());
        }
        if (precondition instanceof Precondition.Lacks lacks) {
            return Filter.createNOTFilter(Filter.createEqualityFilter(attribute, lacks.value()));
        }
        return Filter.createNOTFilter(Filter.createPresenceFilter(attribute));
    }

    private static ModificationType type(ValueChange.Operation operation) {
        return switch (operation) {
            case ADD -> ModificationType.ADD;
            case DELETE -> ModificationType.DELETE;
            case REPLACE -> ModificationType.REPLACE;
        };
    }
}
