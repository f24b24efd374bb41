package dev.dirsync.report;

import static dev.dirsync.report.ReportFixtures.ALICE;
import static dev.dirsync.report.ReportFixtures.finding;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dirsync.core.rules.ErrorClass;
import dev.dirsync.core.rules.ProposedAction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);
    private static final Pattern INLINE_STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

    @Test
    void sample_matchesGoldenFile() throws IOException {
        Golden.assertMatches("report.html", ReportFixtures.render(ReportFormat.HTML, ReportFixtures.sample()));
    }

    @Test
    void dataBlocks_parseBackToFindingsAndTotals() throws IOException {
        String html = ReportFixtures.render(ReportFormat.HTML, ReportFixtures.sample());

        JsonNode findings = MAPPER.readTree(jsonBlock(html, "findings-data"));
        assertThat(findings).hasSize(9);
        assertThat(findings.get(6).toString())
                .isEqualTo("[\"" + ReportFixtures.DAVE.dn().replace("\"", "\\\"")
                        + "\",\"Dave \\\"Ops\\\" Ng\",\"user\",\"mailNickname\",[\"Character\"],\"-dave..ng</script>\","
                        + "\"-dave.ng_/script_\",\"EDIT\",null]");
        JsonNode totals = MAPPER.readTree(jsonBlock(html, "totals-data"));
        assertThat(totals.get("findings").asLong()).isEqualTo(9);
        assertThat(totals.get("byErrorClass").get("Character").asLong()).isEqualTo(5);
    }

    @Test
    void valuesThatCouldEndTheScriptElement_areEscaped() throws IOException {
        String hostile = "</script><script>alert(1)</script><!--<script>x\u2028y\u2029z&";
        String html = ReportFixtures.render(
                ReportFormat.HTML,
                List.of(new ReportFixtures.Item(
                        ALICE,
                        finding(
                                "displayName",
                                hostile,
                                hostile,
                                ProposedAction.COMPLETE,
                                hostile,
                                ErrorClass.LENGTH))));

        String data = jsonBlock(html, "findings-data");
        assertThat(data)
                .doesNotContain("<", ">", "&", "\u2028", "\u2029")
                .contains("\\u003C/script\\u003E", "\\u2028", "\\u2029");
        assertThat(MAPPER.readTree(data).get(0).get(5).asText()).isEqualTo(hostile);
        assertThat(html).doesNotContain("alert(1)</script>");
    }

    @Test
    void headerValues_areHtmlEscaped() {
        ReportContext context =
                new ReportContext(Instant.parse("2024-05-06T07:08:09Z"), "ldap://<b>evil</b>", "p&\"q\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriters.open(ReportFormat.HTML, out, context).close();
        String html = out.toString(StandardCharsets.UTF_8);

        assertThat(html)
                .contains("<dd>ldap://&lt;b&gt;evil&lt;/b&gt;</dd>", "<dd>p&amp;&quot;q&quot;</dd>")
                .doesNotContain("<b>evil");
    }

    @Test
    void page_isSelfContained_andItsPolicyAllowsExactlyItsOwnStyleAndScript() throws Exception {
        String html = ReportFixtures.render(ReportFormat.HTML, ReportFixtures.sample());

        assertThat(html).doesNotContain(" src=", " href=", "@import", "url(", "//cdn");
        assertThat(html)
                .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        + "style-src '" + sha256(only(INLINE_STYLE, html)) + "'; script-src '"
                        + sha256(only(INLINE_SCRIPT, html))
                        + "'; img-src data:; base-uri 'none'; form-action 'none'\">");
    }

    @Test
    void page_carriesTheStableElementIdsOfItsControls() {
        String html = ReportFixtures.render(ReportFormat.HTML, List.of());

        assertThat(html)
                .contains(
                        "id=\"filter-class\"",
                        "id=\"filter-attribute\"",
                        "id=\"filter-text\"",
                        "<table id=\"findings\">",
                        "<tbody></tbody>",
                        "id=\"shown-count\"",
                        "<time datetime=\"2024-05-06T07:08:09Z\">2024-05-06 07:08:09 UTC</time>");
    }

    static String jsonBlock(String html, String id) {
        String start = "<script type=\"application/json\" id=\"" + id + "\">";
        int from = html.indexOf(start);
        assertThat(from).as("block %s", id).isNotNegative();
        from += start.length();
        return html.substring(from, html.indexOf("</script>", from));
    }

    private static String only(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertThat(matcher.find()).isTrue();
        String text = matcher.group(1);
        assertThat(matcher.find()).as("a second match of %s", pattern).isFalse();
        return text;
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return "sha256-"
                + Base64.getEncoder()
                        .encodeToString(
                                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
