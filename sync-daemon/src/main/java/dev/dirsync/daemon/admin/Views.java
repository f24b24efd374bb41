package dev.dirsync.daemon.admin;

import dev.dirsync.core.state.ObjectError;
import dev.dirsync.core.state.PendingRemoval;
import dev.dirsync.core.state.RunRecord;
import dev.dirsync.core.state.RunSummary;
import dev.dirsync.core.state.UnmanagedUser;
import dev.dirsync.daemon.service.LiveRun;
import dev.dirsync.daemon.service.RequestState;
import dev.dirsync.daemon.service.TriggerText;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of the admin API, as ordered maps. */
final class Views {
    private Views() {}

    static Map<String, Object> run(RunRecord run) {
        TriggerText trigger = TriggerText.parse(run.trigger());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", run.id());
        view.put("type", run.type().label());
        view.put("status", run.status().label());
        view.put("mode", mode(run));
        view.put("trigger", trigger.kind());
        view.put("scheduledFor", text(trigger.scheduledFor()));
        view.put("node", trigger.node());
        view.put("started", text(run.started()));
        view.put("finished", text(run.finished()));
        Instant end = run.finished() == null ? Instant.now() : run.finished();
        view.put("durationSeconds", Duration.between(run.started(), end).toMillis() / 1000.0);
        view.put("counts", counts(run.summary()));
        view.put("summary", run.summary().line());
        view.put("note", run.errorSummary());
        return view;
    }

    static Map<String, Object> live(LiveRun.View live) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("runId", live.runId() == 0 ? null : live.runId());
        view.put("request", live.request());
        view.put("type", live.type().label());
        view.put("trigger", live.kind());
        view.put("scheduledFor", text(live.scheduledFor()));
        view.put("started", text(live.started()));
        view.put("stage", live.stage());
        view.put("counts", counts(live.counts()));
        return view;
    }

    static Map<String, Object> request(RequestState request) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("request", request.request());
        view.put("type", request.type().label());
        view.put("state", request.state());
        view.put("runId", request.runId() == 0 ? null : request.runId());
        view.put("message", request.message());
        return view;
    }

    static Map<String, Object> error(ObjectError error) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("anchor", error.anchor().value());
        view.put("dn", error.dn());
        view.put("runId", error.runId());
        view.put("kind", error.kind());
        view.put("code", error.code());
        view.put("message", error.message());
        view.put("attempts", error.attempts());
        view.put("at", text(error.at()));
        return view;
    }

    static Map<String, Object> removal(PendingRemoval removal) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("anchor", removal.anchor().value());
        view.put("cloudId", removal.cloudId());
        view.put("dn", removal.dn());
        view.put("runId", removal.runId());
        view.put("reason", removal.reason());
        return view;
    }

    /** {@code planned} for a dry run (its counts are what it would have done), else {@code done}. */
    static String mode(RunRecord run) {
        return run.planned() ? "planned" : "done";
    }

    static Map<String, Object> unmanaged(UnmanagedUser user) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("anchor", user.object().anchor().value());
        view.put("cloudId", user.object().cloudId());
        view.put("userPrincipalName", user.userPrincipalName());
        return view;
    }

    static Map<String, Object> counts(RunSummary summary) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("read", summary.read());
        view.put("skipped", summary.skipped());
        view.put("blocked", summary.blocked());
        view.put("created", summary.created());
        view.put("updated", summary.updated());
        view.put("deleted", summary.deleted());
        view.put("unchanged", summary.unchanged());
        view.put("failed", summary.failed());
        return view;
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
