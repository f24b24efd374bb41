package dev.dirsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Opens a 2,000-finding HTML report in headless Chromium and checks what the page's script renders,
 * with filters, sorting and paging given in the address (#filter-text=...). Keeps the report and a
 * screenshot under target/.
 */
class HtmlReportBrowserIT {
    private static final int FINDINGS = 2_000;
    private static final int PAGE_SIZE = 200;
    private static final Path WORK_DIR = Path.of("target", "html-report-it").toAbsolutePath();
    private static final Path SCREENSHOT = Path.of("target", "report.png").toAbsolutePath();
    private static final Pattern TBODY =
            Pattern.compile("<table id=\"findings\">.*?<tbody>(.*?)</tbody>", Pattern.DOTALL);
    private static final Pattern SHOWN_COUNT = Pattern.compile("<p id=\"shown-count\"[^>]*>");
    private static final Pattern COMMON_NAME = Pattern.compile("<span class=\"cn\">([^<]*)</span>");

    private static List<ReportFixtures.Item> items;
    private static URI report;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void writeReport() throws IOException {
        Files.createDirectories(WORK_DIR);
        items = GeneratedFindings.generate(FINDINGS);
        Path file = WORK_DIR.resolve("report.html");
        try (OutputStream out = Files.newOutputStream(file);
                ReportWriter writer = ReportWriters.open(ReportFormat.HTML, out, ReportFixtures.CONTEXT)) {
            ReportFixtures.feed(writer, items);
        }
        report = file.toUri();
    }

    @BeforeEach
    void findChromium() {
        if (chromium == null) {
            chromium = HeadlessChromium.requireOrSkip(WORK_DIR);
        }
    }

    @Test
    void withoutFilters_rendersOnePageAndCountsEveryFinding() throws Exception {
        Page page = open("");

        assertThat(page.matching()).isEqualTo(FINDINGS);
        assertThat(page.total()).isEqualTo(FINDINGS);
        assertThat(page.rows()).isEqualTo(PAGE_SIZE);
        assertThat(page.commonNames().get(0)).isEqualTo(items.get(0).entry().commonName());
        assertThat(page.dom()).contains("<span class=\"stat-value\" id=\"total-findings\">2,000</span>");
    }

    @Test
    void textFilterInAddress_narrowsTheTable() throws Exception {
        long expected = count(item -> searchText(item).contains("needleman"));

        Page page = open("#filter-text=Needleman");

        assertThat(expected).isBetween(1L, (long) PAGE_SIZE - 1);
        assertThat(page.matching()).isEqualTo(expected);
        assertThat(page.rows()).isEqualTo(expected);
        assertThat(page.commonNames()).allSatisfy(cn -> assertThat(cn).contains("Needleman"));
        assertThat(page.dom()).containsPattern("<input id=\"filter-text\"[^>]*>");
    }

    @Test
    void classAndAttributeFiltersInAddress_combine_andPage() throws Exception {
        long expected = count(item -> item.finding().errorText().contains("Duplicate")
                && item.finding().attribute().equals("mail"));

        Page page = open("#filter-class=Duplicate&filter-attribute=mail&size=50&page=2");

        assertThat(expected).isGreaterThan(50);
        assertThat(page.matching()).isEqualTo(expected);
        assertThat(page.rows()).isEqualTo((int) Math.min(50, expected - 50));
        assertThat(page.dom()).contains("<option value=\"Duplicate\">Duplicate (" + expected + ")</option>");
    }

    @Test
    void sortInAddress_ordersRowsDescending() throws Exception {
        String last = items.stream()
                .map(item -> item.entry().commonName())
                .max(Comparator.comparing(cn -> cn.toLowerCase(Locale.ROOT)))
                .orElseThrow();

        Page page = open("#sort=object&dir=desc");

        assertThat(page.commonNames().get(0)).isEqualTo(last);
        assertThat(page.dom()).containsPattern("<th scope=\"col\" data-sort=\"object\" aria-sort=\"descending\">");
    }

    @Test
    void screenshot_isKeptUnderTarget() throws Exception {
        chromium.screenshot(report, SCREENSHOT, 1400, 900);

        assertThat(Files.readAllBytes(SCREENSHOT)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    private static Page open(String hash) throws IOException, InterruptedException {
        return new Page(chromium.dumpDom(URI.create(report + hash)));
    }

    private static long count(Predicate<ReportFixtures.Item> predicate) {
        return items.stream().filter(predicate).count();
    }

    /** What the page's search looks through, as the page's script builds it. */
    private static String searchText(ReportFixtures.Item item) {
        return String.join(
                        "\n",
                        item.entry().dn(),
                        item.entry().commonName(),
                        item.entry().kind().reportName(),
                        item.finding().attribute(),
                        String.join(" ", item.finding().errorText()),
                        String.valueOf(item.finding().value()),
                        String.valueOf(item.finding().suggested()),
                        item.finding().action().name(),
                        String.valueOf(item.finding().detail()))
                .toLowerCase(Locale.ROOT);
    }

    /** The DOM Chromium dumped, read with patterns that know this page's markup. */
    private record Page(String dom) {
        long matching() {
            return Long.parseLong(shownCountAttribute("data-matching"));
        }

        long total() {
            return Long.parseLong(shownCountAttribute("data-total"));
        }

        int rows() {
            Matcher tbody = TBODY.matcher(dom);
            assertThat(tbody.find()).as("findings table body in the dumped DOM").isTrue();
            int rows = 0;
            for (int at = tbody.group(1).indexOf("<tr>");
                    at >= 0;
                    at = tbody.group(1).indexOf("<tr>", at + 1)) {
                rows++;
            }
            assertThat(shownCountAttribute("data-rendered")).isEqualTo(String.valueOf(rows));
            return rows;
        }

        List<String> commonNames() {
            return COMMON_NAME
                    .matcher(dom)
                    .results()
                    .map(m -> m.group(1).replace("&amp;", "&"))
                    .toList();
        }

        private String shownCountAttribute(String name) {
            Matcher element = SHOWN_COUNT.matcher(dom);
            assertThat(element.find()).as("#shown-count in the dumped DOM").isTrue();
            Matcher attribute = Pattern.compile(name + "=\"([^\"]*)\"").matcher(element.group());
            assertThat(attribute.find()).as("%s on #shown-count", name).isTrue();
            return attribute.group(1);
        }
    }
}
