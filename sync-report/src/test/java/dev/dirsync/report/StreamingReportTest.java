package dev.dirsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.core.model.SourceEntry;
import dev.dirsync.core.rules.ErrorClass;
import dev.dirsync.core.rules.Finding;
import dev.dirsync.core.rules.ProposedAction;
import java.io.OutputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A report of 100,000 findings goes to a stream that only counts bytes. Rows are of near-equal
 * length, so after i findings about i/N of the output is due; the bytes that actually reached the
 * stream may trail that by no more than the writers' small buffers.
 */
class StreamingReportTest {
    private static final int FINDINGS = 100_000;
    private static final long MAX_BUFFERED = 64 * 1024;
    private static final long MAX_HEAD_AND_TAIL = 64 * 1024;
    private static final List<String> ATTRIBUTES =
            List.of("mail", "proxyAddresses", "userPrincipalName", "mailNickname");

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void hundredThousandFindings_streamThroughWithBoundedBuffering(ReportFormat format) {
        CountingStream out = new CountingStream();
        long[] reached = new long[FINDINGS + 1];
        ReportWriter writer = ReportWriters.open(format, out, ReportFixtures.CONTEXT);
        for (int i = 0; i < FINDINGS; i++) {
            int objectNumber = i / 2;
            writer.accept(entry(objectNumber), finding(i));
            reached[i + 1] = out.count;
        }
        writer.close();

        long perRowAtLeast = (out.count - MAX_HEAD_AND_TAIL) / FINDINGS;
        assertThat(perRowAtLeast).isGreaterThan(50);
        for (int i = 0; i <= FINDINGS; i += 100) {
            assertThat(reached[i])
                    .as("bytes written after %d findings", i)
                    .isGreaterThanOrEqualTo(i * perRowAtLeast - MAX_BUFFERED);
        }
        ReportTotals totals = writer.totals();
        assertThat(totals.findings()).isEqualTo(FINDINGS);
        assertThat(totals.objectsWithFindings()).isEqualTo(FINDINGS / 2);
        assertThat(totals.count(ErrorClass.CHARACTER)).isEqualTo(FINDINGS);
        assertThat(totals.count(ErrorClass.DUPLICATE)).isEqualTo(FINDINGS / 10);
        assertThat(totals.byAttribute()).containsEntry("mail", (long) FINDINGS / ATTRIBUTES.size());
    }

    private static SourceEntry entry(int number) {
        String cn = "User " + sixDigits(number);
        return ReportFixtures.user("CN=" + cn + ",OU=Staff,DC=corp,DC=example,DC=com", cn);
    }

    private static Finding finding(int i) {
        String value = "user." + sixDigits(i) + " @corp.example.com";
        List<ErrorClass> classes =
                i % 10 == 0 ? List.of(ErrorClass.CHARACTER, ErrorClass.DUPLICATE) : List.of(ErrorClass.CHARACTER);
        return new Finding(
                ATTRIBUTES.get(i % ATTRIBUTES.size()),
                value,
                classes,
                value.replace(" ", ""),
                ProposedAction.EDIT,
                null);
    }

    private static String sixDigits(int n) {
        String digits = Integer.toString(n);
        return "000000".substring(digits.length()) + digits;
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
