package dev.dirsync.emulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps a user's mail among its proxy addresses, as Graph documents for the user's {@code mail}:
 * changes to it update proxyAddresses to include the value as an SMTP address. The new mail becomes
 * the primary address ({@code SMTP:}); a previous primary one stays as a secondary address ({@code
 * smtp:}), since an object has one primary SMTP address. Clearing mail leaves proxyAddresses as
 * they are.
 */
final class MailProxies {
    private static final String PRIMARY = "SMTP:";
    private static final String SECONDARY = "smtp:";

    private MailProxies() {}

    /** {@code values} (changed in place) after mail was set to its current value. */
    static void follow(Map<String, Object> values) {
        Object mail = values.get(UserSchema.MAIL);
        if (!(mail instanceof String address)) {
            return;
        }
        List<String> proxies = new ArrayList<>();
        proxies.add(PRIMARY + address);
        Object before = values.get(UserSchema.PROXY_ADDRESSES);
        if (before instanceof List<?> list) {
            for (Object item : list) {
                String proxy = (String) item;
                boolean smtp = proxy.regionMatches(true, 0, PRIMARY, 0, PRIMARY.length());
                String value = proxy.substring(proxy.indexOf(':') + 1);
                if (smtp && value.equalsIgnoreCase(address)) {
                    continue;
                }
                proxies.add(smtp ? SECONDARY + value : proxy);
            }
        }
        values.put(UserSchema.PROXY_ADDRESSES, List.copyOf(proxies));
    }
}
