package dev.dirsync.core.mapping;

import java.util.Locale;

/**
 * @param upnSuffix {@code mapping.upnSuffix}: replaces non-routable or unverified UPN suffixes, or null
 * @param usageLocation {@code mapping.usageLocation}: ISO 3166 alpha-2 used when an object has no
 *     valid {@code c}, or null
 */
public record MappingSettings(String upnSuffix, String usageLocation) {
    public MappingSettings {
        if (upnSuffix != null && (upnSuffix.isBlank() || upnSuffix.contains("@"))) {
            throw new IllegalArgumentException(
                    "mapping.upnSuffix must be a domain name without '@', got '" + upnSuffix + "'");
        }
        if (usageLocation != null) {
            if (!isCountryCode(usageLocation)) {
                throw new IllegalArgumentException(
                        "mapping.usageLocation must be an ISO 3166 alpha-2 country code, got '" + usageLocation + "'");
            }
            usageLocation = usageLocation.toUpperCase(Locale.ROOT);
        }
    }

    static boolean isCountryCode(String value) {
        if (value == null || value.length() != 2) {
            return false;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        for (String country : Locale.getISOCountries()) {
            if (country.equals(upper)) {
                return true;
            }
        }
        return false;
    }
}
