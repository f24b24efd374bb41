package dev.dirsync.core.rules.internal;

import static dev.dirsync.core.rules.internal.AttributeNames.PROXY_ADDRESSES;

import dev.dirsync.core.rules.ProposedAction;
import java.util.List;

/**
 * The PROPOSEDACTION of a value with findings: REMOVE for a proxyAddresses value that is a
 * duplicate or cannot be fixed into a valid address while the object keeps another usable SMTP
 * address (mail or proxyAddresses); otherwise EDIT when the suggested value differs, else COMPLETE.
 */
final class ProposedActions {
    private final AddressCheck addressCheck;

    ProposedActions(AddressCheck addressCheck) {
        this.addressCheck = addressCheck;
    }

    /** @param all every value checked on the object (clean ones too) */
    ProposedAction actionFor(ValueCheck check, List<ValueCheck> all) {
        if (PROXY_ADDRESSES.equals(check.attribute())
                && (check.isDuplicate() || (check.isSmtpAddress() && !fixable(check)))
                && hasAnotherUsableAddress(check, all)) {
            return ProposedAction.REMOVE;
        }
        return check.changed() ? ProposedAction.EDIT : ProposedAction.COMPLETE;
    }

    private boolean hasAnotherUsableAddress(ValueCheck check, List<ValueCheck> all) {
        for (ValueCheck other : all) {
            if (other != check && other.isSmtpAddress() && !other.isDuplicate() && fixable(other)) {
                return true;
            }
        }
        return false;
    }

    /** Clean, or its suggested value passes the address rules and UnverifiedDomain. */
    private boolean fixable(ValueCheck check) {
        return !check.failed() || addressCheck.isValid(check.current(), check.addressStart());
    }
}
