package dev.dirsync.daemon.service;

import dev.dirsync.core.DirsyncException;
import dev.dirsync.daemon.config.ScheduleConfig;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's schedule on Quartz: a delta run every {@code schedule.deltaInterval} and a full run
 * on {@code schedule.fullCron}, both as triggers of one job that never runs concurrently. Slots
 * missed while no daemon ran (or while a run took longer than the interval, or while a dead
 * daemon's slots were taken over) collapse into one run, made at once. In memory (RAMJobStore) for a single daemon; on a PostgreSQL state database a
 * clustered JDBC job store, so that of several daemons on one database exactly one runs each slot
 * and another takes over within seconds when one dies.
 */
public final class SyncScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);
    static final String GROUP = "dirsync";
    static final JobKey JOB = new JobKey("sync", GROUP);
    static final TriggerKey DELTA = new TriggerKey("delta", GROUP);
    static final TriggerKey FULL = new TriggerKey("full", GROUP);
    /** Cluster check-in: a dead daemon's slots are taken over about 10 to 20 seconds after it died. */
    static final long CLUSTER_CHECKIN_MILLIS = 5_000;

    private static final String CLUSTER_DATA_SOURCE = "dirsyncState";

    private final Scheduler scheduler;
    private final ScheduleConfig schedule;
    private final boolean clustered;

    private SyncScheduler(Scheduler scheduler, ScheduleConfig schedule, boolean clustered) {
        this.scheduler = scheduler;
        this.schedule = schedule;
        this.clustered = clustered;
    }

    /**
     * Prepares (does not start) the schedule.
     *
     * @param clusterStore the shared PostgreSQL state database; empty for an in-memory job store
     */
    public static SyncScheduler create(
            ScheduleConfig schedule,
            FirstFires first,
            RunCoordinator coordinator,
            Optional<DataSource> clusterStore,
            String node) {
        try {
            Properties properties =
                    clusterStore.isPresent() ? clusteredProperties(node, schedule) : memoryProperties(node, schedule);
            if (clusterStore.isPresent()) {
                QuartzTables.ensure(clusterStore.get());
                DBConnectionManager.getInstance()
                        .addConnectionProvider(
                                CLUSTER_DATA_SOURCE, new DataSourceConnectionProvider(clusterStore.get()));
            }
            Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
            scheduler.setJobFactory((bundle, owner) -> new SyncJob(coordinator));
            SyncScheduler result = new SyncScheduler(scheduler, schedule, clusterStore.isPresent());
            result.install(first);
            return result;
        } catch (SchedulerException e) {
            throw new DirsyncException("cannot set up the schedule: " + e.getMessage(), e);
        }
    }

    public void start() {
        try {
            scheduler.start();
            LOG.info(
                    "schedule started ({}): delta every {}, full on '{}'; next delta {}, next full {}",
                    clustered ? "clustered on the state database" : "in memory",
                    schedule.deltaInterval(),
                    schedule.fullCron(),
                    nextDelta().map(Instant::toString).orElse("-"),
                    nextFull().map(Instant::toString).orElse("-"));
        } catch (SchedulerException e) {
            throw new DirsyncException("cannot start the schedule: " + e.getMessage(), e);
        }
    }

    /** Fires nothing more; a run in progress goes on. */
    public void pause() {
        try {
            scheduler.standby();
        } catch (SchedulerException e) {
            LOG.warn("cannot pause the schedule: {}", e.getMessage());
        }
    }

    public Optional<Instant> nextDelta() {
        return nextFire(DELTA);
    }

    public Optional<Instant> nextFull() {
        return nextFire(FULL);
    }

    public boolean clustered() {
        return clustered;
    }

    public ScheduleConfig schedule() {
        return schedule;
    }

    /** Stops the scheduler, waiting for a job in progress (the coordinator has stopped it). */
    @Override
    public void close() {
        close(true);
    }

    /** @param waitForJob false when the run in progress did not stop in time: the process is leaving anyway */
    public void close(boolean waitForJob) {
        try {
            scheduler.shutdown(waitForJob);
        } catch (SchedulerException e) {
            LOG.warn("the schedule did not shut down cleanly: {}", e.getMessage());
        }
    }

    private Optional<Instant> nextFire(TriggerKey key) {
        try {
            Trigger trigger = scheduler.getTrigger(key);
            return Optional.ofNullable(trigger).map(Trigger::getNextFireTime).map(Date::toInstant);
        } catch (SchedulerException e) {
            LOG.warn("cannot read the next fire time of {}: {}", key.getName(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Adds the job and both triggers; a clustered store keeps triggers that already match the schedule. */
    private void install(FirstFires first) throws SchedulerException {
        JobDetail job = JobBuilder.newJob(SyncJob.class)
                .withIdentity(JOB)
                .storeDurably()
                .requestRecovery(false)
                .withDescription("a dirsync run; the trigger says which type")
                .build();
        if (!scheduler.checkExists(JOB)) {
            try {
                scheduler.addJob(job, false);
            } catch (ObjectAlreadyExistsException e) {
                LOG.debug("another daemon added the job first");
            }
        }
        place(deltaTrigger(first.delta()));
        place(fullTrigger(first.full()));
    }

    private void place(Trigger wanted) throws SchedulerException {
        Trigger existing = scheduler.getTrigger(wanted.getKey());
        if (existing == null) {
            try {
                scheduler.scheduleJob(wanted);
            } catch (ObjectAlreadyExistsException e) {
                LOG.debug("another daemon scheduled {} first", wanted.getKey().getName());
            }
        } else if (!sameSchedule(existing, wanted)) {
            LOG.info(
                    "the {} schedule changed in the configuration; replacing it",
                    wanted.getKey().getName());
            scheduler.rescheduleJob(wanted.getKey(), wanted);
        }
    }

    private static boolean sameSchedule(Trigger existing, Trigger wanted) {
        if (existing instanceof SimpleTrigger a && wanted instanceof SimpleTrigger b) {
            return a.getRepeatInterval() == b.getRepeatInterval();
        }
        if (existing instanceof CronTrigger a && wanted instanceof CronTrigger b) {
            return a.getCronExpression().equals(b.getCronExpression());
        }
        return false;
    }

    /** Missed delta slots collapse into one run, now; the interval then counts from it. */
    Trigger deltaTrigger(Instant start) {
        return TriggerBuilder.newTrigger()
                .withIdentity(DELTA)
                .forJob(JOB)
                .usingJobData(SyncJob.TYPE, "delta")
                .startAt(Date.from(start))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(schedule.deltaInterval().toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNowWithRemainingCount())
                .build();
    }

    /** A missed full slot runs once, now; the cron's next slot follows as usual. */
    Trigger fullTrigger(Instant start) {
        return TriggerBuilder.newTrigger()
                .withIdentity(FULL)
                .forJob(JOB)
                .usingJobData(SyncJob.TYPE, "full")
                .startAt(Date.from(start))
                .withSchedule(CronScheduleBuilder.cronSchedule(schedule.fullCron())
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    /**
     * How late a slot may fire before it counts as missed (and is collapsed with the others into one
     * run now): half the delta interval, between one second and a minute.
     */
    static long misfireThresholdMillis(ScheduleConfig schedule) {
        return Math.max(1_000, Math.min(60_000, schedule.deltaInterval().toMillis() / 2));
    }

    private static Properties common(String instanceName, String node, ScheduleConfig schedule) {
        Properties p = new Properties();
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, instanceName);
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, node);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        // one run at a time: one worker thread is all the schedule needs
        p.setProperty("org.quartz.threadPool.threadCount", "1");
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "dirsync-schedule");
        p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(misfireThresholdMillis(schedule)));
        return p;
    }

    static Properties memoryProperties(String node, ScheduleConfig schedule) {
        // a name of its own: the factory keeps schedulers by name for the life of the JVM
        Properties p = common("dirsync-" + UUID.randomUUID(), node, schedule);
        p.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.simpl.RAMJobStore");
        return p;
    }

    static Properties clusteredProperties(String node, ScheduleConfig schedule) {
        // every daemon of the cluster shares the scheduler name: it keys their rows in the tables
        Properties p = common("dirsync", node, schedule);
        p.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", CLUSTER_DATA_SOURCE);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(CLUSTER_CHECKIN_MILLIS));
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        return p;
    }
}
