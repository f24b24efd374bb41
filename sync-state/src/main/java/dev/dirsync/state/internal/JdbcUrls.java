package dev.dirsync.state.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** Recognises the supported JDBC URLs and masks the credentials a URL may carry. */
public final class JdbcUrls {
    public static final String H2_PREFIX = "jdbc:h2:";
    public static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";

    /** {@code password=...}, {@code sslpassword=...}, {@code pwd=...} in a query (?, &) or H2 (;) setting. */
    private static final Pattern SECRET_SETTING =
            Pattern.compile("(?i)([?&;]\\s*[a-z_.]*(?:password|passwd|pwd|secret)[a-z_.]*\\s*=)[^&;]*");
    /** {@code //user:password@host}. */
    private static final Pattern USER_INFO = Pattern.compile("(//)[^/?#;@]*@");

    private JdbcUrls() {}

    public static boolean isSupported(String url) {
        return isH2(url) || isPostgresql(url);
    }

    public static boolean isH2(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith(H2_PREFIX);
    }

    public static boolean isPostgresql(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith(POSTGRESQL_PREFIX);
    }

    /** The URL with every password-like setting's value and any user information replaced by ***. */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        String masked = SECRET_SETTING.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(masked).replaceAll("$1***@");
    }
}
