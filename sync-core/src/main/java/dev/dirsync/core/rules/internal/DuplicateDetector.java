package dev.dirsync.core.rules.internal;

import static dev.dirsync.core.rules.internal.AttributeNames.MAIL;
import static dev.dirsync.core.rules.internal.AttributeNames.MAIL_NICKNAME;
import static dev.dirsync.core.rules.internal.AttributeNames.PROXY_ADDRESSES;
import static dev.dirsync.core.rules.internal.AttributeNames.SAM_ACCOUNT_NAME;
import static dev.dirsync.core.rules.internal.AttributeNames.TARGET_ADDRESS;
import static dev.dirsync.core.rules.internal.AttributeNames.USER_PRINCIPAL_NAME;

import dev.dirsync.core.model.Anchor;
import dev.dirsync.core.rules.ValueOwners;
import dev.dirsync.core.rules.internal.DuplicateKeys.Namespace;
import java.util.List;

/**
 * Duplicate: a value that an object read earlier in the run holds too (case-insensitive, on the
 * values as read). The first holder keeps it; each later holder gets Duplicate on every value that
 * collides, with the first holder's DN. Compared: userPrincipalName with userPrincipalName,
 * mailNickname with mailNickname, sAMAccountName with sAMAccountName (objects without a UPN only),
 * targetAddress with targetAddress, and the SMTP address space, where mail, SMTP proxyAddresses and
 * userPrincipalName meet, except UPN with UPN (compared on its own) and an object with itself. A
 * value that {@link ValueOwners} says this object held before the run is no duplicate on it, even
 * when an object read earlier holds it too (that one is told so when it is exported).
 */
final class DuplicateDetector {
    private final DuplicateIndex index;
    private final boolean identities;
    private final ValueOwners owners;

    /**
     * @param identities whether userPrincipalName, sAMAccountName and targetAddress are compared
     *     (multi-tenant); mailNickname and the SMTP addresses always are
     */
    DuplicateDetector(DuplicateIndex index, boolean identities, ValueOwners owners) {
        this.index = index;
        this.identities = identities;
        this.owners = owners;
    }

    /** Claims the checked values of one object and marks those that an earlier object holds. */
    void mark(CheckedEntry entry, List<ValueCheck> checks) {
        DuplicateIndex.Holder holder = index.holder(entry.entry().dn());
        Anchor anchor = entry.entry().anchor();
        boolean withoutUpn = Text.isBlank(entry.first(USER_PRINCIPAL_NAME));
        SmtpClaims smtp = new SmtpClaims(checks.size());
        for (ValueCheck check : checks) {
            String value = check.original();
            if (Text.isBlank(value)) {
                continue;
            }
            switch (check.attribute()) {
                case USER_PRINCIPAL_NAME -> {
                    if (identities) {
                        claim(holder, Namespace.USER_PRINCIPAL_NAME, check, anchor);
                        smtp.add(check, 0, true);
                    }
                }
                case MAIL_NICKNAME -> claim(holder, Namespace.MAIL_NICKNAME, check, anchor);
                case SAM_ACCOUNT_NAME -> {
                    if (identities && withoutUpn) {
                        claim(holder, Namespace.SAM_ACCOUNT_NAME, check, anchor);
                    }
                }
                case TARGET_ADDRESS -> {
                    if (identities) {
                        claim(holder, Namespace.TARGET_ADDRESS, check, anchor);
                    }
                }
                case MAIL -> smtp.add(check, 0, false);
                case PROXY_ADDRESSES -> {
                    if (AddressType.of(value) == AddressType.SMTP) {
                        smtp.add(check, ExtraColonRule.addressStart(value), false);
                    }
                }
                default -> {}
            }
        }
        smtp.claim(holder, anchor);
    }

    /** An object without an anchor (null) held nothing before the run. */
    private boolean ownedBefore(Anchor anchor, long key) {
        return anchor != null && owners.ownedBy(anchor, key);
    }

    private void claim(DuplicateIndex.Holder holder, Namespace namespace, ValueCheck check, Anchor anchor) {
        long key = DuplicateKeys.key(namespace, check.original(), 0);
        int earlier = holder.claim(key, false);
        if (earlier != DuplicateIndex.NONE && !ownedBefore(anchor, key)) {
            check.duplicateOf(index.dnOf(earlier));
        }
    }

    /**
     * One object's SMTP addresses, each claimed once however many of its attributes hold it. The
     * tag records an address held only as a UPN: it collides with mail and proxyAddresses only.
     */
    private final class SmtpClaims {
        private final long[] keys;
        private final boolean[] upnOnly;
        private final ValueCheck[] checks;
        private final int[] addressOf;
        private int addresses;
        private int holders;

        SmtpClaims(int capacity) {
            keys = new long[capacity];
            upnOnly = new boolean[capacity];
            checks = new ValueCheck[capacity];
            addressOf = new int[capacity];
        }

        void add(ValueCheck check, int start, boolean userPrincipalName) {
            long key = DuplicateKeys.key(Namespace.SMTP, check.original(), start);
            int address = 0;
            while (address < addresses && keys[address] != key) {
                address++;
            }
            if (address == addresses) {
                keys[address] = key;
                upnOnly[address] = userPrincipalName;
                addresses++;
            } else {
                upnOnly[address] &= userPrincipalName;
            }
            checks[holders] = check;
            addressOf[holders++] = address;
        }

        void claim(DuplicateIndex.Holder holder, Anchor anchor) {
            for (int address = 0; address < addresses; address++) {
                int earlier = holder.claim(keys[address], upnOnly[address]);
                if (earlier == DuplicateIndex.NONE || ownedBefore(anchor, keys[address])) {
                    continue;
                }
                boolean earlierUpnOnly = DuplicateIndex.tagOf(earlier);
                for (int i = 0; i < holders; i++) {
                    ValueCheck check = checks[i];
                    boolean checkIsUpn = USER_PRINCIPAL_NAME.equals(check.attribute());
                    if (addressOf[i] == address && !(earlierUpnOnly && checkIsUpn)) {
                        check.duplicateOf(index.dnOf(earlier));
                    }
                }
            }
        }
    }
}
