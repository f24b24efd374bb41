package dev.dirsync.daemon.admin;

import dev.dirsync.core.state.RunRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The daemon's status: schedule and next fire times, the run in progress, the queue, recent runs. */
final class StatusReport {
    static final int RECENT = 10;

    private StatusReport() {}

    static Map<String, Object> of(AdminContext context) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("node", context.coordinator().node());
        status.put("staging", context.coordinator().staging());
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put(
                "deltaInterval", context.scheduler().schedule().deltaInterval().toString());
        schedule.put("fullCron", context.scheduler().schedule().fullCron());
        schedule.put("clustered", context.scheduler().clustered());
        schedule.put(
                "nextDelta", context.scheduler().nextDelta().map(Views::text).orElse(null));
        schedule.put("nextFull", context.scheduler().nextFull().map(Views::text).orElse(null));
        status.put("schedule", schedule);
        status.put(
                "current", context.coordinator().currentView().map(Views::live).orElse(null));
        status.put(
                "queued",
                context.coordinator().queuedRequest().map(Views::request).orElse(null));
        List<RunRecord> recent = context.state().recentRuns(RECENT);
        status.put("lastRuns", recent.stream().map(Views::run).toList());
        return status;
    }
}
