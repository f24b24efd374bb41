package dev.dirsync.daemon.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.dirsync.core.DirsyncException;
import dev.dirsync.core.state.RunRecord;
import dev.dirsync.core.state.RunType;
import dev.dirsync.daemon.service.RequestState;
import dev.dirsync.daemon.service.RunCoordinator;
import dev.dirsync.daemon.service.StagingPlan;
import dev.dirsync.report.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JSON API under {@code /api/}. */
final class ApiHandler implements HttpHandler {
    private static final Pattern RUN = Pattern.compile("/api/runs/(\\d+)");
    private static final Pattern REQUEST = Pattern.compile("/api/requests/(\\d+)");
    private static final int MAX_RUNS = 500;

    private final AdminContext context;

    ApiHandler(AdminContext context) {
        this.context = context;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            try {
                route(
                        exchange,
                        method,
                        path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path);
            } catch (MethodNotAllowed e) {
                Responses.json(exchange, 405, Responses.error("method-not-allowed", e.getMessage()));
            } catch (Request.BadRequest e) {
                Responses.json(exchange, 400, Responses.error("bad-request", e.getMessage()));
            } catch (DirsyncException e) {
                Responses.json(exchange, 503, Responses.error("unavailable", e.getMessage()));
            }
        }
    }

    private void route(HttpExchange exchange, String method, String path) throws IOException {
        Request request = Request.of(exchange);
        Matcher run = RUN.matcher(path);
        Matcher requestId = REQUEST.matcher(path);
        if (path.equals("/api/status")) {
            expect(method, "GET");
            Responses.json(exchange, 200, StatusReport.of(context));
        } else if (path.equals("/api/runs") && method.equals("POST")) {
            startRun(exchange, request);
        } else if (path.equals("/api/runs")) {
            expect(method, "GET");
            int limit = (int)
                    Math.min(MAX_RUNS, Math.max(1, request.longParam("limit").orElse(20L)));
            Responses.json(
                    exchange,
                    200,
                    Map.of(
                            "runs",
                            context.state().recentRuns(limit).stream()
                                    .map(Views::run)
                                    .toList()));
        } else if (run.matches()) {
            expect(method, "GET");
            showRun(exchange, Long.parseLong(run.group(1)));
        } else if (requestId.matches()) {
            expect(method, "GET");
            Optional<RequestState> state = context.coordinator().request(Long.parseLong(requestId.group(1)));
            if (state.isEmpty()) {
                Responses.json(
                        exchange,
                        404,
                        Responses.error(
                                "not-found",
                                "no request " + requestId.group(1) + " (this daemon keeps its recent requests)"));
            } else {
                Responses.json(exchange, 200, Views.request(state.get()));
            }
        } else if (path.equals("/api/removals/approve")) {
            expect(method, "POST");
            Optional<Long> runId = request.longParam("runId");
            int approved = context.state().approveRemovals(runId);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("approved", approved);
            body.put("runId", runId.orElse(null));
            body.put(
                    "message",
                    approved == 0
                            ? "no pending removals"
                                    + runId.map(id -> " of run " + id).orElse("")
                            : "approved; the next run exports them");
            Responses.json(exchange, 200, body);
        } else if (path.equals("/api/pending")) {
            expect(method, "GET");
            Responses.json(exchange, 200, pending());
        } else if (path.equals("/api/report")) {
            expect(method, "GET");
            report(exchange, request);
        } else {
            Responses.json(exchange, 404, Responses.error("not-found", "no such endpoint: " + method + " " + path));
        }
    }

    private void startRun(HttpExchange exchange, Request request) throws IOException {
        String typeName =
                request.param("type").orElseThrow(() -> new Request.BadRequest("type is required: full or delta"));
        RunType type;
        try {
            type = RunType.valueOf(typeName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Request.BadRequest("type must be full or delta, got '" + typeName + "'");
        }
        RunCoordinator.Submission submission = context.coordinator().submit(type);
        Map<String, Object> body = Views.request(submission.request());
        if (submission.queued()) {
            body.put("status", "queued");
            body.put("running", submission.running().map(Views::live).orElse(null));
            Responses.json(exchange, 409, body);
        } else if (RequestState.FAILED.equals(submission.request().state())
                && submission.request().runId() == 0) {
            body.put("status", "failed");
            Responses.json(exchange, 503, body);
        } else {
            body.put("status", submission.request().runId() == 0 ? "waiting" : "started");
            Responses.json(exchange, 202, body);
        }
    }

    private void showRun(HttpExchange exchange, long id) throws IOException {
        Optional<RunRecord> found = context.state().run(id);
        if (found.isEmpty()) {
            Responses.json(exchange, 404, Responses.error("not-found", "no run " + id));
            return;
        }
        Map<String, Object> body = Views.run(found.get());
        context.coordinator().currentView().filter(live -> live.runId() == id).ifPresent(live -> {
            body.put("counts", Views.counts(live.counts()));
            body.put("stage", live.stage());
        });
        body.put("errors", context.state().errors(id).stream().map(Views::error).toList());
        Responses.json(exchange, 200, body);
    }

    private Map<String, Object> pending() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("staging", context.coordinator().staging());
        Optional<StagingPlan> plan = context.coordinator().stagingPlan();
        body.put("runId", plan.map(StagingPlan::runId).orElse(null));
        body.put("planned", plan.map(p -> Views.text(p.finished())).orElse(null));
        body.put("total", plan.map(StagingPlan::total).orElse(0L));
        body.put("truncated", plan.map(StagingPlan::truncated).orElse(false));
        body.put("changes", plan.map(StagingPlan::changes).orElse(List.of()));
        body.put(
                "pendingRemovals",
                context.state().pendingRemovals().stream().map(Views::removal).toList());
        body.put(
                "unmanagedUsers",
                context.state().unmanagedUsers().stream().map(Views::unmanaged).toList());
        if (!context.coordinator().staging()) {
            body.put(
                    "message",
                    "schedule.staging is off: runs export what they plan; pendingRemovals lists removals"
                            + " held by the deletion threshold");
        } else if (plan.isEmpty()) {
            body.put("message", "no staging run has finished since the daemon started");
        }
        return body;
    }

    private void report(HttpExchange exchange, Request request) throws IOException {
        ReportFormat format;
        try {
            format = ReportFormat.parse(request.param("format").orElse("html"));
        } catch (IllegalArgumentException e) {
            throw new Request.BadRequest(e.getMessage());
        }
        Path file = context.reportDirectory().resolve("cleanup-report." + format.extension());
        if (!Files.isRegularFile(file)) {
            Responses.json(
                    exchange,
                    404,
                    Responses.error(
                            "not-found",
                            "no " + format.extension() + " cleanup report yet: it is written by each run"));
            return;
        }
        Responses.file(exchange, format.mediaType(), file);
    }

    private static void expect(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new MethodNotAllowed(allowed);
        }
    }

    /** Answered with 405. */
    static final class MethodNotAllowed extends Request.BadRequest {
        private static final long serialVersionUID = 1L;

        MethodNotAllowed(String allowed) {
            super("method not allowed; use " + allowed);
        }
    }
}
