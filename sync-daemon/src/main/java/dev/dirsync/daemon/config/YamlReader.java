package dev.dirsync.daemon.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses the configuration file into a tree, refusing a key given twice in one mapping. A problem
 * names the file, line and column and what is wrong, never the text of the line: a line may hold an
 * inline secret.
 */
final class YamlReader {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    /**
     * The parts of SnakeYAML's problem descriptions that quote the file: "found character '…'",
     * "but found …", "escape character …", "tag handle …", "valid version: …", and the tab or
     * character advice "(Do not use … for indentation)".
     */
    private static final List<Pattern> FILE_TEXT = List.of(
            Pattern.compile("\\s*\\(Do not use .* for indentation\\)"),
            Pattern.compile("(?<=found character) '.*?'(?= that)"),
            Pattern.compile(",? but found.*$"),
            Pattern.compile("(?<=escape character|tag handle|valid version:?) .*$"),
            Pattern.compile("(?<=expected URI)[^,]*"));

    private YamlReader() {}

    /** The top-level mapping of {@code file}. */
    static JsonNode read(Path file) {
        JsonNode root;
        try (Reader reader = Files.newBufferedReader(file)) {
            root = YAML.readTree(reader);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file.toString(), List.of(describe(e)));
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), List.of("no such file"));
        } catch (IOException e) {
            throw new ConfigException(
                    file.toString(), List.of("cannot be read (" + e.getClass().getSimpleName() + ")"));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ConfigException(file.toString(), List.of("the file is empty"));
        }
        if (!root.isObject()) {
            throw new ConfigException(file.toString(), List.of("the top level must be a mapping of keys"));
        }
        return root;
    }

    private static String describe(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml) {
            return syntax(yaml);
        }
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        // Jackson's duplicate detection says "Duplicate field 'NAME'"; its parser is still inside the mapping
        if (e.getProcessor() instanceof JsonParser parser
                && String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) {
            return keyPath(parser.getParsingContext()) + ": duplicate key" + where
                    + " (each key may appear once in its mapping)";
        }
        return "not valid YAML" + where;
    }

    private static String syntax(MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
        String problem = withoutFileText(e.getProblem());
        String context = e.getContext() == null ? "" : withoutFileText(e.getContext());
        String description = String.join(
                ": ",
                List.of(context, problem).stream().filter(s -> !s.isBlank()).toList());
        return "not valid YAML" + where + (description.isEmpty() ? "" : ": " + description);
    }

    private static String withoutFileText(String description) {
        if (description == null) {
            return "";
        }
        String text = description.strip();
        for (Pattern pattern : FILE_TEXT) {
            text = pattern.matcher(text).replaceAll("");
        }
        return text.strip();
    }

    /** {@code a.b[0].c} for the key the parser is at. */
    private static String keyPath(JsonStreamContext context) {
        Deque<String> segments = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                segments.push("[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                segments.push(c.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            if (path.length() > 0 && !segment.startsWith("[")) {
                path.append('.');
            }
            path.append(segment);
        }
        return path.toString();
    }
}
