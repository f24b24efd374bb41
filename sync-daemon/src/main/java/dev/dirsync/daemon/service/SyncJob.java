package dev.dirsync.daemon.service;

import dev.dirsync.core.state.RunType;
import java.util.Locale;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * A scheduled slot: asks the coordinator for a run of the trigger's type, for the slot's fire
 * time. Never concurrent with itself, across a cluster too (the job store blocks the job's other
 * triggers while it runs); the coordinator also keeps it from overlapping an operator's run.
 */
@DisallowConcurrentExecution
final class SyncJob implements Job {
    static final String TYPE = "type";

    private final RunCoordinator coordinator;

    SyncJob(RunCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public void execute(JobExecutionContext context) {
        RunType type =
                RunType.valueOf(context.getMergedJobDataMap().getString(TYPE).toUpperCase(Locale.ROOT));
        coordinator.runScheduled(type, context.getScheduledFireTime().toInstant());
    }
}
