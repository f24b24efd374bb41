package dev.dirsync.daemon.fix;

import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.fix.ValueChange;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Reads the LDIF an undo file holds: {@code changetype: modify} records, each changing values of
 * one attribute (value adds, value deletes and replaces), as {@code dirsync fix} writes them.
 * Folded lines, comments, base64 values and a leading {@code version: 1} are understood; anything
 * else (other change types, controls, URL values, whole-attribute deletes) is an error naming the
 * file and line.
 */
final class UndoFileReader {
    private record Line(int number, String text) {
    }

    private final String source;

    private UndoFileReader(String source) {
        this.source = source;
    }

    /** Every record of {@code file}, in file order. */
    static List<UndoRecord> read(Path file) {
        String source = "undo file " + file;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DirsyncException(source + ": no such file", e);
        } catch (CharacterCodingException e) {
            throw new DirsyncException(source + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new DirsyncException(source + " cannot be read: " + e.getMessage(), e);
        }
        return new UndoFileReader(source).parse(lines);
    }

    /** Records of {@code lines} (without line ends); {@code source} names them in messages. */
    static List<UndoRecord> parse(String source, List<String> lines) {
        return new UndoFileReader(source).parse(lines);
    }

    private List<UndoRecord> parse(List<String> physical) {
        List<UndoRecord> records = new ArrayList<>();
        List<Line> record = new ArrayList<>();
        boolean first = true;
        for (Line line : unfold(physical)) {
            if (line.text().isEmpty()) {
                first = flush(record, records, first);
            } else if (!line.text().startsWith("#")) {
                record.add(line);
            }
        }
        flush(record, records, first);
        return records;
    }

    /** Parses the collected lines as one record, if any; returns whether the version line may still come. */
    private boolean flush(List<Line> record, List<UndoRecord> records, boolean first) {
        boolean version = first && !record.isEmpty() && record.get(0).text().matches("version:\\s*1");
        if (version) {
            record.remove(0);
        }
        if (record.isEmpty()) {
            return first && !version;
        }
        records.add(record(record));
        record.clear();
        return false;
    }

    private UndoRecord record(List<Line> lines) {
        Line dnLine = lines.get(0);
        if (!name(dnLine).equalsIgnoreCase("dn")) {
            throw error(dnLine, "a record must start with dn:, got '" + dnLine.text() + "'");
        }
        String dn = value(dnLine);
        if (lines.size() < 2 || !lines.get(1).text().matches("changetype:\\s*modify")) {
            Line at = lines.size() < 2 ? dnLine : lines.get(1);
            throw error(at, "only changetype: modify records can be replayed");
        }
        String attribute = null;
        List<ValueChange> changes = new ArrayList<>();
        int i = 2;
        while (i < lines.size()) {
            Line opLine = lines.get(i);
            ValueChange.Operation operation = operation(opLine);
            String target = value(opLine);
            if (attribute == null) {
                attribute = target;
            } else if (!attribute.equalsIgnoreCase(target)) {
                throw error(opLine, "a record may change only one attribute, but this one changes " + attribute
                        + " and " + target);
            }
            int values = 0;
            for (i++; i < lines.size() && !lines.get(i).text().equals("-"); i++) {
                Line valueLine = lines.get(i);
                if (!name(valueLine).equalsIgnoreCase(target)) {
                    throw error(valueLine, "expected a value of " + target + ", got '" + valueLine.text() + "'");
                }
                changes.add(new ValueChange(operation, value(valueLine)));
                values++;
            }
            if (i == lines.size()) {
                throw error(lines.get(i - 1), "the " + target + " change is not ended by a line holding -");
            }
            if (values == 0) {
                throw error(opLine, "only changes of single values can be replayed, not of a whole attribute");
            }
            i++;
        }
        if (attribute == null) {
            throw error(dnLine, "the record changes nothing");
        }
        return new UndoRecord(dnLine.number(), dn, attribute, changes);
    }

    private ValueChange.Operation operation(Line line) {
        String name = name(line).toLowerCase(Locale.ROOT);
        return switch (name) {
            case "add" -> ValueChange.Operation.ADD;
            case "delete" -> ValueChange.Operation.DELETE;
            case "replace" -> ValueChange.Operation.REPLACE;
            case "control" -> throw error(line, "controls are not supported in undo files");
            default -> throw error(line, "expected add:, delete: or replace:, got '" + line.text() + "'");
        };
    }

    private String name(Line line) {
        int colon = line.text().indexOf(':');
        if (colon <= 0) {
            throw error(line, "expected name: value, got '" + line.text() + "'");
        }
        return line.text().substring(0, colon);
    }

    private String value(Line line) {
        String text = line.text();
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw error(line, "expected name: value, got '" + text + "'");
        }
        String rest = text.substring(colon + 1);
        if (rest.startsWith(":")) {
            try {
                byte[] bytes = Base64.getDecoder().decode(rest.substring(1).strip());
                return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (IllegalArgumentException | CharacterCodingException e) {
                throw error(line, "the base64 value is not valid base64 of UTF-8 text");
            }
        }
        if (rest.startsWith("<")) {
            throw error(line, "values read from URLs are not supported");
        }
        return rest.stripLeading();
    }

    /** Joins folded lines (a line starting with one space continues the one before). */
    private List<Line> unfold(List<String> physical) {
        List<Line> logical = new ArrayList<>();
        for (int i = 0; i < physical.size(); i++) {
            String text = physical.get(i);
            if (text.startsWith(" ") && !logical.isEmpty() && !logical.get(logical.size() - 1).text().isEmpty()) {
                Line previous = logical.remove(logical.size() - 1);
                logical.add(new Line(previous.number(), previous.text() + text.substring(1)));
            } else {
                logical.add(new Line(i + 1, text));
            }
        }
        return logical;
    }

    private DirsyncException error(Line line, String problem) {
        return new DirsyncException(source + " line " + line.number() + ": " + problem);
    }
}
