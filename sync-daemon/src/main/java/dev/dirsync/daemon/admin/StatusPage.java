package dev.dirsync.daemon.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.dirsync.core.state.ObjectError;
import dev.dirsync.core.state.RunRecord;
import dev.dirsync.core.state.UnmanagedUser;
import dev.dirsync.daemon.service.LiveRun;
import dev.dirsync.daemon.service.TriggerText;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /}: one self-contained page (no scripts, no external resources) with the schedule,
 * the run in progress, recent runs, open per-object errors and links to the cleanup report. It
 * refreshes itself every 15 seconds.
 */
final class StatusPage implements HttpHandler {
    private static final int RUNS = 20;
    private static final int ERRORS = 50;
    private static final String STYLE =
            """
            body{font:14px system-ui,sans-serif;margin:2em;color:#222}h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em}
            table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}th{background:#f4f4f4}
            .success{color:#1a7f37}.partial{color:#9a6700}.failed,.deletion-threshold-exceeded{color:#cf222e}.running{color:#0969da}
            .muted{color:#666}""";

    private final AdminContext context;

    StatusPage(AdminContext context) {
        this.context = context;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"/".equals(exchange.getRequestURI().getPath())) {
                Responses.json(exchange, 404, Responses.error("not-found", "no such page"));
                return;
            }
            Responses.text(exchange, 200, "text/html; charset=utf-8", render());
        }
    }

    String render() {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"15\"><title>dirsync status</title><style>")
                .append(STYLE)
                .append("</style></head><body>");
        html.append("<h1>dirsync on ").append(esc(context.coordinator().node())).append("</h1>");
        schedule(html);
        current(html);
        runs(html, context.state().recentRuns(RUNS));
        errors(html, context.state().openErrors());
        unmanaged(html, context.state().unmanagedUsers());
        html.append("<h2>Cleanup report</h2><p><a href=\"/api/report?format=html\">HTML</a> &middot; ")
                .append(
                        "<a href=\"/api/report?format=csv\">CSV</a> &middot; <a href=\"/api/report?format=json\">JSON</a>")
                .append(" &middot; <a href=\"/metrics\">metrics</a></p>");
        html.append("</body></html>");
        return html.toString();
    }

    private void schedule(StringBuilder html) {
        var scheduler = context.scheduler();
        html.append("<p>Delta every <b>")
                .append(esc(scheduler.schedule().deltaInterval().toString()))
                .append("</b> (next ")
                .append(esc(scheduler.nextDelta().map(Object::toString).orElse("-")))
                .append("), full on <b>")
                .append(esc(scheduler.schedule().fullCron()))
                .append("</b> (next ")
                .append(esc(scheduler.nextFull().map(Object::toString).orElse("-")))
                .append(")")
                .append(scheduler.clustered() ? ", clustered" : "")
                .append(context.coordinator().staging() ? ", <b>staging</b>: runs plan, nothing is exported" : "")
                .append(".</p>");
    }

    private void current(StringBuilder html) {
        html.append("<h2>Now</h2>");
        Optional<LiveRun.View> live = context.coordinator().currentView();
        if (live.isEmpty()) {
            html.append("<p class=\"muted\">No run in progress.</p>");
        } else {
            LiveRun.View run = live.get();
            html.append("<p class=\"running\">")
                    .append(esc(run.type().label()))
                    .append(" run ")
                    .append(run.runId() == 0 ? "" : Long.toString(run.runId()))
                    .append(" (")
                    .append(esc(run.kind()))
                    .append(") since ")
                    .append(esc(run.started().toString()))
                    .append(": ")
                    .append(esc(run.stage()))
                    .append("<br><code>")
                    .append(esc(run.counts().line()))
                    .append("</code></p>");
        }
        context.coordinator().queuedRequest().ifPresent(q -> html.append("<p>Queued: ")
                .append(esc(q.type().label()))
                .append(" run.</p>"));
    }

    private static void runs(StringBuilder html, List<RunRecord> runs) {
        html.append("<h2>Recent runs</h2>");
        if (runs.isEmpty()) {
            html.append("<p class=\"muted\">No runs yet.</p>");
            return;
        }
        html.append("<table><tr><th>id</th><th>type</th><th>trigger</th><th>started</th><th>finished</th>")
                .append("<th>status</th><th>counts</th><th>note</th></tr>");
        for (RunRecord run : runs) {
            TriggerText trigger = TriggerText.parse(run.trigger());
            html.append("<tr><td>")
                    .append(run.id())
                    .append("</td><td>")
                    .append(esc(run.type().label()))
                    .append("</td><td>")
                    .append(esc(trigger.kind()))
                    .append(trigger.node() == null ? "" : " <span class=\"muted\">" + esc(trigger.node()) + "</span>")
                    .append("</td><td>")
                    .append(esc(run.started().toString()))
                    .append("</td><td>")
                    .append(run.finished() == null ? "" : esc(run.finished().toString()))
                    .append("</td><td class=\"")
                    .append(esc(run.status().label()))
                    .append("\">")
                    .append(esc(run.status().label()))
                    .append(run.planned() ? " <span class=\"muted\">(dry run: planned)</span>" : "")
                    .append("</td><td><code>")
                    .append(esc(run.summary().line()))
                    .append("</code></td><td>")
                    .append(run.errorSummary() == null ? "" : esc(run.errorSummary()))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void errors(StringBuilder html, List<ObjectError> errors) {
        html.append("<h2>Objects failing now (").append(errors.size()).append(")</h2>");
        if (errors.isEmpty()) {
            html.append("<p class=\"muted\">None.</p>");
            return;
        }
        html.append(
                "<table><tr><th>object</th><th>kind</th><th>code</th><th>message</th><th>attempts</th><th>run</th></tr>");
        for (ObjectError error : errors.subList(0, Math.min(ERRORS, errors.size()))) {
            html.append("<tr><td>")
                    .append(esc(error.dn() == null ? error.anchor().value() : error.dn()))
                    .append("</td><td>")
                    .append(esc(error.kind()))
                    .append("</td><td>")
                    .append(esc(error.code()))
                    .append("</td><td>")
                    .append(esc(error.message()))
                    .append("</td><td>")
                    .append(error.attempts())
                    .append("</td><td>")
                    .append(error.runId())
                    .append("</td></tr>");
        }
        html.append("</table>");
        if (errors.size() > ERRORS) {
            html.append("<p class=\"muted\">").append(errors.size() - ERRORS).append(" more; see /api/runs/ID.</p>");
        }
    }

    private static void unmanaged(StringBuilder html, List<UnmanagedUser> users) {
        if (users.isEmpty()) {
            return;
        }
        html.append("<h2>Cloud users awaiting adoption (")
                .append(users.size())
                .append(")</h2><p>They carry an anchor but are neither managed nor in the directory: a person removed")
                .append(" while the state was lost, or a user another tool anchored. dirsync leaves them alone;")
                .append(" <code>dirsync state adopt ANCHOR</code> makes one managed.</p><table><tr><th>user</th>")
                .append("<th>anchor</th></tr>");
        for (UnmanagedUser user : users.subList(0, Math.min(ERRORS, users.size()))) {
            html.append("<tr><td>")
                    .append(esc(user.userPrincipalName()))
                    .append("</td><td><code>")
                    .append(esc(user.object().anchor().value()))
                    .append("</code></td></tr>");
        }
        html.append("</table>");
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
