package dev.dirsync.core.rules.internal;

/** The address rules followed by UnverifiedDomain, as every address-valued attribute runs them. */
final class AddressCheck {
    private final AddressRules addressRules;
    private final UnverifiedDomainRule unverifiedDomain;

    AddressCheck(AddressRules addressRules, UnverifiedDomainRule unverifiedDomain) {
        this.addressRules = addressRules;
        this.unverifiedDomain = unverifiedDomain;
    }

    void apply(ValueCheck value, int start, boolean userPrincipalName) {
        if (addressRules(value, start, userPrincipalName)) {
            unverifiedDomain(value, start, userPrincipalName);
        }
    }

    /** The address rules alone; false when the value got Format for its {@code @}. */
    boolean addressRules(ValueCheck value, int start, boolean userPrincipalName) {
        return addressRules.apply(value, start, userPrincipalName);
    }

    /** UnverifiedDomain alone, on a value for which {@link #addressRules} returned true. */
    void unverifiedDomain(ValueCheck value, int start, boolean userPrincipalName) {
        unverifiedDomain.apply(value, start, userPrincipalName);
    }

    /** Whether the address from {@code start} on passes the address rules and UnverifiedDomain. */
    boolean isValid(String value, int start) {
        return addressRules.isValid(value, start) && unverifiedDomain.isVerifiedAddress(value, start);
    }
}
