package dev.dirsync.cloud.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A response read to the end, its connection already released. Bodies are buffered so that a read
 * failing half-way is retried like any other transport failure and never half-delivered.
 *
 * @param url the request URL
 * @param status HTTP status code
 * @param contentType the Content-Type header, or null
 * @param retryAfter the Retry-After header, or null
 * @param body the body bytes (empty when none)
 */
public record HttpReply(HttpUrl url, int status, String contentType, String retryAfter, byte[] body) {

    /** Reads {@code response} fully; the caller closes it. */
    public static HttpReply read(Response response) throws IOException {
        ResponseBody body = response.body();
        byte[] bytes = body == null ? new byte[0] : body.bytes();
        MediaType type = body == null ? null : body.contentType();
        return new HttpReply(
                response.request().url(),
                response.code(),
                type == null ? null : type.toString(),
                response.header("Retry-After"),
                bytes);
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    /** True when the body declares a JSON media type (application/json, application/scim+json, ...). */
    public boolean isJson() {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        String essence = (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
        return essence.equals("application/json") || essence.endsWith("+json");
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** "HTTP 502 from https://host/path (text/html)": status, URL without its query, and media type. */
    public String describe() {
        return "HTTP " + status + " from " + Urls.withoutQuery(url) + " (" + mediaType() + ")";
    }

    /** "HTTP 502 (text/html)". */
    public String statusLine() {
        return "HTTP " + status + " (" + mediaType() + ")";
    }

    private String mediaType() {
        return contentType == null ? "no content type" : contentType;
    }

    @Override
    public String toString() {
        return describe() + ", " + body.length + " bytes";
    }
}
