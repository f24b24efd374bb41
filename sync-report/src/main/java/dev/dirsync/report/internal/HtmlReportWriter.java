package dev.dirsync.report.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dirsync.report.ReportContext;
import dev.dirsync.report.ReportFormat;
import dev.dirsync.report.ReportTotals;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * One self-contained page. The findings stream into a {@code <script type="application/json"
 * id="findings-data">} block as arrays {@code [dn, commonName, objectClass, attribute, [error...],
 * value, update, proposedAction, detail]}, one per line; the totals follow in a second block
 * ({@code id="totals-data"}) once known; the page's script renders them a page of rows at a time.
 */
public final class HtmlReportWriter extends StreamingReportWriter {
    private final Writer out;
    private final ReportContext context;
    private JsonGenerator data;

    public HtmlReportWriter(OutputStream out, ReportContext context) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        this.context = context;
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.HTML;
    }

    @Override
    protected void start() throws IOException {
        out.write(HtmlTemplate.INSTANCE.head(context));
        data = scriptJson();
        data.writeStartArray();
    }

    @Override
    protected void writeRow(ReportRow row) throws IOException {
        data.writeStartArray();
        data.writeString(row.dn());
        data.writeString(row.commonName());
        data.writeString(row.objectClass());
        data.writeString(row.attribute());
        data.writeStartArray();
        for (String label : row.errors()) {
            data.writeString(label);
        }
        data.writeEndArray();
        data.writeString(row.value());
        data.writeString(row.update());
        data.writeString(row.proposedAction());
        data.writeString(row.detail());
        data.writeEndArray();
    }

    @Override
    protected void finish(ReportTotals totals) throws IOException {
        data.writeEndArray();
        data.close();
        out.write(HtmlTemplate.INSTANCE.middle());
        try (JsonGenerator json = scriptJson()) {
            ReportJson.writeTotals(json, totals);
        }
        out.write(HtmlTemplate.INSTANCE.tail());
        out.flush();
    }

    private JsonGenerator scriptJson() throws IOException {
        JsonGenerator json = ReportJson.FACTORY.createGenerator(out);
        json.setCharacterEscapes(ScriptDataEscapes.INSTANCE);
        json.setPrettyPrinter(new LinePrettyPrinter(1, ""));
        return json;
    }
}
