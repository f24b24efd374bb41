package dev.dirsync.core.mapping;

import dev.dirsync.core.model.Attributes;
import dev.dirsync.core.model.MailUser;
import dev.dirsync.core.rules.CheckResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Maps a checked directory object to the mail user the cloud should hold (ARCHITECTURE.md, "Mail
 * user mapping"). Reads {@link CheckResult#effective()}, so the readiness policy (fixed values,
 * dropped duplicates, replaced UPN suffix) is already applied.
 */
public final class MailUserMapper {
    private static final int ACCOUNT_DISABLE = 0x2;

    private final MappingSettings settings;

    public MailUserMapper(MappingSettings settings) {
        this.settings = settings;
    }

    public MailUser map(CheckResult checked) {
        Attributes a = checked.effective();
        String mail = externalAddress(a);
        return new MailUser(
                checked.entry().anchor(),
                blankToNull(a.firstOrNull("userPrincipalName")),
                displayName(checked),
                blankToNull(a.firstOrNull("givenName")),
                blankToNull(a.firstOrNull("sn")),
                mailNickname(a),
                mail,
                otherMails(a, mail),
                accountEnabled(a),
                usageLocation(a));
    }

    /** Graph requires a displayName; the cn stands in when the directory has none. */
    private static String displayName(CheckResult checked) {
        String displayName = blankToNull(checked.effective().firstOrNull("displayName"));
        return displayName != null ? displayName : blankToNull(checked.entry().commonName());
    }

    private static String mailNickname(Attributes a) {
        String nickname = blankToNull(a.firstOrNull("mailNickname"));
        return nickname != null ? nickname : blankToNull(a.firstOrNull("sAMAccountName"));
    }

    /** targetAddress without its SMTP: prefix, else mail. */
    private static String externalAddress(Attributes a) {
        String target = blankToNull(a.firstOrNull("targetAddress"));
        if (target != null) {
            int colon = target.indexOf(':');
            if (colon < 0) {
                return target;
            }
            if (target.substring(0, colon).equalsIgnoreCase("smtp")) {
                return blankToNull(target.substring(colon + 1));
            }
        }
        return blankToNull(a.firstOrNull("mail"));
    }

    /** The SMTP proxyAddresses other than the external address, without prefix, de-duplicated. */
    private static List<String> otherMails(Attributes a, String mail) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> result = new ArrayList<>();
        if (mail != null) {
            seen.add(mail.toLowerCase(Locale.ROOT));
        }
        for (String proxy : a.all("proxyAddresses")) {
            if (proxy.regionMatches(true, 0, "smtp:", 0, 5)) {
                String address = proxy.substring(5);
                if (!address.isBlank() && seen.add(address.toLowerCase(Locale.ROOT))) {
                    result.add(address);
                }
            }
        }
        return result;
    }

    private static boolean accountEnabled(Attributes a) {
        String uac = a.firstOrNull("userAccountControl");
        if (uac == null) {
            return true;
        }
        try {
            return (Long.parseLong(uac.trim()) & ACCOUNT_DISABLE) == 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private String usageLocation(Attributes a) {
        String c = a.firstOrNull("c");
        if (MappingSettings.isCountryCode(c)) {
            return c.toUpperCase(Locale.ROOT);
        }
        return settings.usageLocation();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
