package dev.dirsync.core.rules.internal;

import dev.dirsync.core.rules.Profile;
import java.util.List;

/** The attribute families a profile checks, in the attribute order of docs/readiness-rules.md. */
final class RuleSet {
    private RuleSet() {}

    /**
     * Multi-tenant: every family. Dedicated (IdFix's dedicated rule set): displayName, mail,
     * mailNickname, proxyAddresses and targetAddress only; givenName, sn, sAMAccountName and
     * userPrincipalName are not checked. Both start with the anchor and end with the address
     * presence: what every exported object needs, whatever the profile.
     */
    static List<AttributeRules> of(Profile profile, AddressCheck addressCheck, String upnSuffix) {
        return switch (profile) {
            case MULTI_TENANT -> List.of(
                    new AnchorRules(),
                    DisplayNameRules.multiTenant(),
                    new PersonNameRules(),
                    MailRules.multiTenant(addressCheck),
                    MailNicknameRules.multiTenant(),
                    ProxyAddressRules.multiTenant(addressCheck),
                    new SamAccountNameRules(),
                    TargetAddressRules.multiTenant(addressCheck),
                    new UserPrincipalNameRules(addressCheck, upnSuffix),
                    new AddressPresenceRules());
            case DEDICATED -> List.of(
                    new AnchorRules(),
                    DisplayNameRules.dedicated(),
                    MailRules.dedicated(addressCheck),
                    MailNicknameRules.dedicated(),
                    ProxyAddressRules.dedicated(addressCheck),
                    TargetAddressRules.dedicated(addressCheck),
                    new AddressPresenceRules());
        };
    }
}
