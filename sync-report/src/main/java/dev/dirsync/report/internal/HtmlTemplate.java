package dev.dirsync.report.internal;

import dev.dirsync.report.ReportContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML report's page (report.html with report.css and report.js inlined), cut into the parts
 * around the two JSON data blocks. The Content-Security-Policy allows only this exact style and
 * script (by hash) and no network at all.
 */
final class HtmlTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z]+)}}");
    private static final String FINDINGS = "{{findings}}";
    private static final String TOTALS = "{{totals}}";
    private static final DateTimeFormatter SHOWN_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** Declared after the constants that loading uses. */
    static final HtmlTemplate INSTANCE = load();

    private final String head;
    private final String middle;
    private final String tail;
    private final String style;
    private final String contentSecurityPolicy;

    private HtmlTemplate(String page, String style, String script) {
        int findings = page.indexOf(FINDINGS);
        int totals = page.indexOf(TOTALS);
        if (findings < 0 || totals < findings) {
            throw new IllegalStateException("report.html must hold " + FINDINGS + " before " + TOTALS);
        }
        this.head = page.substring(0, findings);
        this.middle = page.substring(findings + FINDINGS.length(), totals);
        this.tail = fill(page.substring(totals + TOTALS.length()), Map.of("script", script));
        this.style = style;
        this.contentSecurityPolicy = "default-src 'none'; style-src '" + sha256(style) + "'; script-src '"
                + sha256(script) + "'; img-src data:; base-uri 'none'; form-action 'none'";
    }

    private static HtmlTemplate load() {
        return new HtmlTemplate(resource("report.html"), resource("report.css"), resource("report.js"));
    }

    /** Everything before the findings data, ending inside its {@code <script>} element. */
    String head(ReportContext context) {
        return fill(
                head,
                Map.of(
                        "csp", contentSecurityPolicy,
                        "style", style,
                        "title",
                                HtmlText.escape(
                                        "Cleanup report \u2013 " + context.profile() + " \u2013 " + context.source()),
                        "source", HtmlText.escape(context.source()),
                        "profile", HtmlText.escape(context.profile()),
                        "generatedAt", SHOWN_TIME.format(context.generatedAt()),
                        "generatedAtIso", context.generatedAt().toString()));
    }

    /** Between the findings data and the totals data. */
    String middle() {
        return middle;
    }

    /** Everything after the totals data. */
    String tail() {
        return tail;
    }

    /** Replaces each {{name}} in one pass, so substituted text is never scanned again. */
    private static String fill(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 16 * 1024);
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for " + matcher.group() + " in the report template");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(out).toString();
    }

    private static String resource(String name) {
        try (InputStream in = HtmlTemplate.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("report resource " + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read report resource " + name, e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
