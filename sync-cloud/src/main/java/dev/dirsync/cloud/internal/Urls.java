package dev.dirsync.cloud.internal;

import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;

/** URL helpers for messages and OData query options. */
public final class Urls {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Urls() {}

    /** For messages and logs: the query may carry filter values that add nothing but length. */
    public static String withoutQuery(HttpUrl url) {
        return url.newBuilder().query(null).build().toString();
    }

    /**
     * Percent-encodes a query value so that it survives any server's decoding: everything except
     * RFC 3986 unreserved characters and the comma is escaped (a '+' must not become a space).
     */
    public static String encodeQueryValue(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~'
                    || c == ',') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /** True when {@code candidate} is on the same scheme, host and port as {@code base}. */
    public static boolean sameOrigin(HttpUrl base, HttpUrl candidate) {
        return base.scheme().equals(candidate.scheme())
                && base.host().equalsIgnoreCase(candidate.host())
                && base.port() == candidate.port();
    }
}
