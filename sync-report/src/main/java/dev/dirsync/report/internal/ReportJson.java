package dev.dirsync.report.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.dirsync.report.ReportTotals;
import java.io.IOException;
import java.util.Map;

/** JSON pieces shared by the JSON and HTML reports. Generators never close nor flush the target. */
final class ReportJson {
    static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            .build();

    private ReportJson() {}

    /** {"findings":n,"objectsWithFindings":n,"byErrorClass":{label:n...},"byAttribute":{name:n...}} */
    static void writeTotals(JsonGenerator g, ReportTotals totals) throws IOException {
        g.writeStartObject();
        g.writeNumberField("findings", totals.findings());
        g.writeNumberField("objectsWithFindings", totals.objectsWithFindings());
        writeCounts(g, "byErrorClass", totals.byErrorClass());
        writeCounts(g, "byAttribute", totals.byAttribute());
        g.writeEndObject();
    }

    private static void writeCounts(JsonGenerator g, String name, Map<String, Long> counts) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, Long> count : counts.entrySet()) {
            g.writeNumberField(count.getKey(), count.getValue());
        }
        g.writeEndObject();
    }
}
