package dev.dirsync.report.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;

/**
 * Puts each member of the outer {@code lineDepth} containers on its own line and writes deeper
 * containers compactly, so a report reads (and diffs, and greps) as one finding per line. Holds
 * state: one instance per generator.
 */
final class LinePrettyPrinter implements PrettyPrinter {
    private final int lineDepth;
    private final String indentUnit;
    private int depth;

    LinePrettyPrinter(int lineDepth, String indentUnit) {
        this.lineDepth = lineDepth;
        this.indentUnit = indentUnit;
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        g.writeRaw('{');
        depth++;
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
        breakLine(g, depth);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(':');
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        breakLine(g, depth);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        closeContainer(g, entries);
        g.writeRaw('}');
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        g.writeRaw('[');
        depth++;
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        breakLine(g, depth);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        breakLine(g, depth);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
        closeContainer(g, values);
        g.writeRaw(']');
    }

    private void closeContainer(JsonGenerator g, int members) throws IOException {
        if (members > 0) {
            breakLine(g, depth - 1);
        }
        depth--;
    }

    private void breakLine(JsonGenerator g, int level) throws IOException {
        if (depth <= lineDepth) {
            g.writeRaw('\n');
            for (int i = 0; i < level; i++) {
                g.writeRaw(indentUnit);
            }
        }
    }
}
