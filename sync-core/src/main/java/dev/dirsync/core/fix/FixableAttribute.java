package dev.dirsync.core.fix;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An attribute {@code dirsync fix} may write: exactly those the readiness rules check. Writing any
 * other attribute (passwords, group memberships, ...) is refused, whatever a report row says.
 *
 * @param name the attribute name as the readiness rules spell it
 * @param multiValued true for proxyAddresses, whose values are changed one by one; the others are
 *     treated as single-valued
 */
public record FixableAttribute(String name, boolean multiValued) {

    public static final List<FixableAttribute> ALL = List.of(
            new FixableAttribute("displayName", false),
            new FixableAttribute("givenName", false),
            new FixableAttribute("sn", false),
            new FixableAttribute("mail", false),
            new FixableAttribute("mailNickname", false),
            new FixableAttribute("proxyAddresses", true),
            new FixableAttribute("sAMAccountName", false),
            new FixableAttribute("targetAddress", false),
            new FixableAttribute("userPrincipalName", false));

    /** The fixable attribute named {@code name} (LDAP attribute names ignore case), if any. */
    public static Optional<FixableAttribute> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return ALL.stream()
                .filter(a -> a.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    /** The names of {@link #ALL}, comma separated, for messages. */
    public static String names() {
        return String.join(", ", ALL.stream().map(FixableAttribute::name).toList());
    }
}
