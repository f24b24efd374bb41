package dev.dirsync.cloud.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validation of the URLs an adapter sends credentials to. */
public final class TargetUrls {
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}");

    private TargetUrls() {}

    /**
     * {@code url} normalised (no trailing slash); refused, naming {@code key}, unless it is an
     * absolute https URL, or http towards this machine, so that credentials never cross a network
     * in clear. User info, a query or a fragment are refused too.
     */
    public static String httpsOrLoopback(String url, String key) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + " is not a valid URL: " + url, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException(key + " must be an absolute https URL, got " + url);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(key + " must not carry user info, a query or a fragment: " + url);
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException(
                    key + " must use https (plain http is accepted only for a loopback address), got " + url);
        }
        String normalised = uri.toString();
        while (normalised.endsWith("/")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        return normalised;
    }

    /** Literal loopback addresses and "localhost" only; never resolves a name through DNS. */
    public static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (IPV4.matcher(bare).matches()) {
            return bare.startsWith("127.");
        }
        if (!bare.contains(":")) {
            return false;
        }
        try {
            // A string with a colon is parsed as an IPv6 literal, never looked up.
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
