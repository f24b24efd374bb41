package dev.dirsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.core.fix.WriteResult;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FixResultWriterTest {
    @Test
    void rows_followTheReportConventions_andAreFlushedOneByOne() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FixResultWriter writer = new FixResultWriter(out);

        writer.write(
                2,
                "CN=Anna Schmidt,OU=Staff,DC=corp,DC=example,DC=com",
                "mailNickname",
                WriteResult.Status.APPLIED,
                "'anna..s' -> 'anna.s'");
        writer.write(
                3, "CN=Ben,OU=Staff,DC=corp,DC=example,DC=com", "mail", WriteResult.Status.SKIPPED, "=mail is now 'x'");

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFROW,DISTINGUISHEDNAME,ATTRIBUTE,STATUS,REASON\r\n"
                        + "2,\"CN=Anna Schmidt,OU=Staff,DC=corp,DC=example,DC=com\",mailNickname,applied,'anna..s' -> 'anna.s'\r\n"
                        + "3,\"CN=Ben,OU=Staff,DC=corp,DC=example,DC=com\",mail,skipped,'=mail is now 'x'\r\n");
    }
}
