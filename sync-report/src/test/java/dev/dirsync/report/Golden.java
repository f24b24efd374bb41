package dev.dirsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a file under src/test/resources/golden/, exactly. After an intended change
 * of the output, run the tests once with {@code -Dgolden.update=true} to rewrite the files, then
 * review the difference.
 */
final class Golden {
    private static final Path SOURCE_DIR = Path.of("src", "test", "resources", "golden");

    private Golden() {}

    static void assertMatches(String name, String actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(SOURCE_DIR);
            Files.writeString(SOURCE_DIR.resolve(name), actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in)
                    .as("golden file %s (create it with -Dgolden.update=true)", name)
                    .isNotNull();
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(actual).as("output differs from golden/%s", name).isEqualTo(expected);
        }
    }
}
