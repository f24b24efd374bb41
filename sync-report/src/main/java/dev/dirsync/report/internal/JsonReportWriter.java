package dev.dirsync.report.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dirsync.report.ReportContext;
import dev.dirsync.report.ReportFormat;
import dev.dirsync.report.ReportTotals;
import java.io.IOException;
import java.io.OutputStream;

/**
 * {"generatedAt", "source", "profile", "findings":[...], "totals":{...}} in UTF-8, one finding per
 * line; absent values are null. The totals come last because they are known only at the end.
 */
public final class JsonReportWriter extends StreamingReportWriter {
    private final OutputStream out;
    private final ReportContext context;
    private JsonGenerator json;

    public JsonReportWriter(OutputStream out, ReportContext context) {
        this.out = out;
        this.context = context;
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.JSON;
    }

    @Override
    protected void start() throws IOException {
        json = ReportJson.FACTORY.createGenerator(out);
        json.setPrettyPrinter(new LinePrettyPrinter(2, "  "));
        json.writeStartObject();
        json.writeStringField("generatedAt", context.generatedAt().toString());
        json.writeStringField("source", context.source());
        json.writeStringField("profile", context.profile());
        json.writeArrayFieldStart("findings");
    }

    @Override
    protected void writeRow(ReportRow row) throws IOException {
        json.writeStartObject();
        json.writeStringField("dn", row.dn());
        json.writeStringField("commonName", row.commonName());
        json.writeStringField("objectClass", row.objectClass());
        json.writeStringField("attribute", row.attribute());
        json.writeArrayFieldStart("error");
        for (String label : row.errors()) {
            json.writeString(label);
        }
        json.writeEndArray();
        json.writeStringField("value", row.value());
        json.writeStringField("update", row.update());
        json.writeStringField("proposedAction", row.proposedAction());
        json.writeStringField("detail", row.detail());
        json.writeEndObject();
    }

    @Override
    protected void finish(ReportTotals totals) throws IOException {
        json.writeEndArray();
        json.writeFieldName("totals");
        ReportJson.writeTotals(json, totals);
        json.writeEndObject();
        json.writeRaw('\n');
        json.close();
        out.flush();
    }
}
