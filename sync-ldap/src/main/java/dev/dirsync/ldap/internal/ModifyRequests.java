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
 * Turns an {@link AttributeChange} into one LDAP modify request that the server makes only while
 * the change's precondition holds. Where the server implements the assertion control (RFC 4528),
 * the precondition travels as a critical control. Active Directory does not implement it: there the
 * modify names values instead of replacing (delete the old value, add the new one), because a
 * delete of a value that is gone, or an add of a value already there, fails the whole modify.
 */
public final class ModifyRequests {
    private ModifyRequests() {}

    /** The OID servers list in the rootDSE's supportedControl when they implement RFC 4528. */
    public static final String ASSERTION_CONTROL_OID = AssertionRequestControl.ASSERTION_REQUEST_OID;

    public static ModifyRequest of(AttributeChange change) {
        return of(change, true);
    }

    public static ModifyRequest of(AttributeChange change, boolean assertionControl) {
        String attribute = change.attribute().name();
        if (!assertionControl) {
            return new ModifyRequest(change.dn(), valueGuarded(attribute, change));
        }
        List<Modification> modifications = change.changes().stream()
                .map(step -> new Modification(type(step.operation()), attribute, step.value()))
                .toList();
        ModifyRequest request = new ModifyRequest(change.dn(), modifications);
        request.addControl(new AssertionRequestControl(assertion(attribute, change.precondition()), true));
        return request;
    }

    /**
     * The same change with every replace spelled out as "delete the value the precondition expects,
     * add the new one", so the server itself refuses it when the value changed. Deletes and adds of
     * named values guard themselves.
     */
    static List<Modification> valueGuarded(String attribute, AttributeChange change) {
        List<Modification> modifications = new java.util.ArrayList<>();
        for (ValueChange step : change.changes()) {
            if (step.operation() != ValueChange.Operation.REPLACE) {
                modifications.add(new Modification(type(step.operation()), attribute, step.value()));
            } else if (change.precondition() instanceof Precondition.HoldsOnly holdsOnly) {
                modifications.add(new Modification(ModificationType.DELETE, attribute, holdsOnly.value()));
                modifications.add(new Modification(ModificationType.ADD, attribute, step.value()));
            } else {
                // Replacing nothing: an add, which fails if a value appeared meanwhile (single-valued).
                modifications.add(new Modification(ModificationType.ADD, attribute, step.value()));
            }
        }
        return modifications;
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
