package dev.dirsync.daemon.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dirsync.daemon.config.ConfigLoader;
import dev.dirsync.daemon.config.DirsyncConfig;
import dev.dirsync.daemon.demo.DirectoryGenerator;
import dev.dirsync.report.ReportFormat;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code dirsync check} on a fixed directory (250 generated people with every kind of dirty data)
 * writes exactly the golden report in each format. After an intended change, regenerate with
 * {@code -Dgolden.update=true} and review the diff.
 */
class CheckReportGoldenTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-15T09:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void checkOnFixedDirectory_writesTheGoldenReport(ReportFormat format) throws IOException {
        try (Writer writer = Files.newBufferedWriter(dir.resolve("directory.ldif"))) {
            DirectoryGenerator.write(writer, 250, 2026, true);
        }
        Files.writeString(
                dir.resolve("dirsync.yaml"),
                """
                source:
                  url: embedded:directory.ldif
                  bindDn: CN=dirsync,DC=corp,DC=example,DC=com
                  password: golden
                  baseDn: DC=corp,DC=example,DC=com
                target:
                  tenantId: golden
                  clientId: golden
                  clientSecret: golden
                mapping:
                  upnSuffix: example.com
                rules:
                  verifiedDomains: [example.com]
                """);
        DirsyncConfig config = new ConfigLoader(Map.of()).load(dir.resolve("dirsync.yaml"));
        Path output = dir.resolve("report." + format.extension());

        new CheckRunner(config, FIXED).run(format, output, dev.dirsync.core.engine.SyncListener.NONE);

        String actual = Files.readString(output, StandardCharsets.UTF_8).replace(dir.toString(), "<dir>");
        Path golden = Path.of("src/test/resources/golden/check-report." + format.extension());
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden)
                .as("golden file (generate with -Dgolden.update=true)")
                .exists();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
